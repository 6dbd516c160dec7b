package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;

/**
 * A unit or scale bug: a numeric feature arrives multiplied by {@code factor} (e.g. grams instead of
 * kilograms) in each row with probability equal to the intensity (sudden: every row from the start
 * step on). The bug is all or nothing for a row; it never scales by an in-between factor.
 */
public record ScaleBug(String nodeId, String column, double factor, Schedule schedule) implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double a = schedule.intensity(step);
        if (a == 0) {
            return batch;
        }
        NumericColumn source = batch.numeric(column);
        double[] values = source.values().clone();
        for (int i = 0; i < values.length; i++) {
            if (a >= 1 || random.nextDouble() < a) {
                values[i] *= factor;
            }
        }
        return batch.with(source.withValues(values));
    }
}
