package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;

/**
 * Outlier injection: each present value becomes an outlier with probability {@code a · rate} at
 * intensity {@code a}: it moves by {@code ± magnitude · sd}, where sd is the batch's standard
 * deviation of the column (before injection) and the sign is a fair coin.
 */
public record Outliers(String nodeId, String column, double rate, double magnitude, Schedule schedule)
        implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * rate;
        if (p == 0) {
            return batch;
        }
        NumericColumn source = batch.numeric(column);
        double spread = source.standardDeviation();
        double sd = Double.isNaN(spread) ? 0 : spread;
        double[] values = source.values().clone();
        for (int i = 0; i < values.length; i++) {
            boolean hit = random.nextDouble() < p;
            boolean up = random.nextBoolean();
            if (hit && !Double.isNaN(values[i])) {
                values[i] += (up ? 1 : -1) * magnitude * sd;
            }
        }
        return batch.with(source.withValues(values));
    }
}
