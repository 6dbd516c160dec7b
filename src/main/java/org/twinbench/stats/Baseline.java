package org.twinbench.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The naive baseline a model must beat, measured on the same rows as the model: for classification
 * always answering the majority class of the reference rows ({@code kind} "majority"), for regression
 * always predicting the mean of the reference values ({@code kind} "mean"). The reference rows are the
 * training rows when there are any, else the evaluated rows themselves.
 *
 * @param kind    "majority" or "mean"
 * @param answer  the constant answer: the majority class, or the mean as text
 * @param value   the mean (regression), NaN for classification
 * @param metrics the baseline's metrics on the evaluated rows, by name (as the model's)
 */
public record Baseline(String kind, String answer, double value, Map<String, Double> metrics) {

    public static final String MAJORITY = "majority";
    public static final String MEAN = "mean";

    public Baseline {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Always answering the most frequent class among {@code reference} (codes into {@code classes}; ties
     * to the first class), measured on {@code evaluated}: accuracy, balanced accuracy and macro F1.
     */
    public static Baseline majority(int[] reference, int[] evaluated, List<String> classes) {
        long[] counts = new long[classes.size()];
        for (int code : reference) {
            counts[code]++;
        }
        int majority = 0;
        for (int c = 1; c < counts.length; c++) {
            majority = counts[c] > counts[majority] ? c : majority;
        }
        int[] predicted = new int[evaluated.length];
        Arrays.fill(predicted, majority);
        MulticlassMetrics m = MulticlassMetrics.compute(evaluated, predicted, null, classes);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", m.accuracy());
        metrics.put("balanced_accuracy", m.balancedAccuracy());
        metrics.put("macro_f1", m.macroF1());
        return new Baseline(MAJORITY, classes.get(majority), Double.NaN, metrics);
    }

    /** Always predicting the mean of {@code reference}, measured on {@code evaluated}: MAE, RMSE, R², MAPE. */
    public static Baseline mean(double[] reference, double[] evaluated) {
        double mean = Arrays.stream(reference).average().orElse(Double.NaN);
        double[] predicted = new double[evaluated.length];
        Arrays.fill(predicted, mean);
        return new Baseline(MEAN, String.format(Locale.ROOT, "%.6g", mean), mean,
                RegressionMetrics.compute(evaluated, predicted).asMap());
    }

    /**
     * The call-out when a model with {@code model} metrics is no better than this baseline (accuracy not
     * above it, or MAE not below it), e.g. "no better than always answering 'no', which is right 86% of
     * the time"; null when the model beats it.
     */
    public String noBetter(Map<String, Double> model) {
        if (kind.equals(MAJORITY)) {
            Double accuracy = model.get("accuracy");
            double base = metrics.get("accuracy");
            if (accuracy == null || Double.isNaN(accuracy) || Double.isNaN(base) || accuracy > base) {
                return null;
            }
            return String.format(Locale.ROOT, "no better than always answering '%s', which is right %.0f%% of the time"
                    + " (the model: %.0f%%)", answer, 100 * base, 100 * accuracy);
        }
        Double mae = model.get("mae");
        double base = metrics.get("mae");
        if (mae == null || Double.isNaN(mae) || Double.isNaN(base) || mae < base) {
            return null;
        }
        return String.format(Locale.ROOT, "no better than always predicting the mean %s, whose mean absolute error is"
                + " %.4g (the model's: %.4g)", answer, base, mae);
    }
}
