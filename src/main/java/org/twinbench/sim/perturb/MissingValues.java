package org.twinbench.sim.perturb;

import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;

/**
 * Missing values. {@code mcar}: each cell of the columns goes missing with probability {@code a · rate}
 * at intensity {@code a}, independently of everything (missing completely at random).
 * {@code pipeline break}: while the schedule's intensity is above 0, every cell of the columns is missing.
 */
public record MissingValues(String nodeId, List<String> columns, boolean pipelineBreak, double rate,
                            Schedule schedule) implements Perturbation {

    public MissingValues {
        columns = List.copyOf(columns);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double a = schedule.intensity(step);
        double p = pipelineBreak ? (a > 0 ? 1 : 0) : a * rate;
        if (p == 0) {
            return batch;
        }
        Frame out = batch;
        for (String name : columns) {
            Column column = batch.column(name);
            boolean[] blank = new boolean[column.size()];
            for (int i = 0; i < blank.length; i++) {
                blank[i] = p >= 1 || random.nextDouble() < p;
            }
            if (column instanceof NumericColumn numeric) {
                double[] values = numeric.values().clone();
                for (int i = 0; i < values.length; i++) {
                    values[i] = blank[i] ? Double.NaN : values[i];
                }
                out = out.with(numeric.withValues(values));
            } else {
                CategoricalColumn categorical = (CategoricalColumn) column;
                int[] codes = categorical.codes().clone();
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = blank[i] ? CategoricalColumn.MISSING : codes[i];
                }
                out = out.with(categorical.withCodes(codes));
            }
        }
        return out;
    }
}
