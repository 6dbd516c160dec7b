package org.twinbench.ui.data;

import java.util.Locale;
import org.twinbench.model.ModelCard;

/**
 * The few lines the main window's data panel shows about the model in use: what it is, what it
 * predicts from how many features and, when its card has them, its holdout accuracy and AUC. One
 * text for a model opened from a file and for the model a run trained.
 */
public final class ModelSummary {

    private ModelSummary() {
    }

    /**
     * "logistic model loans.twinmodel / predicts defaulted = yes from 5 features / holdout accuracy
     * 0.812, AUC 0.873"; {@code source} (a file name) is left out when null.
     */
    public static String of(ModelCard card, String source) {
        return String.format(Locale.ROOT, "%s model%s%npredicts %s = %s from %d features%s", card.algorithm(),
                source == null ? "" : " " + source, card.target(), card.positiveLabel(), card.features().size(),
                card.holdoutMetrics().isEmpty() ? "" : String.format(Locale.ROOT, "%nholdout accuracy %.3f, AUC %.3f",
                        card.holdoutMetrics().getOrDefault("accuracy", Double.NaN),
                        card.holdoutMetrics().getOrDefault("roc_auc", Double.NaN)));
    }
}
