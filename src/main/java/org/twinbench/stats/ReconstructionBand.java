package org.twinbench.stats;

import java.util.SplittableRandom;

/**
 * The reconstruction error's band, calibrated once per run by resampling the whole pipeline on the reference
 * (docs/cli.md#multivariate-drift). At most {@value #MAX_ROWS} reference rows (a seeded sample) are split
 * {@value #RESAMPLES} times at random into a fitted half of f rows and a held-out half. On each split the
 * standardisation and a PCA with the run's component count are fitted on the fitted half; the held-out rows' errors,
 * in the split's random order, give a batch of any size h up to the half. A draw is {@code T = batch error − the
 * fitted half's own mean error}. For a batch of m new rows against n reference rows the band is
 * {@code c + (f/n)·mean(T) + s·(T − mean(T))} at the smallest and the largest draw: c the reference's own mean error,
 * the draws' mean (how much worse unseen rows are reconstructed than the fitted ones, a gap that shrinks as one over
 * the fitted rows) carried to n rows, and their spread scaled by {@code s = sqrt((1/m + 1/n) / (1/h + 1/f))} (batch
 * noise and the fit's noise shrink as one over the square root of their rows). A batch exchangeable with the draws
 * falls above the largest of 199 with probability 1/200 and below the smallest with 1/200:
 * {@link ReconstructionDrift#FALSE_ALARM_RATE} two-sided.
 */
final class ReconstructionBand {

    /** Random splits of the reference: the smallest and largest of 199 draws hold 1% two-sided. */
    static final int RESAMPLES = 199;
    /** The splits are drawn from at most this many reference rows (a seeded sample). */
    static final int MAX_ROWS = 2000;

    private final double centre;
    private final int referenceRows;
    private final int fittedRows;
    /** Per split, the running sums of the held-out rows' errors in the split's order (entry h: the first h). */
    private final double[][] heldSums;
    /** Per split, the fitted half's own mean error. */
    private final double[] centres;

    private ReconstructionBand(double centre, int referenceRows, int fittedRows, double[][] heldSums,
                               double[] centres) {
        this.centre = centre;
        this.referenceRows = referenceRows;
        this.fittedRows = fittedRows;
        this.heldSums = heldSums;
        this.centres = centres;
    }

    /**
     * Draws the splits of {@code reference} for a pipeline of {@code components} components, centred on the
     * reference's own mean error.
     */
    static ReconstructionBand calibrate(double[][] reference, int components,
                                        ReconstructionDrift.Calibration calibration, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = DomainClassifierDrift.sample(reference, MAX_ROWS, random);
        int fitted = rows.length / 2;
        int held = rows.length - fitted;
        double[][] sums = new double[RESAMPLES][];
        double[] centres = new double[RESAMPLES];
        double[][] fit = new double[fitted][];
        double[][] out = new double[held][];
        for (int b = 0; b < RESAMPLES; b++) {
            int[] order = DomainClassifierDrift.permutation(rows.length, random);
            for (int i = 0; i < fitted; i++) {
                fit[i] = rows[order[i]];
            }
            for (int i = 0; i < held; i++) {
                out[i] = rows[order[fitted + i]];
            }
            ReconstructionDrift pipeline = ReconstructionDrift.pipeline(fit, components);
            double[] errors = pipeline.rowErrors(out);
            sums[b] = new double[held + 1];
            for (int i = 0; i < held; i++) {
                sums[b][i + 1] = sums[b][i] + errors[i];
            }
            centres[b] = pipeline.error(fit);
        }
        return new ReconstructionBand(calibration.mean(), reference.length, fitted, sums, centres);
    }

    /**
     * The band of a batch of {@code batchRows} rows: the reference's own mean error, the draws' mean carried to the
     * reference's size, and the smallest and largest draw's distance from it scaled (the lower end at least 0).
     */
    ReconstructionDrift.Thresholds thresholds(int batchRows) {
        int m = Math.max(1, batchRows);
        int h = Math.min(m, heldSums[0].length - 1);
        double scale = Math.sqrt((1.0 / m + 1.0 / referenceRows) / (1.0 / h + 1.0 / fittedRows));
        double[] draws = new double[heldSums.length];
        double mean = 0;
        for (int b = 0; b < draws.length; b++) {
            draws[b] = heldSums[b][h] / h - centres[b];
            mean += draws[b] / draws.length;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double draw : draws) {
            low = Math.min(low, draw);
            high = Math.max(high, draw);
        }
        double middle = centre + mean * fittedRows / referenceRows;
        return new ReconstructionDrift.Thresholds(Math.max(0, middle + scale * (low - mean)),
                middle + scale * (high - mean));
    }
}
