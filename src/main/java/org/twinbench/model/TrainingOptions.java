package org.twinbench.model;

import java.util.List;

/**
 * What to train.
 *
 * @param positive   the positive class, or null for the rule of {@code BinaryLabels}
 * @param trees      trees of a forest or boosting ensemble (0 means the algorithm's default: 100 for a
 *                   random forest, 300 for gradient boosting)
 * @param dataSha256 SHA-256 of the training file, recorded in the model card
 */
public record TrainingOptions(Algorithm algorithm, String target, List<String> features, String positive, long seed,
                              int trees, String dataSha256) {

    public TrainingOptions {
        features = List.copyOf(features);
    }

    public int treeCount() {
        if (trees > 0) {
            return trees;
        }
        return algorithm == Algorithm.GRADIENT_BOOSTING ? 300 : 100;
    }
}
