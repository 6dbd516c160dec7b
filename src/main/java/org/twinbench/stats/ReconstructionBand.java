package org.twinbench.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reconstruction error's band, calibrated on the reference by <b>cross-fitting</b> the whole pipeline
 * (docs/cli.md#multivariate-drift), one construction for every batch size, a run's steps and a whole table alike.
 *
 * <p><b>Out-of-fold errors</b>, once per reference: the n reference rows are dealt at random (the seed) into
 * {@value #FOLDS} folds; for each fold the standardisation and a PCA with the run's component count are refitted on
 * the other folds ({@link HeldOutFit}) and the fold's rows get their error under that fit, capped as the run caps it
 * ({@link ReconstructionDrift.Calibration#cap()}). Every reference row so has the error of a row the fit never saw —
 * what a new row's error is — where its own error under the reference's fit is smaller (the fit saw it).
 *
 * <p><b>The band of a batch of m rows</b>: c is the out-of-fold errors' mean less 1/(2·{@value #FOLDS} − 1) of its gap
 * above the reference rows' own mean error (the folds' fits see 9/10 of the rows; the gap between unseen and fitted
 * rows shrinks as one over the rows fitted and splits evenly about the truth). A new batch's mean differs from c by
 * its own m rows' noise and by c's own noise from n rows (sd σ·√(1/m + 1/n)): each of {@value #DRAWS} draws is the
 * deviation of a mean of m out-of-fold errors drawn with replacement minus that of a mean of n drawn, each drawn at
 * its size up to {@value #MAX_DRAW} and carried to its real size as one over the square root of the rows, so the
 * difference's skew is in it. The band is c + s·(the {@value #RANK}th smallest draw) to c + s·(the {@value #RANK}th
 * largest), the lower end at least 0: each end the 0.5% quantile of 1,999 draws,
 * {@link ReconstructionDrift#FALSE_ALARM_RATE} two-sided. {@code s = √(n/(n − 1))·t(0.995; ν)/z(0.995)} is the
 * finite-sample correction of a prediction interval whose spread is estimated from n errors ({@link #freedom}). The
 * same holds for m larger than the reference (a whole table), where leaving m rows out of a fit cannot be done.
 */
final class ReconstructionBand {

    /** Folds of the cross-fit. */
    static final int FOLDS = 10;
    /** Resampled batch means per batch size. */
    static final int DRAWS = 1999;
    /** Each end of the band is the RANKth most extreme of {@link #DRAWS} draws: RANK / (DRAWS + 1) = 0.5%. */
    static final int RANK = 10;
    /** A draw averages at most this many errors; a larger batch's deviation is carried to its size by the scale. */
    static final int MAX_DRAW = 2000;

    private final double[][] reference;
    /** The mean of the reference rows' own capped errors under the reference's fit. */
    private final double ownMean;
    private final HeldOutFit heldOut;
    private final long seed;
    private final Map<Integer, ReconstructionDrift.Thresholds> bands = new ConcurrentHashMap<>();
    private double[] outOfFold;

    ReconstructionBand(double[][] reference, double ownMean, HeldOutFit heldOut, long seed) {
        this.reference = reference;
        this.ownMean = ownMean;
        this.heldOut = heldOut;
        this.seed = seed;
    }

    /** The band of a batch of {@code batchRows} new rows, drawn once per size and kept. */
    ReconstructionDrift.Thresholds thresholds(int batchRows) {
        int m = Math.max(1, batchRows);
        return bands.computeIfAbsent(m, this::band);
    }

    /** The one draw a given choice of held-out rows gives (rows may repeat), for checking against a refit. */
    double heldOutDraw(int[] held) {
        return heldOut.heldError(held);
    }

    /**
     * Each reference row's capped error under the pipeline fitted on the other folds (seeded by the run's seed),
     * computed once.
     */
    synchronized double[] outOfFold() {
        if (outOfFold == null) {
            int n = reference.length;
            int[] order = DomainClassifierDrift.permutation(n, new SplittableRandom(seed));
            double[] out = new double[n];
            for (int f = 0; f < FOLDS; f++) {
                int[] fold = new int[(n - f + FOLDS - 1) / FOLDS];
                for (int i = 0; i < fold.length; i++) {
                    fold[i] = order[f + i * FOLDS];
                }
                double[] errors = heldOut.heldErrors(fold);
                for (int i = 0; i < fold.length; i++) {
                    out[fold[i]] = errors[i];
                }
            }
            outOfFold = out;
        }
        return outOfFold;
    }

    /**
     * The band of m rows from the out-of-fold errors (seeded by the run's seed and m): each draw is the deviation of
     * a resampled batch of m from c minus that of a resampled reference of n, each drawn at its size up to
     * {@value #MAX_DRAW} and carried to its real size as one over the square root of the rows.
     */
    private ReconstructionDrift.Thresholds band(int m) {
        double[] errors = outOfFold();
        int n = errors.length;
        double centre = 0;
        for (double e : errors) {
            centre += e / n;
        }
        double deviationCentre = centre;
        centre -= (centre - ownMean) / (2 * FOLDS - 1);
        int batch = Math.min(m, MAX_DRAW);
        int fitted = Math.min(n, MAX_DRAW);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + m);
        double[] deviations = new double[DRAWS];
        for (int b = 0; b < DRAWS; b++) {
            deviations[b] = Math.sqrt((double) batch / m) * (mean(errors, batch, random) - deviationCentre)
                    - Math.sqrt((double) fitted / n) * (mean(errors, fitted, random) - deviationCentre);
        }
        Arrays.sort(deviations);
        double scale = Math.sqrt(n / (n - 1.0)) * WelchTest.quantile(1 - FALSE_ALARM_SIDE, freedom(errors, deviationCentre))
                / WelchTest.quantile(1 - FALSE_ALARM_SIDE, Double.POSITIVE_INFINITY);
        return new ReconstructionDrift.Thresholds(Math.max(0, centre + scale * deviations[RANK - 1]),
                centre + scale * deviations[DRAWS - RANK]);
    }

    /**
     * The degrees of freedom of the errors' spread estimated from their n values: n − 1 for normal errors, fewer
     * the heavier their tails, {@code 2 / (2/(n − 1) + κ/n)} with κ their excess kurtosis (at least 0) — the
     * variance of a sample variance is σ⁴·(2/(n − 1) + κ/n).
     */
    static double freedom(double[] errors, double centre) {
        int n = errors.length;
        double second = 0;
        double fourth = 0;
        for (double e : errors) {
            double d = (e - centre) * (e - centre);
            second += d / n;
            fourth += d * d / n;
        }
        double kurtosis = second > 0 ? Math.max(0, fourth / (second * second) - 3) : 0;
        return 2 / (2.0 / (n - 1) + kurtosis / n);
    }

    /** The mean of {@code size} of {@code errors} drawn with replacement. */
    private static double mean(double[] errors, int size, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += errors[random.nextInt(errors.length)];
        }
        return sum / size;
    }

    /** Each side's share of the false alarms. */
    private static final double FALSE_ALARM_SIDE = ReconstructionDrift.FALSE_ALARM_RATE / 2;
}
