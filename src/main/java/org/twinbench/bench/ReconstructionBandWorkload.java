package org.twinbench.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.stats.ReconstructionDrift;

/**
 * What a new batch size costs the reconstruction monitor (docs/cli.md#multivariate-drift): a run whose steps vary in
 * size (time windows) draws the band once per size, 1,999 resampled means of the reference's out-of-fold errors (the
 * ten-fold cross-fit that gives those errors is done once per reference, on the first size asked for). On a
 * reference of 5,000 rows × 20 correlated columns, the band of 20 sizes never seen before (90 to 109 rows) is timed
 * per size, against one plain fit of the pipeline (standardisation, PCA, the reference's own errors) on the same
 * rows, timed alternately in the same run; {@code extra} also times a size already calibrated (kept, so only the look-up).
 */
final class ReconstructionBandWorkload implements Workload {

    @Override
    public String name() {
        return "stats.reconstruction-band-per-size";
    }

    @Override
    public String description() {
        return "the reconstruction band of each new batch size (1,999 resampled means of the cross-fit's out-of-fold "
                + "errors, the cross-fit once) on 5,000 rows x 20 columns, against one plain fit of the pipeline";
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 1_000 : 5_000;
        int columns = quick ? 10 : 20;
        int sizes = quick ? 4 : 20;
        double[][] reference = rows(n, columns, 11);
        double best = Double.POSITIVE_INFINITY;
        double bestFit = Double.POSITIVE_INFINITY;
        double bestRepeat = Double.POSITIVE_INFINITY;
        int repetitions = quick ? 2 : 3;
        for (int r = 0; r <= repetitions; r++) {
            long start = System.nanoTime();
            ReconstructionDrift pca = ReconstructionDrift.fit(reference, r);
            double fit = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            for (int s = 0; s < sizes; s++) {
                Timing.consume(pca.thresholds(90 + s).upper());
            }
            double perSize = (System.nanoTime() - start) / 1e9 / sizes;
            start = System.nanoTime();
            for (int s = 0; s < sizes; s++) {
                Timing.consume(pca.thresholds(90 + s).lower());
            }
            double repeat = (System.nanoTime() - start) / 1e9 / sizes;
            if (r > 0) {
                // The first round warms the code up.
                best = Math.min(best, perSize);
                bestFit = Math.min(bestFit, fit);
                bestRepeat = Math.min(bestRepeat, repeat);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("columns", columns);
        extra.put("sizes", sizes);
        extra.put("ms_per_new_size", 1e3 * best);
        extra.put("ms_plain_fit", 1e3 * bestFit);
        extra.put("fits_per_new_size", best / bestFit);
        extra.put("microseconds_per_known_size", 1e6 * bestRepeat);
        return new BenchResult(name(), n, best, "one plain fit of the pipeline", bestFit, extra);
    }

    /** n rows of {@code columns} columns, each a mix of three shared normal factors and its own noise. */
    static double[][] rows(int n, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] weights = new double[columns][3];
        for (double[] w : weights) {
            for (int f = 0; f < 3; f++) {
                w[f] = random.nextDouble() * 2 - 1;
            }
        }
        double[][] out = new double[n][columns];
        double[] factor = new double[3];
        for (double[] row : out) {
            for (int f = 0; f < 3; f++) {
                factor[f] = random.nextGaussian();
            }
            for (int j = 0; j < columns; j++) {
                row[j] = weights[j][0] * factor[0] + weights[j][1] * factor[1] + weights[j][2] * factor[2]
                        + 0.5 * random.nextGaussian();
            }
        }
        return out;
    }
}
