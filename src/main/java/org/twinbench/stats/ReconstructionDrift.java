package org.twinbench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multivariate drift as NannyML's data reconstruction drift ({@code DataReconstructionDriftCalculator}): the
 * reference is standardised (mean, population sd; a constant column keeps scale 1, as scikit-learn's
 * {@code StandardScaler}), a PCA keeps the fewest leading components whose explained variance exceeds
 * {@link #VARIANCE_KEPT} (scikit-learn's {@code PCA(n_components=0.65)}), and a row's reconstruction error is the
 * Euclidean distance between its standardised values and their projection back from the components. A batch's
 * statistic is the mean error of its rows. Rows that keep the reference's correlations are reconstructed well;
 * a changed relation between columns is not, even when every column keeps its own distribution.
 *
 * <p>Thresholds are NannyML's {@code StandardDeviationThreshold}: the mean of the reference's chunks' errors
 * ± 3 population sd; drift when a batch's error falls outside.
 */
public final class ReconstructionDrift {

    /** Share of the standardised reference's variance the kept components explain (NannyML's default). */
    public static final double VARIANCE_KEPT = 0.65;
    /** Multiples of the chunks' sd from their mean the thresholds lie at (NannyML's default). */
    public static final double SD_MULTIPLIER = 3;
    /** Chunks the reference is cut into when the batch is too large for at least this many (NannyML: 10). */
    public static final int MIN_CHUNKS = 10;

    private final double[] mean;
    private final double[] scale;
    private final double[][] components;

    /** The thresholds of a batch size, and the reference chunks' errors they come from. */
    public record Thresholds(double lower, double upper, double[] chunkErrors) {
        public Thresholds {
            chunkErrors = chunkErrors.clone();
        }

        public boolean drifted(double error) {
            return !(error > lower && error < upper);
        }
    }

    /** One comparison's statistic, thresholds, decision and the columns whose error grew most. */
    public record Result(double error, Thresholds thresholds, boolean drifted, int components,
                         List<ColumnContribution> columns) {
        public Result {
            columns = List.copyOf(columns);
        }
    }

    private ReconstructionDrift(double[] mean, double[] scale, double[][] components) {
        this.mean = mean;
        this.scale = scale;
        this.components = components;
    }

    /** Standardises {@code reference} (rows × columns, no missing values) and fits the PCA. */
    public static ReconstructionDrift fit(double[][] reference) {
        int n = reference.length;
        int d = reference[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : reference) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : reference) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        double[][] covariance = new double[d][d];
        double[] z = new double[d];
        for (double[] row : reference) {
            for (int j = 0; j < d; j++) {
                z[j] = (row[j] - mean[j]) / scale[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    covariance[a][b] += z[a] * z[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= Math.max(1, n - 1);
                covariance[b][a] = covariance[a][b];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(covariance);
        double total = 0;
        for (double value : eigen.values()) {
            total += Math.max(0, value);
        }
        // scikit-learn: the smallest k whose cumulative explained-variance ratio exceeds the share (searchsorted right).
        int k = 0;
        double cumulative = 0;
        while (k < d && cumulative <= VARIANCE_KEPT * total) {
            cumulative += Math.max(0, eigen.values()[k]);
            k++;
        }
        double[][] components = new double[Math.max(1, k)][];
        for (int c = 0; c < components.length; c++) {
            components[c] = eigen.vector(c);
        }
        return new ReconstructionDrift(mean, scale, components);
    }

    public int componentCount() {
        return components.length;
    }

    /** Per row, the standardised residual left after projecting onto the components. */
    double[][] residuals(double[][] rows) {
        int d = mean.length;
        double[][] out = new double[rows.length][d];
        for (int i = 0; i < rows.length; i++) {
            double[] z = out[i];
            for (int j = 0; j < d; j++) {
                z[j] = (rows[i][j] - mean[j]) / scale[j];
            }
            // The standardised reference has mean 0, so the PCA's own centring is the identity.
            double[] projection = new double[d];
            for (double[] v : components) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += z[j] * v[j];
                }
                for (int j = 0; j < d; j++) {
                    projection[j] += dot * v[j];
                }
            }
            for (int j = 0; j < d; j++) {
                z[j] -= projection[j];
            }
        }
        return out;
    }

    /** Each row's reconstruction error: the Euclidean norm of its residual. */
    public double[] rowErrors(double[][] rows) {
        double[][] residuals = residuals(rows);
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) {
            double ss = 0;
            for (double r : residuals[i]) {
                ss += r * r;
            }
            out[i] = Math.sqrt(ss);
        }
        return out;
    }

    /** The batch's reconstruction error: the mean of its rows' errors. */
    public double error(double[][] rows) {
        double sum = 0;
        for (double e : rowErrors(rows)) {
            sum += e;
        }
        return sum / rows.length;
    }

    /**
     * Thresholds for batches of {@code batchRows} rows from the reference's consecutive chunks of that size (at
     * least {@value #MIN_CHUNKS} chunks: smaller ones when the reference is short, which widens the band); a last
     * partial chunk is left out.
     */
    public Thresholds thresholds(double[][] reference, int batchRows) {
        int size = Math.max(1, Math.min(batchRows, reference.length / MIN_CHUNKS));
        int chunks = reference.length / size;
        double[] errors = rowErrors(reference);
        double[] chunkErrors = new double[chunks];
        for (int c = 0; c < chunks; c++) {
            double sum = 0;
            for (int i = c * size; i < (c + 1) * size; i++) {
                sum += errors[i];
            }
            chunkErrors[c] = sum / size;
        }
        double m = 0;
        for (double e : chunkErrors) {
            m += e / chunks;
        }
        double ss = 0;
        for (double e : chunkErrors) {
            ss += (e - m) * (e - m);
        }
        double sd = Math.sqrt(ss / chunks);
        return new Thresholds(Math.max(0, m - SD_MULTIPLIER * sd), m + SD_MULTIPLIER * sd, chunkErrors);
    }

    /** Compares {@code current} with the reference this was fitted on. */
    public Result test(double[][] reference, double[][] current, List<String> names) {
        double error = error(current);
        Thresholds thresholds = thresholds(reference, current.length);
        return new Result(error, thresholds, thresholds.drifted(error), components.length,
                contributions(reference, current, names));
    }

    /**
     * Per column, the mean squared standardised residual of the current rows minus that of the reference rows:
     * the columns the components no longer explain. Only rises are listed, largest first.
     */
    List<ColumnContribution> contributions(double[][] reference, double[][] current, List<String> names) {
        double[] ref = meanSquares(residuals(reference));
        double[] cur = meanSquares(residuals(current));
        List<ColumnContribution> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (cur[j] > ref[j]) {
                out.add(new ColumnContribution(names.get(j), cur[j] - ref[j]));
            }
        }
        out.sort(Comparator.comparingDouble(ColumnContribution::contribution).reversed());
        return out.subList(0, Math.min(ColumnContribution.LISTED, out.size()));
    }

    private static double[] meanSquares(double[][] residuals) {
        double[] out = new double[residuals.length == 0 ? 0 : residuals[0].length];
        for (double[] row : residuals) {
            for (int j = 0; j < out.length; j++) {
                out[j] += row[j] * row[j] / residuals.length;
            }
        }
        return out;
    }
}
