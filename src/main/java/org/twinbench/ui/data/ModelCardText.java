package org.twinbench.ui.data;

import java.util.Locale;
import java.util.Map;
import org.twinbench.data.Dataset;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelCard;

/** A model card in the words of the panel's Model tab, and an algorithm in a sentence's words. */
final class ModelCardText {

    private ModelCardText() {
    }

    /** The card as lines: algorithm, target, features, holdout metrics, provenance. */
    static String describe(ModelCard card, Dataset data) {
        StringBuilder text = new StringBuilder();
        text.append("Algorithm: ").append(card.algorithm()).append('\n');
        text.append("Predicts: ").append(switch (card.task()) {
            case REGRESSION -> "the amount of " + card.target();
            case MULTICLASS -> card.target() + " (one of " + card.classes().size() + " classes)";
            default -> card.target() + " = " + card.positiveLabel();
        }).append('\n');
        text.append("Features (").append(card.features().size()).append("): ")
                .append(String.join(", ", card.features())).append('\n');
        if (card.holdoutMetrics().isEmpty()) {
            text.append("Holdout metrics: none recorded\n");
        } else {
            text.append("Holdout metrics").append(card.holdoutRows() > 0 ? " (" + card.holdoutRows() + " rows)" : "")
                    .append(":\n");
            Map<String, double[]> intervals = org.twinbench.model.HoldoutIntervals.of(card);
            for (Map.Entry<String, Double> metric : card.holdoutMetrics().entrySet()) {
                text.append(String.format(Locale.ROOT, "   %s  %.3f%s%n", metric.getKey(), metric.getValue(),
                        ModelSummary.interval(intervals.get(metric.getKey()))));
            }
        }
        text.append(String.format(Locale.ROOT, "Trained on %,d rows", card.trainingRows()));
        String sha = card.trainingDataSha256();
        if (sha != null && !sha.isBlank()) {
            text.append(" of data with SHA-256 ").append(sha, 0, Math.min(12, sha.length())).append('…');
            if (data != null && sha.equals(data.provenance().sha256())) {
                text.append(" (the dataset open here)");
            }
        }
        if (card.rowsChosen() != null) {
            text.append(", of its ").append(card.rowsChosen());
        }
        return text.toString();
    }

    static String words(Algorithm algorithm) {
        return switch (algorithm) {
            case LOGISTIC -> "a logistic regression";
            case RANDOM_FOREST -> "a random forest";
            case GRADIENT_BOOSTING -> "gradient boosting";
        };
    }
}
