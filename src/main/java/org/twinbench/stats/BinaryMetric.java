package org.twinbench.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every binary-classification metric by its JSON name, computable from 0/1 labels, positive-class
 * scores and a threshold — what slices, bootstrap intervals and fairness reports ask for by name.
 */
public enum BinaryMetric {
    ACCURACY("accuracy"),
    BALANCED_ACCURACY("balanced_accuracy"),
    PRECISION("precision"),
    RECALL("recall"),
    F1("f1"),
    ROC_AUC("roc_auc"),
    PR_AUC("pr_auc"),
    LOG_LOSS("log_loss"),
    BRIER("brier"),
    ECE("ece");

    private final String key;

    BinaryMetric(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<BinaryMetric> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(m -> m.key.equals(wanted)).findFirst();
    }

    /** The metric of these rows; NaN where it is undefined (as in {@link MetricSet}). */
    public double compute(int[] labels, double[] scores, double threshold) {
        return switch (this) {
            case BALANCED_ACCURACY -> ClassificationMetrics.balancedAccuracy(labels, scores, threshold);
            case ROC_AUC -> ClassificationMetrics.rocAuc(labels, scores);
            case PR_AUC -> ClassificationMetrics.averagePrecision(labels, scores);
            case ECE -> labels.length == 0 ? Double.NaN : ClassificationMetrics.ece(labels, scores);
            default -> ClassificationMetrics.compute(labels, scores, threshold).get(key);
        };
    }
}
