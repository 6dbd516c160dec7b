package org.twinbench.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression metrics of one group of rows, as scikit-learn defines them: mean absolute error, root mean
 * squared error, the coefficient of determination R² = 1 − SS_res / SS_tot ({@code r2_score}; NaN when the
 * actual values are constant, where R² is undefined — scikit-learn then reports 1 or 0) and the mean
 * absolute percentage error mean(|y − ŷ| / |y|) as a fraction ({@code mean_absolute_percentage_error};
 * NaN when any actual value is 0, where it is undefined).
 */
public record RegressionMetrics(int n, double mae, double rmse, double r2, double mape) {

    /** The metric names, in report order. */
    public static final java.util.List<String> NAMES = java.util.List.of("mae", "rmse", "r2", "mape");

    public static RegressionMetrics compute(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted values differ in length");
        }
        int n = actual.length;
        if (n == 0) {
            return new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double a : actual) {
            mean += a;
        }
        mean /= n;
        double absolute = 0;
        double squared = 0;
        double total = 0;
        double percentage = 0;
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            double e = actual[i] - predicted[i];
            absolute += Math.abs(e);
            squared += e * e;
            total += (actual[i] - mean) * (actual[i] - mean);
            zero |= actual[i] == 0;
            percentage += Math.abs(e) / Math.abs(actual[i]);
        }
        return new RegressionMetrics(n, absolute / n, Math.sqrt(squared / n), total == 0 ? Double.NaN : 1 - squared / total,
                zero ? Double.NaN : percentage / n);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("mae", mae);
        map.put("rmse", rmse);
        map.put("r2", r2);
        map.put("mape", mape);
        return map;
    }
}
