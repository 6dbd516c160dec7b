package org.twinbench.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one group of rows under the model's task: binary classification ({@link #NAMES}),
 * regression ({@link #REGRESSION_NAMES}, as {@link RegressionMetrics}) or multiclass classification
 * ({@link #MULTICLASS_NAMES}, as {@link MulticlassMetrics}). A metric that is undefined for the group
 * (precision with no predicted positive, AUC with one class, R² of constant values, ...) is {@code NaN}.
 * The binary accessors ({@link #accuracy()}, {@link #recall()}, ...) are NaN for a set without that metric.
 */
public final class MetricSet implements java.io.Serializable {

    private static final long serialVersionUID = 2L;

    /** The binary metric names of the command-line contract, in contract order. */
    public static final List<String> NAMES =
            List.of("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier", "ece");
    /** The regression metric names, in report order. */
    public static final List<String> REGRESSION_NAMES = RegressionMetrics.NAMES;
    /** The multiclass metric names, in report order. */
    public static final List<String> MULTICLASS_NAMES = MulticlassMetrics.NAMES;

    private final int n;
    private final List<String> names;
    private final double[] values;
    /**
     * A binary set's confusion counts {true negatives, false positives, false negatives, true positives}, when it was
     * measured on rows (null for a set read back by name, or of another task).
     */
    private final long[] confusion;

    /** The binary metrics of a group of rows. */
    public MetricSet(int n, double accuracy, double precision, double recall, double f1, double rocAuc,
                     double logLoss, double brier, double ece) {
        this(n, NAMES, new double[] {accuracy, precision, recall, f1, rocAuc, logLoss, brier, ece});
    }

    private MetricSet(int n, List<String> names, double[] values) {
        this(n, names, values, null);
    }

    private MetricSet(int n, List<String> names, double[] values, long[] confusion) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " metric names for " + values.length + " values");
        }
        this.n = n;
        this.names = names;
        this.values = values;
        this.confusion = confusion;
    }

    /**
     * These binary metrics with the confusion counts they were measured from (true negatives, false positives, false
     * negatives, true positives), so that a report can pool a slice's rows over steps ({@link #confusion()}).
     */
    MetricSet withConfusion(long tn, long fp, long fn, long tp) {
        return new MetricSet(n, names, values, new long[] {tn, fp, fn, tp});
    }

    /**
     * A binary set's confusion counts {@code [true outcome][answer]} (0 the other value, 1 the positive), as
     * scikit-learn's {@code confusion_matrix}; null when not known (a set read back by name from {@code steps.csv},
     * or of a regression or multiclass model).
     */
    public long[][] confusion() {
        return confusion == null ? null : new long[][] {{confusion[0], confusion[1]}, {confusion[2], confusion[3]}};
    }

    /** The regression metrics of a group of rows. */
    public static MetricSet of(RegressionMetrics metrics) {
        return new MetricSet(metrics.n(), REGRESSION_NAMES, new double[] {metrics.mae(), metrics.rmse(),
                metrics.r2(), metrics.mape()});
    }

    /** The scalar multiclass metrics of a group of rows. */
    public static MetricSet of(MulticlassMetrics metrics) {
        return new MetricSet(metrics.n(), MULTICLASS_NAMES, new double[] {metrics.accuracy(),
                metrics.balancedAccuracy(), metrics.macroF1(), metrics.weightedF1(), metrics.logLoss()});
    }

    /**
     * The set read back by name (e.g. from {@code steps.csv}): regression when it holds {@code mae},
     * multiclass when it holds {@code balanced_accuracy}, binary otherwise; absent metrics are NaN.
     */
    public static MetricSet of(int n, Map<String, Double> byName) {
        List<String> names = byName.containsKey("mae") ? REGRESSION_NAMES
                : byName.containsKey("balanced_accuracy") ? MULTICLASS_NAMES : NAMES;
        double[] values = new double[names.size()];
        for (int m = 0; m < values.length; m++) {
            values[m] = byName.getOrDefault(names.get(m), Double.NaN);
        }
        return new MetricSet(n, names, values);
    }

    /** Whether {@code name} is a metric of some task (binary, regression or multiclass). */
    public static boolean isMetric(String name) {
        return NAMES.contains(name) || REGRESSION_NAMES.contains(name) || MULTICLASS_NAMES.contains(name);
    }

    /** The rows measured. */
    public int n() {
        return n;
    }

    /** The metric names of this set, in report order ({@link #NAMES} for a binary model). */
    public List<String> names() {
        return names;
    }

    /** Metric name to value, in report order; NaN stays NaN. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int m = 0; m < values.length; m++) {
            map.put(names.get(m), values[m]);
        }
        return map;
    }

    /** The value of metric {@code name}, or an exception listing the metrics of this set. */
    public double get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known: " + names);
        }
        return values[index];
    }

    /**
     * The value of metric {@code names().get(index)}: what {@link #asMap()} holds, without building a
     * map (a run writes millions of these to its store).
     */
    public double value(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("metric " + index + " of " + values.length);
        }
        return values[index];
    }

    private double named(String name) {
        int index = names.indexOf(name);
        return index < 0 ? Double.NaN : values[index];
    }

    public double accuracy() {
        return named("accuracy");
    }

    public double precision() {
        return named("precision");
    }

    public double recall() {
        return named("recall");
    }

    public double f1() {
        return named("f1");
    }

    public double rocAuc() {
        return named("roc_auc");
    }

    public double logLoss() {
        return named("log_loss");
    }

    public double brier() {
        return named("brier");
    }

    public double ece() {
        return named("ece");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricSet m && m.n == n && m.names.equals(names) && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * n + names.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MetricSet[n=" + n + ", " + asMap() + "]";
    }
}
