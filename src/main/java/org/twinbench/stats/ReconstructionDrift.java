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
 * a changed relation between columns is not, even when every column keeps its own distribution. A row's error counts
 * for at most the {@value #ROW_CAP_QUANTILE} quantile of the reference rows' own errors, in the batches and in every
 * draw of the band alike, so one row the reference never foresaw cannot decide a batch alone.
 *
 * <p>The band is calibrated on the reference itself by cross-fitting the whole pipeline ({@link ReconstructionBand},
 * docs/cli.md#multivariate-drift): every reference row gets its error under the pipeline refitted without its fold
 * (the error of a row the fit never saw, as a new row's is), and the band of a batch of m rows is the spread of means
 * of m such errors, widened for the noise of their own mean and the finite reference — one construction for a run's
 * steps and a whole table alike. So the heavy tails of real columns' errors are in the band rather than assumed away.
 */
public final class ReconstructionDrift {

    /** Share of the standardised reference's variance the kept components explain (NannyML's default). */
    public static final double VARIANCE_KEPT = 0.65;
    /** The fewest reference rows a band is calibrated from (two in each of the cross-fit's ten folds). */
    public static final int MIN_ROWS = 20;
    /** The stated chance that a batch of unchanged rows is called drifted (two-sided). */
    public static final double FALSE_ALARM_RATE = DomainClassifierDrift.FALSE_ALARM_RATE;
    /**
     * A row counts in a batch's error for at most this quantile of the reference rows' own errors (numpy's default,
     * linear, quantile), so one row the reference never foresaw moves a batch of m rows by at most that much / m.
     */
    public static final double ROW_CAP_QUANTILE = 0.99;

    private final double[] mean;
    private final double[] scale;
    private final double[][] components;
    /** The most a row's error counts for in a batch's error (infinite for a pipeline without a reference's cap). */
    private final double cap;
    private final Calibration calibration;
    private final ReconstructionBand band;
    /** The rows fitted on and their per-column mean squared residuals, kept for {@link #contributions}. */
    private final double[][] fitted;
    private final double[] fittedSquares;

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
     * The reference rows' own errors the band is centred on: their count, the {@link #ROW_CAP_QUANTILE} quantile a
     * row's error is capped at, and the mean of their capped errors.
     */
    public record Calibration(int rows, double cap, double mean) {
        static Calibration of(double[] errors) {
            double[] sorted = errors.clone();
            java.util.Arrays.sort(sorted);
            double position = ROW_CAP_QUANTILE * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            double cap = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
            double m = 0;
            for (double e : errors) {
                m += Math.min(e, cap) / errors.length;
            }
            return new Calibration(errors.length, cap, m);
        }
    }

    /** One comparison's statistic, thresholds, decision and the columns whose error grew most. */
    public record Result(double error, Thresholds thresholds, boolean drifted, int components,
                         List<ColumnContribution> columns) {
        public Result {
            columns = List.copyOf(columns);
        }
    }

    private ReconstructionDrift(double[] mean, double[] scale, double[][] components, double[][] reference,
                                double[][] covariance, double[][] vectors, long seed) {
        this.mean = mean;
        this.scale = scale;
        this.components = components;
        double[][] residuals = residuals(reference);
        double[] errors = new double[reference.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = norm(residuals[i]);
        }
        this.calibration = Calibration.of(errors);
        this.fitted = reference;
        this.fittedSquares = meanSquares(residuals);
        this.cap = calibration.cap();
        this.band = new ReconstructionBand(reference, calibration.mean(),
                new HeldOutFit(reference, components.length, mean, scale, covariance, vectors, cap), seed);
    }

    /** {@link #fit(double[][], long)} with seed 0. */
    public static ReconstructionDrift fit(double[][] reference) {
        return fit(reference, 0);
    }

    /**
     * Standardises {@code reference} (rows × columns, no missing values, at least {@link #MIN_ROWS} rows) and fits
     * the PCA; the band is calibrated when first asked for, {@code seed} dealing the cross-fit's folds and the draws.
     */
    public static ReconstructionDrift fit(double[][] reference, long seed) {
        if (reference.length < MIN_ROWS) {
            throw new IllegalArgumentException("the reference has " + reference.length + " rows; the band needs at "
                    + "least " + MIN_ROWS);
        }
        ReconstructionDrift shape = scaler(reference);
        double[] mean = shape.mean;
        double[] scale = shape.scale;
        int d = mean.length;
        double[][] z = shape.standardise(reference);
        double[][] covariance = covariance(z, new double[d]);
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
        return new ReconstructionDrift(mean, scale, components(eigen, Math.max(1, k)), reference, covariance,
                eigen.vectors(), seed);
    }

    /** The standardisation of {@code rows}: their mean and population sd (1 for a constant column). */
    private static ReconstructionDrift scaler(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        return new ReconstructionDrift(mean, scale);
    }

    /**
     * The whole pipeline with a given component count fitted on {@code rows}: their standardisation and the PCA
     * of the standardised rows keeping {@code k} components (no band), a row's error counting for at most
     * {@code cap} in {@link #error}. A refit from scratch, as the band's cross-fit does it by subtraction.
     */
    static ReconstructionDrift pipeline(double[][] rows, int k, double cap) {
        ReconstructionDrift shape = scaler(rows);
        double[][] z = shape.standardise(rows);
        double[][] covariance = covariance(z, new double[z[0].length]);
        return new ReconstructionDrift(shape.mean, shape.scale, components(SymmetricEigen.of(covariance), k), cap);
    }

    /**
     * Standardises by {@code mean} and {@code scale} and keeps the {@code k} leading components of {@code eigen}, a
     * row's error counting for at most {@code cap}.
     */
    static ReconstructionDrift of(double[] mean, double[] scale, SymmetricEigen eigen, int k, double cap) {
        return new ReconstructionDrift(mean, scale, components(eigen, k), cap);
    }

    /** Only standardises: the shape {@link #fit} uses before the components are known. */
    private ReconstructionDrift(double[] mean, double[] scale) {
        this(mean, scale, new double[0][], Double.POSITIVE_INFINITY);
    }

    /** Standardises and projects, without a band (a refit of the band's cross-fit). */
    private ReconstructionDrift(double[] mean, double[] scale, double[][] components, double cap) {
        this.mean = mean;
        this.scale = scale;
        this.components = components;
        this.cap = cap;
        this.calibration = null;
        this.band = null;
        this.fitted = null;
        this.fittedSquares = null;
    }

    public int componentCount() {
        return components.length;
    }

    /** The reference rows' own errors' summary the band is centred on. */
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

    /** The covariance (divisor rows − 1) of the standardised rows about {@code centre}. */
    private static double[][] covariance(double[][] z, double[] centre) {
        int d = centre.length;
        double[][] covariance = new double[d][d];
        double[] c = new double[d];
        for (double[] row : z) {
            for (int j = 0; j < d; j++) {
                c[j] = row[j] - centre[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    covariance[a][b] += c[a] * c[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= Math.max(1, z.length - 1);
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

    /**
     * Each row's error as it counts in a batch's error: its {@link #rowErrors reconstruction error}, at most the
     * reference's {@link Calibration#cap() cap}.
     */
    public double[] countedErrors(double[][] rows) {
        double[] out = rowErrors(rows);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(out[i], cap);
        }
        return out;
    }

    /**
     * The batch's reconstruction error: the mean of its rows' {@link #countedErrors counted errors} — NannyML's mean
     * error, except that a row beyond the reference's {@value #ROW_CAP_QUANTILE} quantile counts at that quantile.
     */
    public double error(double[][] rows) {
        double sum = 0;
        for (double e : countedErrors(rows)) {
            sum += e;
        }
        return sum / rows.length;
    }

    /**
     * The band a batch of {@code batchRows} new rows' error stays in with probability 1 − {@link #FALSE_ALARM_RATE}
     * when nothing changed ({@link ReconstructionBand#thresholds}).
     */
    public Thresholds thresholds(int batchRows) {
        return band.thresholds(batchRows);
    }

    /**
     * The mean error of the reference rows at {@code held} (repeats count twice) under the pipeline refitted on the
     * other reference rows, as the band's cross-fit refits without a fold.
     */
    double heldOutDraw(int[] held) {
        return band.heldOutDraw(held);
    }

    /** Each reference row's capped error under the pipeline refitted without its cross-fit fold. */
    double[] outOfFoldErrors() {
        return band.outOfFold().clone();
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
        // The reference's own residuals were summed when it was fitted; only another table is passed over again.
        double[] ref = reference == fitted ? fittedSquares : meanSquares(residuals(reference));
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
