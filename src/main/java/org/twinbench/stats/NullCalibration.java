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
        Arrays.sort(nulls);
        double tenthLargest = nulls[r - EXCEEDANCES];
        return tenthLargest == Double.NEGATIVE_INFINITY ? Double.NaN : Math.nextUp(tenthLargest);
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
