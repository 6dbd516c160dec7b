package org.twinbench.stats;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reconstruction error's band, calibrated on the reference by resampling the whole pipeline
 * (docs/cli.md#multivariate-drift), once per batch size. Each of {@value #RESAMPLES} draws is what the run does to a
 * batch of new rows, done to rows of the reference the fit did not see.
 *
 * <p><b>A batch of m rows, m at most half the n reference rows</b> (a run's steps): a draw picks m reference rows at
 * random with replacement, refits the standardisation and the PCA (the run's component count) on every reference row
 * not picked ({@link HeldOutFit}), and is the picked rows' mean error, each row's capped as the run caps it
 * ({@link ReconstructionDrift.Calibration#cap()}). A batch of new rows is such a draw with a fit on
 * n rows instead of n − (at most) m, so it falls above the largest of 199 draws with probability 1/200 and below the
 * smallest with 1/200: {@link ReconstructionDrift#FALSE_ALARM_RATE} two-sided, for every reference — the band is
 * conditional on the reference the run was fitted on, so the steps of one run share a calibrated band.
 *
 * <p><b>A batch larger than half the reference</b> (a whole table): at most {@value #MAX_ROWS} reference rows (a
 * seeded sample) are split at random into a fitted half of f rows and a held-out half; on each split the pipeline is
 * fitted on the fitted half and a draw is {@code T = mean error of the first h held-out rows − the fitted half's own
 * mean error}. The band is {@code c + (f/n)·mean(T) + s·(T − mean(T))} at the smallest and the largest draw: c the
 * reference's own mean error, the draws' mean (how much worse unseen rows are reconstructed than fitted ones, a gap
 * that shrinks as one over the fitted rows) carried to n rows, and their spread scaled by
 * {@code s = sqrt((1/m + 1/n) / (1/h + 1/f))}.
 */
final class ReconstructionBand {

    /** Draws per batch size: the smallest and largest of 199 hold 1% two-sided. */
    static final int RESAMPLES = 199;
    /** The halves of a whole-table band are drawn from at most this many reference rows (a seeded sample). */
    static final int MAX_ROWS = 2000;

    private final double[][] reference;
    private final int components;
    private final ReconstructionDrift.Calibration calibration;
    private final HeldOutFit heldOut;
    private final long seed;
    private final Map<Integer, ReconstructionDrift.Thresholds> bands = new ConcurrentHashMap<>();
    private Halves halves;

    ReconstructionBand(double[][] reference, int components, ReconstructionDrift.Calibration calibration,
                       HeldOutFit heldOut, long seed) {
        this.reference = reference;
        this.components = components;
        this.calibration = calibration;
        this.heldOut = heldOut;
        this.seed = seed;
    }

    /** The band of a batch of {@code batchRows} new rows, drawn once per size and kept. */
    ReconstructionDrift.Thresholds thresholds(int batchRows) {
        int m = Math.max(1, batchRows);
        return bands.computeIfAbsent(m, size -> 2 * size <= reference.length ? heldOut(size) : halves().band(size));
    }

    /** The smallest and the largest of the held-out draws of {@code m} rows (seeded by the run's seed and m). */
    private ReconstructionDrift.Thresholds heldOut(int m) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + m);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int[] held = new int[m];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < m; i++) {
                held[i] = random.nextInt(reference.length);
            }
            double draw = heldOut.heldError(held);
            low = Math.min(low, draw);
            high = Math.max(high, draw);
        }
        return new ReconstructionDrift.Thresholds(low, high);
    }

    /** The one draw a given choice of held-out rows gives (rows may repeat), for checking against a refit. */
    double heldOutDraw(int[] held) {
        return heldOut.heldError(held);
    }

    private synchronized Halves halves() {
        if (halves == null) {
            halves = Halves.draw(reference, components, calibration, heldOut.start(), seed);
        }
        return halves;
    }

    /** The draws of fitted and held-out halves a batch larger than half the reference is judged by. */
    private record Halves(double centre, int referenceRows, int fittedRows, double[][] heldSums, double[] centres) {

        static Halves draw(double[][] reference, int components, ReconstructionDrift.Calibration calibration,
                           double[][] start, long seed) {
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
                ReconstructionDrift pipeline = ReconstructionDrift.pipeline(fit, components, start, calibration.cap());
                double[] errors = pipeline.countedErrors(out);
                sums[b] = new double[held + 1];
                for (int i = 0; i < held; i++) {
                    sums[b][i + 1] = sums[b][i] + errors[i];
                }
                centres[b] = pipeline.error(fit);
            }
            return new Halves(calibration.mean(), reference.length, fitted, sums, centres);
        }

        /**
         * The reference's own mean error, the draws' mean carried to the reference's size, and the smallest and
         * largest draw's distance from it scaled (the lower end at least 0).
         */
        ReconstructionDrift.Thresholds band(int m) {
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
}
