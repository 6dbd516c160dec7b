package org.twinbench.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Confidence-based performance estimation (CBPE, as NannyML) for a binary classifier: on unlabelled
 * rows, a calibrated probability p_i of the positive class makes row i count p_i of a positive and
 * 1 − p_i of a negative, so the expected confusion matrix is E[TP] = Σ_{ŷ=1} p_i, E[FP] = Σ_{ŷ=1} (1 − p_i),
 * E[FN] = Σ_{ŷ=0} p_i, E[TN] = Σ_{ŷ=0} (1 − p_i), with ŷ = [score ≥ threshold]. Accuracy, precision,
 * recall and F1 are computed from it; ROC AUC from the expected ROC curve — the model's own ranking of
 * the raw scores, each row weighted p_i as a positive and 1 − p_i as a negative, trapezoids between
 * distinct scores.
 *
 * <p>The estimate is only as good as the calibration; {@link #fit} therefore checks it on the labelled
 * reference rows (ECE before and after calibrating) and can calibrate (Platt or isotonic) there.
 */
public final class Cbpe {

    /** How scores are turned into probabilities. */
    public enum Method {
        NONE, PLATT, ISOTONIC;

        public static Method named(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** The expected metrics of a window. */
    public record Estimate(int n, double accuracy, double precision, double recall, double f1, double rocAuc) {

        public Map<String, Double> asMap() {
            Map<String, Double> map = new LinkedHashMap<>();
            map.put("accuracy", accuracy);
            map.put("precision", precision);
            map.put("recall", recall);
            map.put("f1", f1);
            map.put("roc_auc", rocAuc);
            return map;
        }
    }

    private final Calibration calibration;
    private final double threshold;
    private final double referenceEce;
    private final double calibratedEce;

    private Cbpe(Calibration calibration, double threshold, double referenceEce, double calibratedEce) {
        this.calibration = calibration;
        this.threshold = threshold;
        this.referenceEce = referenceEce;
        this.calibratedEce = calibratedEce;
    }

    /** Fits the calibration on labelled reference rows and records the calibration check. */
    public static Cbpe fit(int[] labels, double[] scores, Method method, double threshold) {
        Calibration calibration = switch (method) {
            case NONE -> new Calibration.Identity();
            case PLATT -> Calibration.Platt.fit(labels, scores);
            case ISOTONIC -> Calibration.Isotonic.fit(labels, scores);
        };
        return new Cbpe(calibration, threshold, ClassificationMetrics.ece(labels, scores),
                ClassificationMetrics.ece(labels, calibration.apply(scores)));
    }

    public Calibration calibration() {
        return calibration;
    }

    /** ECE of the raw reference scores: how far they are from calibrated. */
    public double referenceEce() {
        return referenceEce;
    }

    /** ECE on the reference after calibration (in-sample, so optimistic). */
    public double calibratedEce() {
        return calibratedEce;
    }

    public Estimate estimate(double[] scores) {
        return expected(scores, calibration.apply(scores), threshold);
    }

    /** The expected metrics of rows with raw scores {@code scores} and calibrated probabilities {@code p}. */
    static Estimate expected(double[] scores, double[] p, double threshold) {
        int n = scores.length;
        if (n == 0) {
            return new Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double tp = 0;
        double fp = 0;
        double fn = 0;
        double tn = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] >= threshold) {
                tp += p[i];
                fp += 1 - p[i];
            } else {
                fn += p[i];
                tn += 1 - p[i];
            }
        }
        double precision = tp + fp == 0 ? Double.NaN : tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : tp / (tp + fn);
        double f1 = 2 * tp + fp + fn == 0 ? Double.NaN : 2 * tp / (2 * tp + fp + fn);
        return new Estimate(n, (tp + tn) / n, precision, recall, f1, expectedRocAuc(scores, p));
    }

    private static double expectedRocAuc(double[] scores, double[] p) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(scores[j], scores[i]));
        double positives = 0;
        for (double v : p) {
            positives += v;
        }
        double negatives = n - positives;
        if (positives <= 0 || negatives <= 0) {
            return Double.NaN;
        }
        double area = 0;
        double tp = 0;
        double fp = 0;
        int k = 0;
        while (k < n) {
            double score = scores[order[k]];
            double tpBefore = tp;
            double fpBefore = fp;
            while (k < n && scores[order[k]] == score) {
                tp += p[order[k]];
                fp += 1 - p[order[k]];
                k++;
            }
            area += (fp - fpBefore) * (tp + tpBefore) / 2;
        }
        return area / (positives * negatives);
    }
}
