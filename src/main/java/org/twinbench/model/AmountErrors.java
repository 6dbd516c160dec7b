package org.twinbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * Likely wrong amounts in a regression's training data: each labelled row's amount is predicted out of fold (row i
 * in fold i mod {@value #FOLDS}; each fold by a least-squares linear model of the features, fitted on the other
 * folds, with a ridge of {@value #LAMBDA} per row on standardised features only to keep collinear one-hot columns
 * solvable), and a row is suspect when its residual r = amount − prediction is an outlier by the robust (modified)
 * z-score of Iglewicz and Hoaglin: z = 0.6745 · (r − median r) / MAD, |z| &gt; {@value #THRESHOLD}, MAD the median
 * of |r − median r|. Interleaved folds keep a file sorted by its amount spread over every fold. Issues are listed
 * largest |z| first.
 *
 * <p>One scale for all residuals is wrong when their spread grows with the amount (prices: a stone ten times dearer
 * is off by ten times more): then every expensive row looks wrong. The rows are cut into bins of at least
 * {@value #BIN_ROWS} rows by their prediction (up to {@value #BINS}); when the largest bin's MAD is more than
 * {@value #SPREAD_RATIO} times the smallest and every amount is positive, the check is made on the amounts'
 * logarithms instead (relative errors), and says so ({@link Result#scale()}). On ggplot2's diamonds the price's
 * spread grows 8.9-fold: 2,626 of 53,940 prices "looked wrong" on one scale, 257 (0.5%) on the log scale.
 */
public final class AmountErrors {

    public static final int FOLDS = 5;
    /** Iglewicz and Hoaglin's cut-off of the modified z-score. */
    public static final double THRESHOLD = 3.5;
    /** The consistency constant: 0.6745 · MAD estimates σ/1 for normal residuals (Φ⁻¹(0.75)). */
    public static final double CONSISTENCY = 0.6745;
    static final double LAMBDA = 1e-11;
    /** How many times the widest bin's residual spread may be the narrowest's before one scale is wrong. */
    public static final double SPREAD_RATIO = 3;
    static final int BINS = 10;
    static final int BIN_ROWS = 50;

    /** The scale the amounts were judged on. */
    public enum Scale {
        /** The amounts themselves. */
        AMOUNT,
        /** Their natural logarithms: residuals are relative errors. */
        LOG;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A row whose amount looks wrong: 0-based row, the given amount, its out-of-fold prediction, its z-score. */
    public record Issue(int row, double given, double predicted, double z) {
    }

    /**
     * What the check found.
     *
     * @param labelledRows rows with an amount that were judged
     * @param medianResidual the median out-of-fold residual
     * @param mad the median absolute deviation of the residuals from their median
     * @param r2 the out-of-fold R² of the fold models (how well they judge), on the judged scale
     * @param scale the scale the amounts were judged on
     * @param spreadRatio the widest prediction bin's residual MAD over the narrowest's, on the amounts' own scale
     *     (NaN with fewer than two bins)
     */
    public record Result(List<Issue> issues, int labelledRows, double medianResidual, double mad, double r2,
            Scale scale, double spreadRatio) {
        public Result {
            issues = List.copyOf(issues);
        }

        public double issueShare() {
            return labelledRows == 0 ? 0 : (double) issues.size() / labelledRows;
        }
    }

    private AmountErrors() {
    }

    /**
     * Runs the check on {@code frame}'s rows with an amount in {@code target}.
     *
     * @throws ModelException when there are fewer labelled rows than twice the folds
     */
    public static Result find(Frame frame, String target, List<String> features) {
        double[] all = ((NumericColumn) frame.column(target)).values();
        int[] rows = Arrays.stream(ModelTrainer.indices(all.length)).filter(i -> !Double.isNaN(all[i])).toArray();
        if (rows.length < 2 * FOLDS) {
            throw new ModelException("'" + target + "' has " + rows.length + " amounts; " + FOLDS + " folds need at "
                    + "least " + 2 * FOLDS);
        }
        Frame labelled = frame.select(rows);
        double[] y = Arrays.stream(rows).mapToDouble(i -> all[i]).toArray();
        double[] predicted = outOfFold(labelled, features, y);
        double ratio = spreadRatio(predicted, residuals(y, predicted));
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        if (ratio > SPREAD_RATIO && positive) {
            double[] logs = Arrays.stream(y).map(Math::log).toArray();
            double[] logPredicted = outOfFold(labelled, features, logs);
            return judge(rows, y, logs, logPredicted, Scale.LOG, ratio);
        }
        return judge(rows, y, y, predicted, Scale.AMOUNT, ratio);
    }

    private static double[] residuals(double[] y, double[] predicted) {
        double[] residual = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            residual[i] = y[i] - predicted[i];
        }
        return residual;
    }

    /**
     * The rows whose residual is an outlier by the modified z-score, judged on {@code y} (the amounts or their logs);
     * each issue gives the row's amount as the file has it ({@code given}: exp(log 20.2) would read 20.200000000000003)
     * and its prediction on the amounts' own scale.
     */
    private static Result judge(int[] rows, double[] given, double[] y, double[] predicted, Scale scale,
                                double ratio) {
        int n = y.length;
        double[] residual = residuals(y, predicted);
        double median = median(residual);
        double[] deviation = Arrays.stream(residual).map(r -> Math.abs(r - median)).toArray();
        double mad = median(deviation);
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double z = mad == 0 ? 0 : CONSISTENCY * (residual[i] - median) / mad;
            if (Math.abs(z) > THRESHOLD) {
                issues.add(scale == Scale.LOG ? new Issue(rows[i], given[i], Math.exp(predicted[i]), z)
                        : new Issue(rows[i], given[i], predicted[i], z));
            }
        }
        issues.sort(Comparator.comparingDouble((Issue issue) -> -Math.abs(issue.z())).thenComparingInt(Issue::row));
        double mean = Arrays.stream(y).average().orElse(0);
        double total = 0;
        double error = 0;
        for (int i = 0; i < n; i++) {
            total += (y[i] - mean) * (y[i] - mean);
            error += residual[i] * residual[i];
        }
        return new Result(issues, n, median, mad, total == 0 ? Double.NaN : 1 - error / total, scale, ratio);
    }

    /**
     * The largest over the smallest MAD of the residuals in bins of rows by their prediction ({@value #BINS} bins,
     * fewer so each holds at least {@value #BIN_ROWS} rows; equal counts, ties by row order); NaN with fewer than two
     * bins or a bin without spread.
     */
    static double spreadRatio(double[] predicted, double[] residual) {
        int n = predicted.length;
        int bins = Math.min(BINS, n / BIN_ROWS);
        if (bins < 2) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> predicted[i]).thenComparingInt(i -> i));
        double widest = 0;
        double narrowest = Double.POSITIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * n / bins);
            int to = (int) ((long) (b + 1) * n / bins);
            double[] part = new double[to - from];
            for (int k = from; k < to; k++) {
                part[k - from] = residual[order[k]];
            }
            double median = median(part);
            double mad = median(Arrays.stream(part).map(r -> Math.abs(r - median)).toArray());
            widest = Math.max(widest, mad);
            narrowest = Math.min(narrowest, mad);
        }
        return narrowest > 0 ? widest / narrowest : Double.NaN;
    }

    /** Each row's amount predicted by a linear model fitted on the other folds (row i in fold i mod FOLDS). */
    static double[] outOfFold(Frame rows, List<String> features, double[] y) {
        int n = y.length;
        double[] out = new double[n];
        for (int f = 0; f < FOLDS; f++) {
            final int current = f;
            int[] train = Arrays.stream(ModelTrainer.indices(n)).filter(i -> i % FOLDS != current).toArray();
            int[] test = Arrays.stream(ModelTrainer.indices(n)).filter(i -> i % FOLDS == current).toArray();
            Frame trainRows = rows.select(train);
            FeatureEncoder encoder = FeatureEncoder.fit(trainRows, features);
            double[][] x = encoder.encode(trainRows);
            double[] coefficients = leastSquares(x, Arrays.stream(train).mapToDouble(i -> y[i]).toArray());
            double[][] testX = encoder.encode(rows.select(test));
            for (int t = 0; t < test.length; t++) {
                double value = coefficients[coefficients.length - 1];
                for (int j = 0; j < testX[t].length; j++) {
                    value += coefficients[j] * testX[t][j];
                }
                out[test[t]] = value;
            }
        }
        return out;
    }

    /** Weights then intercept of a linear least-squares fit (intercept unpenalised, a tiny ridge on the weights). */
    static double[] leastSquares(double[][] x, double[] y) {
        int n = y.length;
        int p = x.length == 0 ? 0 : x[0].length;
        double[] means = new double[p];
        double yMean = Arrays.stream(y).average().orElse(0);
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                means[j] += row[j] / n;
            }
        }
        double[][] a = new double[p][p + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double xj = x[i][j] - means[j];
                for (int k = 0; k < p; k++) {
                    a[j][k] += xj * (x[i][k] - means[k]);
                }
                a[j][p] += xj * (y[i] - yMean);
            }
        }
        for (int j = 0; j < p; j++) {
            a[j][j] += LAMBDA * n;
        }
        double[] w = solve(a, p);
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            intercept -= w[j] * means[j];
        }
        double[] out = Arrays.copyOf(w, p + 1);
        out[p] = intercept;
        return out;
    }

    /** Gaussian elimination with partial pivoting of the augmented p × (p + 1) system. */
    private static double[] solve(double[][] a, int p) {
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                pivot = Math.abs(a[r][c]) > Math.abs(a[pivot][c]) ? r : pivot;
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < p; r++) {
                double factor = a[c][c] == 0 ? 0 : a[r][c] / a[c][c];
                for (int k = c; k <= p; k++) {
                    a[r][k] -= factor * a[c][k];
                }
            }
        }
        double[] w = new double[p];
        for (int c = p - 1; c >= 0; c--) {
            double sum = a[c][p];
            for (int k = c + 1; k < p; k++) {
                sum -= a[c][k] * w[k];
            }
            w[c] = a[c][c] == 0 ? 0 : sum / a[c][c];
        }
        return w;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
