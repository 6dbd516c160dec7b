package org.twinbench.stats;

import java.util.SplittableRandom;

/**
 * A distance's calibrated threshold for a large reference (docs/verdicts.md, "Large tables"): batches drawn from
 * the reference itself and compared with all of it ({@link NullCalibration#thresholdWithin}), the threshold then
 * carried over to the sizes of the real tables. Between two samples of one distribution, of sizes a and c, these
 * distances shrink with v = 1/a + 1/c: the PSI as v itself (n·PSI tends to a chi-square), the others (normed
 * Wasserstein, Jensen–Shannon and Hellinger distances) as √v.
 */
public final class BatchCalibration {

    /**
     * A current table of more present values than this calibrates a distance on batches of
     * {@value #CALIBRATED_BATCH} and scales the threshold to its sizes: resampling millions of rows 999 times a
     * column took hours.
     */
    public static final int MAX_CALIBRATED = 5_000;
    public static final int CALIBRATED_BATCH = 1_000;
    /**
     * A reference of at least this many times the calibrated batch is not split into pseudo-references (which would
     * hold {@value NullCalibration#REFERENCE_FACTOR} batches anyway): batches are drawn from it and compared with it.
     */
    public static final int WITHIN_FACTOR = NullCalibration.REFERENCE_FACTOR + 1;
    /**
     * A numeric reference of more present values than this (and than {@value #WITHIN_FACTOR} batches) is calibrated
     * on a random subsample of that size, drawn once per column: its sorted values stay in the processor's cache
     * while the 999 batches are compared with them, where each batch value's search into millions of values missed
     * it. The null distribution depends on the reference only through its distribution, which 100,000 values give
     * to within a KS distance of about 1/√100,000 ≈ 0.003 (a scale such as the standard deviation to about 0.2%),
     * far below the ±8% Monte Carlo spread of the 10th largest of 999 resamples.
     */
    public static final int SUBSAMPLE = 100_000;

    private BatchCalibration() {
    }

    /** The batch size a current table of m present values is calibrated on: m itself up to 5,000, else 1,000. */
    public static int calibratedSize(int m) {
        return m > MAX_CALIBRATED ? CALIBRATED_BATCH : m;
    }

    /** Whether a reference of n present values is calibrated by batches of b drawn from it. */
    public static boolean fromReference(long n, int b) {
        return b > 0 && n >= WITHIN_FACTOR * (long) b;
    }

    /**
     * The threshold of {@code method} (a distance) between the whole numeric reference and a current table of m
     * present values, at the false-alarm rate: batches of {@link #calibratedSize}(m) drawn from (a subsample of) the
     * reference, scaled. Requires {@link #fromReference}; NaN when it cannot be calibrated.
     */
    public static double numeric(NumericReference whole, int m, DriftMethod method, double rate,
                                 SplittableRandom random) {
        int n = (int) whole.count();
        int b = calibratedSize(m);
        int drawn = Math.min(n, Math.max(SUBSAMPLE, WITHIN_FACTOR * b));
        NumericReference drawnFrom = whole.subsample(drawn, random);
        double threshold = NullCalibration.thresholdWithin(drawn, b, rate,
                rows -> drawnFrom.compareOwn(rows).value(method), random);
        return scaled(method, threshold, (1.0 / n + 1.0 / m) / NullCalibration.withinVariance(drawn, b));
    }

    /**
     * A threshold calibrated at one pair of sizes, carried over to sizes whose variance scale v is {@code ratio}
     * times the calibration's: the PSI by the ratio, the other distances by its square root.
     */
    public static double scaled(DriftMethod method, double threshold, double ratio) {
        return threshold * (method == DriftMethod.PSI ? ratio : Math.sqrt(ratio));
    }
}
