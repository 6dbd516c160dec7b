package org.twinbench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import smile.stat.distribution.GaussianDistribution;

/**
 * Multivariate drift as NannyML's data reconstruction drift ({@code DataReconstructionDriftCalculator}): the
 * reference is standardised (mean, population sd; a constant column keeps scale 1, as scikit-learn's
 * {@code StandardScaler}), a PCA keeps the fewest leading components whose explained variance exceeds
 * {@link #VARIANCE_KEPT} (scikit-learn's {@code PCA(n_components=0.65)}), and a row's reconstruction error is the
 * Euclidean distance between its standardised values and their projection back from the components. A batch's
 * statistic is the mean error of its rows. Rows that keep the reference's correlations are reconstructed well;
 * a changed relation between columns is not, even when every column keeps its own distribution.
 *
 * <p>The band is calibrated once, on the reference itself, to hold {@link #FALSE_ALARM_RATE} (docs/cli.md#multivariate-drift):
 * each reference row's error is taken from components fitted on the other {@value #FOLDS} − 1 folds (so it is an
 * error of a row the components never saw, as a new row's is; NannyML's chunks of the reference were reconstructed
 * by components fitted on them, and their band was too narrow), and a batch of m new rows is called drifted when
 * its mean error leaves mean ± z·sd·√(1/m + 1/n) of those n errors, z the normal quantile of 1 − rate/2, shifted
 * for the errors' skew by the Cornish–Fisher expansion.
 */
public final class ReconstructionDrift {

    /** Share of the standardised reference's variance the kept components explain (NannyML's default). */
    public static final double VARIANCE_KEPT = 0.65;
    /** Folds of the reference's out-of-fold errors; row i is in fold i mod FOLDS. */
    public static final int FOLDS = 10;
    /** The fewest reference rows a band is calibrated from: two per fold. */
    public static final int MIN_ROWS = 2 * FOLDS;
    /** The stated chance that a batch of unchanged rows is called drifted (two-sided). */
    public static final double FALSE_ALARM_RATE = DomainClassifierDrift.FALSE_ALARM_RATE;
    /** The skew the Cornish–Fisher shift uses is capped here, where the expansion stays monotone over the band. */
    static final double MAX_SKEW = 1;

    private final double[] mean;
    private final double[] scale;
    private final double[][] components;
    private final Calibration calibration;

    /**
     * The band of a batch size: drift when a batch's error is below {@code lower} or above {@code upper} by more
     * than rounding (a relative 1e-9: when the components span every column, all errors are rounding's zeros).
     */
    public record Thresholds(double lower, double upper) {
        public boolean drifted(double error) {
            double rounding = 1e-9 * Math.max(1, Math.abs(upper));
            return error < lower - rounding || error > upper + rounding;
        }
    }

    /**
     * The reference's out-of-fold errors the bands come from: their count, mean, sample sd and third central
     * moment.
     */
    public record Calibration(int rows, double mean, double sd, double thirdMoment) {
        static Calibration of(double[] errors) {
            int n = errors.length;
            double m = 0;
            for (double e : errors) {
                m += e / n;
            }
            double ss = 0;
            double cube = 0;
            for (double e : errors) {
                ss += (e - m) * (e - m);
                cube += (e - m) * (e - m) * (e - m) / n;
            }
            return new Calibration(n, m, Math.sqrt(ss / Math.max(1, n - 1)), cube);
        }
    }

    /** One comparison's statistic, thresholds, decision and the columns whose error grew most. */
    public record Result(double error, Thresholds thresholds, boolean drifted, int components,
                         List<ColumnContribution> columns) {
        public Result {
            columns = List.copyOf(columns);
        }
    }

    private ReconstructionDrift(double[] mean, double[] scale, double[][] components, double[][] reference) {
        this.mean = mean;
        this.scale = scale;
        this.components = components;
        this.calibration = Calibration.of(outOfFoldErrors(reference));
    }

    /**
     * Standardises {@code reference} (rows × columns, no missing values, at least {@link #MIN_ROWS} rows), fits
     * the PCA and calibrates the band once.
     */
    public static ReconstructionDrift fit(double[][] reference) {
        if (reference.length < MIN_ROWS) {
            throw new IllegalArgumentException("the reference has " + reference.length + " rows; the band needs at "
                    + "least " + MIN_ROWS);
        }
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
        ReconstructionDrift shape = new ReconstructionDrift(mean, scale);
        double[][] z = shape.standardise(reference);
        double[][] covariance = covariance(z, new double[d], -1);
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
        return new ReconstructionDrift(mean, scale, components(eigen, Math.max(1, k)), reference);
    }

    /** Only standardises: the shape {@link #fit} uses before the components are known. */
    private ReconstructionDrift(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
        this.components = new double[0][];
        this.calibration = null;
    }

    public int componentCount() {
        return components.length;
    }

    /** The out-of-fold errors' summary the bands come from. */
    public Calibration calibration() {
        return calibration;
    }

    private double[][] standardise(double[][] rows) {
        int d = mean.length;
        double[][] out = new double[rows.length][d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (rows[i][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    /**
     * The covariance (divisor rows − 1) of the standardised rows about {@code centre}, leaving out the rows of
     * {@code fold} (none when it is negative).
     */
    private static double[][] covariance(double[][] z, double[] centre, int fold) {
        int d = centre.length;
        double[][] covariance = new double[d][d];
        double[] c = new double[d];
        int rows = 0;
        for (int i = 0; i < z.length; i++) {
            if (fold >= 0 && i % FOLDS == fold) {
                continue;
            }
            rows++;
            for (int j = 0; j < d; j++) {
                c[j] = z[i][j] - centre[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    covariance[a][b] += c[a] * c[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= Math.max(1, rows - 1);
                covariance[b][a] = covariance[a][b];
            }
        }
        return covariance;
    }

    private static double[][] components(SymmetricEigen eigen, int k) {
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            out[c] = eigen.vector(c);
        }
        return out;
    }

    /** A standardised row's residual after projecting its offset from {@code centre} onto {@code basis}. */
    private static double[] residual(double[] z, double[] centre, double[][] basis) {
        int d = z.length;
        double[] offset = new double[d];
        for (int j = 0; j < d; j++) {
            offset[j] = z[j] - centre[j];
        }
        double[] out = offset.clone();
        for (double[] v : basis) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += offset[j] * v[j];
            }
            for (int j = 0; j < d; j++) {
                out[j] -= dot * v[j];
            }
        }
        return out;
    }

    private static double norm(double[] residual) {
        double ss = 0;
        for (double r : residual) {
            ss += r * r;
        }
        return Math.sqrt(ss);
    }

    /** Per row, the standardised residual left after projecting onto the components. */
    double[][] residuals(double[][] rows) {
        // The standardised reference has mean 0, so the PCA's own centring is the identity.
        double[][] z = standardise(rows);
        double[] origin = new double[mean.length];
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = residual(z[i], origin, components);
        }
        return out;
    }

    /** Each row's reconstruction error: the Euclidean norm of its residual. */
    public double[] rowErrors(double[][] rows) {
        double[][] residuals = residuals(rows);
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = norm(residuals[i]);
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
     * The band a batch of {@code batchRows} new rows' error stays in with probability 1 − {@link #FALSE_ALARM_RATE}
     * when nothing changed: the out-of-fold errors' mean ± the normal quantile times the sd of the difference
     * between a batch's mean and the reference's, shifted for its skew by the Cornish–Fisher expansion
     * {@code z + γ(z² − 1)/6}, γ the difference's skewness κ₃(1/m² − 1/n²)/sd³ (capped at ±{@value #MAX_SKEW}).
     */
    public Thresholds thresholds(int batchRows) {
        double m = Math.max(1, batchRows);
        double n = calibration.rows();
        double sd = calibration.sd() * Math.sqrt(1 / m + 1 / n);
        double skew = sd > 0 ? calibration.thirdMoment() * (1 / (m * m) - 1 / (n * n)) / (sd * sd * sd) : 0;
        skew = Math.max(-MAX_SKEW, Math.min(MAX_SKEW, skew));
        double z = GaussianDistribution.getInstance().quantile(1 - FALSE_ALARM_RATE / 2);
        double shift = skew * (z * z - 1) / 6;
        return new Thresholds(Math.max(0, calibration.mean() + sd * (shift - z)),
                calibration.mean() + sd * (shift + z));
    }

    /**
     * The reference rows' errors, each from a PCA with this fit's component count fitted on the other folds of the
     * standardised reference (row i in fold i mod {@value #FOLDS}; the other folds' mean centres it, as
     * scikit-learn's PCA centres its data): errors of rows the components did not see, as a new row's are.
     */
    private double[] outOfFoldErrors(double[][] reference) {
        int n = reference.length;
        int d = mean.length;
        double[][] z = standardise(reference);
        double[] out = new double[n];
        for (int fold = 0; fold < FOLDS; fold++) {
            double[] centre = new double[d];
            int rows = 0;
            for (int i = 0; i < n; i++) {
                if (i % FOLDS != fold) {
                    for (int j = 0; j < d; j++) {
                        centre[j] += z[i][j];
                    }
                    rows++;
                }
            }
            for (int j = 0; j < d; j++) {
                centre[j] /= rows;
            }
            double[][] basis = components(SymmetricEigen.of(covariance(z, centre, fold)), components.length);
            for (int i = fold; i < n; i += FOLDS) {
                out[i] = norm(residual(z[i], centre, basis));
            }
        }
        return out;
    }

    /** Compares {@code current} with the reference this was fitted on. */
    public Result test(double[][] reference, double[][] current, List<String> names) {
        double error = error(current);
        Thresholds thresholds = thresholds(current.length);
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
