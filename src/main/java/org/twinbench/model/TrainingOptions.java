package org.twinbench.model;

import java.util.List;

/**
 * What to train.
 *
 * @param positive   the positive class, or null for the rule of {@code BinaryLabels}
 * @param trees      trees of a forest or boosting ensemble (0 means the algorithm's default: 100 for a
 *                   random forest, 300 for gradient boosting)
 * @param dataSha256 SHA-256 of the training file, recorded in the model card
 * @param holdoutShare share of the labelled rows held out to measure the model, in [0, 0.9]
 */
public record TrainingOptions(Algorithm algorithm, String target, List<String> features, String positive, long seed,
                              int trees, String dataSha256, double holdoutShare) {

    /** The share held out when none is given. */
    public static final double DEFAULT_HOLDOUT_SHARE = 0.2;

    public TrainingOptions {
        features = List.copyOf(features);
        if (!(holdoutShare >= 0 && holdoutShare <= 0.9)) {
            throw new IllegalArgumentException("the holdout share must be between 0 and 0.9, not " + holdoutShare);
        }
    }

    /** Options with the default holdout share of {@value #DEFAULT_HOLDOUT_SHARE}. */
    public TrainingOptions(Algorithm algorithm, String target, List<String> features, String positive, long seed,
                           int trees, String dataSha256) {
        this(algorithm, target, features, positive, seed, trees, dataSha256, DEFAULT_HOLDOUT_SHARE);
    }

    public int treeCount() {
        if (trees > 0) {
            return trees;
        }
        return algorithm == Algorithm.GRADIENT_BOOSTING ? 300 : 100;
    }
}
