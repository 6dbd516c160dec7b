package org.twinbench.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The alarm threshold of a drift statistic that holds a stated false-alarm rate for batches of a given
 * size, read off the statistic's distribution when nothing has changed (docs/verdicts.md, "Calibrated
 * alarms"): a Monte Carlo test (Barnard 1963; Davison and Hinkley 1997, §4.2.5).
 *
 * <p>Each of R resamples draws a pseudo-reference and a pseudo-batch of the batch size m from the reference's
 * n present values and computes the statistic between them. With R + 1 = 10 / rate and the threshold at the
 * 10th largest of the R values, a batch exchangeable with the reference exceeds it with probability at most
 * {@code rate} (exactly, were the resamples distributed as real batches): the batch would be the largest
 * of 10 among R + 1 exchangeable values.
 *
 * <p>The resamples: when n ≥ 2m, the pseudo-batch is m values drawn without replacement and the
 * pseudo-reference min(n − m, max(20 m, 1000)) other values, so that ties stay as the data has them; a
 * pseudo-reference smaller than n makes the threshold slightly higher (conservative: at most 5% more
 * variance once it holds 20 m values). When n &lt; 2m both are drawn with replacement (a bootstrap), n and m
 * values.
 */
public final class NullCalibration {

    /** Resampled values above the threshold: R + 1 = EXCEEDANCES / rate. */
    public static final int EXCEEDANCES = 10;
    /** The pseudo-reference holds at most this many times the batch size (and at least 1,000 values when it can). */
    public static final int REFERENCE_FACTOR = 20;
    static final int MIN_REFERENCE = 1000;

    /** A statistic between rows of the reference: the pseudo-reference's and the pseudo-batch's (row indices). */
    @FunctionalInterface
    public interface PairStatistic {
        double compute(int[] referenceRows, int[] batchRows);
    }

    private NullCalibration() {
    }

    /** The number of resamples for a rate: 10 / rate − 1 (999 for 1%). */
    public static int resamples(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("false-alarm rate must be in (0, 1), not " + rate);
        }
        return Math.max(EXCEEDANCES, (int) Math.round(EXCEEDANCES / rate) - 1);
    }

    /**
     * The smallest value that alarms ({@code value ≥ threshold}) for batches of m values against a reference
     * of n, at the given false-alarm rate; NaN (never alarms) when n or m is 0. NaN statistics of resamples
     * count as no drift.
     */
    public static double threshold(int n, int m, double rate, PairStatistic statistic, SplittableRandom random) {
        if (n <= 0 || m <= 0) {
            return Double.NaN;
        }
        int r = resamples(rate);
        double[] nulls = new double[r];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean split = n >= 2 * m;
        int referenceSize = split ? Math.min(n - m, Math.max(REFERENCE_FACTOR * m, MIN_REFERENCE)) : n;
        int[] batch = new int[m];
        int[] reference = new int[referenceSize];
        for (int k = 0; k < r; k++) {
            if (split) {
                // A partial Fisher–Yates shuffle: its first m + size positions are a uniform random subset.
                for (int i = 0; i < m + referenceSize; i++) {
                    int j = i + random.nextInt(n - i);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                System.arraycopy(order, 0, batch, 0, m);
                System.arraycopy(order, m, reference, 0, referenceSize);
            } else {
                for (int i = 0; i < referenceSize; i++) {
                    reference[i] = random.nextInt(n);
                }
                for (int i = 0; i < m; i++) {
                    batch[i] = random.nextInt(n);
                }
            }
            double value = statistic.compute(reference, batch);
            nulls[k] = Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        }
        return aboveTenthLargest(nulls);
    }

    /** A statistic between a batch of the reference's own rows and the whole reference. */
    @FunctionalInterface
    public interface BatchStatistic {
        double compute(int[] batchRows);
    }

    /**
     * As {@link #threshold} for a reference of at least {@value #REFERENCE_FACTOR} + 1 times the batch, where
     * {@link #threshold} would draw a pseudo-reference of {@value #REFERENCE_FACTOR} b values anyway: each resample
     * draws only a batch of b of the n rows, without replacement, and the statistic compares it with the <em>whole</em>
     * reference, profiled (sorted, binned) once, so a resample costs O(b log n) rather than a sort of 20 b values.
     * The batch is part of the reference it is compared with, so the statistic varies as between two independent
     * samples of sizes a and c with 1/a + 1/c = {@link #withinVariance}(n, b) = 1/b − 1/n: the empirical
     * distribution functions differ by exactly (1 − b/n) times the batch's difference from the other n − b rows, and
     * a batch's bin shares vary about the reference's by the finite-population factor (1 − b/n). Scale the
     * threshold to another pair of sizes with that variance.
     */
    public static double thresholdWithin(int n, int b, double rate, BatchStatistic statistic, SplittableRandom random) {
        if (n <= 0 || b <= 0 || b >= n) {
            return Double.NaN;
        }
        int r = resamples(rate);
        double[] nulls = new double[r];
        long[] taken = new long[(n + 63) >>> 6];
        int[] batch = new int[b];
        for (int k = 0; k < r; k++) {
            // b distinct rows by rejection (b ≤ n / 21, so under 5% of draws repeat); cleared after use.
            for (int i = 0; i < b; i++) {
                int row;
                do {
                    row = random.nextInt(n);
                } while ((taken[row >>> 6] & (1L << row)) != 0);
                taken[row >>> 6] |= 1L << row;
                batch[i] = row;
            }
            for (int row : batch) {
                taken[row >>> 6] = 0;
            }
            double value = statistic.compute(batch);
            nulls[k] = Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        }
        return aboveTenthLargest(nulls);
    }

    /** Just above the 10th largest resampled value (NaN when fewer than 10 are numbers); sorts {@code nulls}. */
    private static double aboveTenthLargest(double[] nulls) {
        Arrays.sort(nulls);
        double tenthLargest = nulls[nulls.length - EXCEEDANCES];
        return tenthLargest == Double.NEGATIVE_INFINITY ? Double.NaN : Math.nextUp(tenthLargest);
    }

    /** The variance scale 1/b − 1/n of a statistic between b of a reference's n values and the whole reference. */
    public static double withinVariance(int n, int b) {
        return 1.0 / b - 1.0 / n;
    }

    /**
     * The batch size a threshold is calibrated for: m itself up to 100, beyond that m rounded down to two
     * significant figures (250 → 250, 1,234 → 1,200), so that batches of slightly varying size share one
     * calibration; rounding down makes the threshold a little higher, never lower.
     */
    public static int calibrationSize(int m) {
        if (m <= 100) {
            return m;
        }
        int unit = 1;
        while (m / unit >= 100) {
            unit *= 10;
        }
        return m / unit * unit;
    }

    /** The values at the given rows. */
    public static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** The codes at the given rows. */
    public static int[] pick(int[] codes, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return out;
    }
}
