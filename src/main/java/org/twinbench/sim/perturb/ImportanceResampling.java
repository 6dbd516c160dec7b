package org.twinbench.sim.perturb;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;

/**
 * Covariate shift by importance resampling: the batch's rows are drawn again, with replacement, with
 * weights {@code w_i = exp(λ z_i)}, {@code z_i = (x_i − mean) / sd} the row's standardised value of
 * the feature in this batch (a missing value counts as z = 0). Whole rows move together, so every
 * other column, and its relationship to the feature, stays as the data has it; only the feature's
 * distribution tilts (exponential tilting: for a normal feature the mean moves by λ·sd and the
 * spread stays).
 *
 * <p>λ is either given ({@code tilt}) or, with {@code meanShift}, found by bisection so that the
 * weighted mean of the feature's present values in the batch is {@code mean + meanShift}.
 * Incremental schedules scale λ (or the mean shift) by the intensity; a gradual one redraws each
 * row with probability equal to the intensity, at the full tilt.
 */
public record ImportanceResampling(String nodeId, String column, double tilt, double meanShift, Schedule schedule)
        implements Perturbation {

    /** Bisection bounds for λ: beyond |λ| = 30 one row carries almost all the weight anyway. */
    static final double MAX_TILT = 30;

    /** Resampling with a fixed tilt λ. */
    public static ImportanceResampling withTilt(String nodeId, String column, double tilt, Schedule schedule) {
        return new ImportanceResampling(nodeId, column, tilt, Double.NaN, schedule);
    }

    /** Resampling with the λ that moves the feature's mean by {@code meanShift}. */
    public static ImportanceResampling toMeanShift(String nodeId, String column, double meanShift, Schedule schedule) {
        return new ImportanceResampling(nodeId, column, Double.NaN, meanShift, schedule);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double a = schedule.intensity(step);
        int n = batch.rowCount();
        if (a == 0 || n == 0) {
            return batch;
        }
        boolean perRow = schedule.kind() == Schedule.Kind.GRADUAL;
        double strength = perRow ? 1 : a;
        double[] z = standardised(batch.numeric(column).values());
        double lambda = Double.isNaN(meanShift) ? strength * tilt
                : tiltFor(batch.numeric(column).values(), z, strength * meanShift);
        double[] cumulative = cumulativeWeights(z, lambda);
        double total = cumulative[n - 1];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            if (perRow && random.nextDouble() >= a) {
                rows[i] = i;
                continue;
            }
            double u = random.nextDouble() * total;
            int k = Arrays.binarySearch(cumulative, u);
            // The first row whose cumulative weight exceeds u.
            rows[i] = Math.min(n - 1, k >= 0 ? k + 1 : -k - 1);
        }
        return batch.select(rows);
    }

    /** The values as z-scores within the batch; missing values (and a constant feature) give 0. */
    static double[] standardised(double[] x) {
        double sum = 0;
        int present = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                present++;
            }
        }
        double mean = present == 0 ? 0 : sum / present;
        double ss = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = present < 2 ? 0 : Math.sqrt(ss / (present - 1));
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = Double.isNaN(x[i]) || sd == 0 ? 0 : (x[i] - mean) / sd;
        }
        return z;
    }

    /** Running sums of exp(λ z − λ max z) (shifted so that no weight overflows). */
    static double[] cumulativeWeights(double[] z, double lambda) {
        double top = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            top = Math.max(top, lambda * v);
        }
        double[] cumulative = new double[z.length];
        double running = 0;
        for (int i = 0; i < z.length; i++) {
            running += Math.exp(lambda * z[i] - top);
            cumulative[i] = running;
        }
        return cumulative;
    }

    /** The λ whose tilted mean of the present values is their mean plus {@code shift} (bisection, 100 halvings). */
    static double tiltFor(double[] x, double[] z, double shift) {
        double target = tiltedMean(x, z, 0) + shift;
        double low = -MAX_TILT;
        double high = MAX_TILT;
        for (int iteration = 0; iteration < 100; iteration++) {
            double middle = (low + high) / 2;
            if (tiltedMean(x, z, middle) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** Σ w_i x_i / Σ w_i over the present values, w_i = exp(λ z_i − λ max z) (increasing in λ). */
    static double tiltedMean(double[] x, double[] z, double lambda) {
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                top = Math.max(top, lambda * z[i]);
            }
        }
        double weights = 0;
        double weighted = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                double w = Math.exp(lambda * z[i] - top);
                weights += w;
                weighted += w * x[i];
            }
        }
        return weights == 0 ? Double.NaN : weighted / weights;
    }
}
