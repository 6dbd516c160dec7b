package org.twinbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The description that travels with a model: what it predicts, from which features, trained on
 * which data (SHA-256) and how well it did on the holdout.
 */
public record ModelCard(String algorithm, String target, String positiveLabel, List<String> features,
                        String trainingDataSha256, int trainingRows, Map<String, Double> holdoutMetrics) {

    public ModelCard {
        features = List.copyOf(features);
        holdoutMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(holdoutMetrics));
    }
}
