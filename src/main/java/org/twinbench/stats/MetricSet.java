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
        Double value = asMap().get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known: " + NAMES);
        }
        return value;
    }
}
