package org.twinbench.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary-classification metrics of one group of rows. A metric that is undefined for the group
 * (precision with no predicted positive, AUC with one class, ...) is {@code NaN}.
 */
public record MetricSet(int n, double accuracy, double precision, double recall, double f1, double rocAuc,
                        double logLoss, double brier, double ece) implements java.io.Serializable {

    /** The metric names of the command-line contract, in contract order. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier", "ece");

    /** Metric name (as in {@link #NAMES}) to value, in contract order; NaN stays NaN. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("accuracy", accuracy);
        map.put("precision", precision);
        map.put("recall", recall);
        map.put("f1", f1);
        map.put("roc_auc", rocAuc);
        map.put("log_loss", logLoss);
        map.put("brier", brier);
        map.put("ece", ece);
        return map;
    }

    public double get(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known: " + NAMES);
        }
        return value(index);
    }

    /**
     * The value of metric {@code NAMES.get(index)}: what {@link #asMap()} holds, without building a
     * map (a run writes millions of these to its store).
     */
    public double value(int index) {
        return switch (index) {
            case 0 -> accuracy;
            case 1 -> precision;
            case 2 -> recall;
            case 3 -> f1;
            case 4 -> rocAuc;
            case 5 -> logLoss;
            case 6 -> brier;
            case 7 -> ece;
            default -> throw new IndexOutOfBoundsException("metric " + index + " of " + NAMES.size());
        };
    }
}
