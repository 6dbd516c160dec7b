package org.twinbench.stats;

/**
 * The reconstruction pipeline refitted on the reference without some of its rows, for the band's out-of-fold errors
 * ({@link ReconstructionBand}): the left-out rows' share is taken out of the reference's sums (their count, their
 * offsets from the reference mean and the products of those offsets), which gives the standardisation and the
 * covariance of the remaining rows without passing over them again, and a PCA with the run's component count is
 * fitted on that covariance. Equal to refitting {@link ReconstructionDrift#pipeline} on the remaining rows up to
 * rounding; a column whose spread nearly vanishes without the left-out rows is summed afresh over the remaining rows,
 * so the subtraction never decides whether a column is constant.
 */
final class HeldOutFit {

    /** Below this share of its reference variance a column's remaining variance is recomputed, not subtracted. */
    private static final double RECOMPUTE_BELOW = 1e-8;

    private final double[][] rows;
    private final int components;
    private final double[] mean;
    /** Sum over the reference rows of (x − mean)(x − mean)ᵀ. */
    private final double[][] cross;
    /** The reference's own eigenvectors, where each refit's rotations start. */
    private final double[][] start;
    /** The reference's cap on a row's error ({@link ReconstructionDrift.Calibration#cap()}). */
    private final double cap;

    /**
     * @param rows the reference rows
     * @param mean their column means
     * @param scale their population sds (1 for a constant column)
     * @param covariance the covariance (divisor rows − 1) of the rows standardised by {@code mean} and {@code scale}
     * @param start its eigenvectors ({@code start[j][c]}: entry j of vector c)
     * @param cap the most a row's error counts for in a draw
     */
    HeldOutFit(double[][] rows, int components, double[] mean, double[] scale, double[][] covariance,
               double[][] start, double cap) {
        this.rows = rows;
        this.cap = cap;
        this.components = components;
        this.mean = mean;
        this.start = start;
        int d = mean.length;
        this.cross = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cross[a][b] = covariance[a][b] * (rows.length - 1) * scale[a] * scale[b];
            }
        }
    }

    /**
     * The mean reconstruction error of the rows at {@code held} (a row drawn twice counts twice; each at most the
     * reference's cap) under the pipeline fitted on every reference row not among them.
     */
    double heldError(int[] held) {
        double sum = 0;
        for (double e : heldErrors(held)) {
            sum += e;
        }
        return sum / held.length;
    }

    /**
     * The reconstruction errors of the rows at {@code held}, in that order, each at most the reference's cap, under
     * the pipeline fitted on every reference row not among them: their out-of-fold errors when they are a fold.
     */
    double[] heldErrors(int[] held) {
        int n = rows.length;
        int d = mean.length;
        boolean[] out = new boolean[n];
        double[][] c = new double[d][];
        for (int a = 0; a < d; a++) {
            c[a] = cross[a].clone();
        }
        double[] sum = new double[d];
        double[] offset = new double[d];
        int left = 0;
        for (int i : held) {
            if (out[i]) {
                continue;
            }
            out[i] = true;
            left++;
            for (int a = 0; a < d; a++) {
                offset[a] = rows[i][a] - mean[a];
                sum[a] += offset[a];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    c[a][b] -= offset[a] * offset[b];
                }
            }
        }
        int fitted = n - left;
        double[] shift = new double[d];
        for (int a = 0; a < d; a++) {
            shift[a] = -sum[a] / fitted;
        }
        // c becomes the products about the remaining rows' own mean (upper triangle).
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                c[a][b] -= fitted * shift[a] * shift[b];
            }
        }
        for (int a = 0; a < d; a++) {
            if (c[a][a] <= RECOMPUTE_BELOW * cross[a][a]) {
                shift[a] = recompute(c, a, out, fitted) - mean[a];
            }
        }
        double[] centre = new double[d];
        double[] scale = new double[d];
        for (int a = 0; a < d; a++) {
            centre[a] = mean[a] + shift[a];
            double variance = c[a][a] / fitted;
            scale[a] = variance > 0 ? Math.sqrt(variance) : 1.0;
        }
        double[][] covariance = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] = c[a][b] / Math.max(1, fitted - 1) / (scale[a] * scale[b]);
                covariance[b][a] = covariance[a][b];
            }
        }
        ReconstructionDrift pipeline = ReconstructionDrift.of(centre, scale, SymmetricEigen.of(covariance, start),
                components, cap);
        double[][] batch = new double[held.length][];
        for (int i = 0; i < held.length; i++) {
            batch[i] = rows[held[i]];
        }
        return pipeline.countedErrors(batch);
    }

    /**
     * Column {@code a}'s mean and products summed afresh over the rows not left out, as the standardisation sums
     * them ({@link ReconstructionDrift#pipeline}), so a column constant on those rows gets spread exactly 0.
     */
    private double recompute(double[][] c, int a, boolean[] out, int fitted) {
        int d = mean.length;
        double centre = 0;
        for (int i = 0; i < rows.length; i++) {
            if (!out[i]) {
                centre += rows[i][a] / fitted;
            }
        }
        double[] fresh = new double[d];
        double variance = 0;
        for (int i = 0; i < rows.length; i++) {
            if (!out[i]) {
                double oa = rows[i][a] - centre;
                variance += oa * oa / fitted;
                for (int b = 0; b < d; b++) {
                    fresh[b] += oa * (rows[i][b] - mean[b]);
                }
            }
        }
        for (int b = 0; b < d; b++) {
            c[Math.min(a, b)][Math.max(a, b)] = fresh[b];
        }
        c[a][a] = variance * fitted;
        return centre;
    }
}
