package org.twinbench.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression metrics of one group of rows: mean absolute error, root mean squared error and the
 * coefficient of determination R² = 1 − SS_res / SS_tot (as scikit-learn's {@code r2_score}; NaN when
 * the actual values are constant, where R² is undefined).
 */
public record RegressionMetrics(int n, double mae, double rmse, double r2) {

    public static RegressionMetrics compute(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted values differ in length");
        }
        int n = actual.length;
        if (n == 0) {
            return new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double a : actual) {
            mean += a;
        }
        mean /= n;
        double absolute = 0;
        double squared = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = actual[i] - predicted[i];
            absolute += Math.abs(e);
            squared += e * e;
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return new RegressionMetrics(n, absolute / n, Math.sqrt(squared / n), total == 0 ? Double.NaN : 1 - squared / total);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("mae", mae);
        map.put("rmse", rmse);
        map.put("r2", r2);
        return map;
    }
}
