package org.twinbench.sim.perturb;

import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.Seeds;

/**
 * Gaussian feature noise: every present value of each column gets {@code N(0, (a·sd)²)} added at
 * intensity {@code a}, so the mean stays and the variance grows by {@code (a·sd)²}. Missing values stay missing.
 */
public record GaussianNoise(String nodeId, List<String> columns, double sd, Schedule schedule) implements Perturbation {

    public GaussianNoise {
        columns = List.copyOf(columns);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double s = schedule.intensity(step) * sd;
        if (s == 0) {
            return batch;
        }
        Frame out = batch;
        for (String column : columns) {
            NumericColumn source = batch.numeric(column);
            // A column named twice takes the noise of its last mention only, each drawn on the batch's values.
            boolean repeated = columns.indexOf(column) != columns.lastIndexOf(column);
            double[] values = repeated ? source.values().clone() : StepArrays.values(source);
            for (int i = 0; i < values.length; i++) {
                double noise = s * Seeds.gaussian(random);
                if (!Double.isNaN(values[i])) {
                    values[i] += noise;
                }
            }
            out = StepArrays.withValues(out, source, values);
        }
        return out;
    }
}
