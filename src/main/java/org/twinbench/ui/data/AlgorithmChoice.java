package org.twinbench.ui.data;

import java.util.List;
import org.twinbench.model.Algorithm;

/** An algorithm as the training form offers it, in words. */
public record AlgorithmChoice(Algorithm algorithm, String label) {
    /** The choice of {@code algorithm}. */
    public static AlgorithmChoice of(Algorithm algorithm) {
        return new AlgorithmChoice(algorithm, switch (algorithm) {
            case LOGISTIC -> "Logistic regression";
            case RANDOM_FOREST -> "Random forest (100 trees)";
            case GRADIENT_BOOSTING -> "Gradient boosting (300 trees)";
        });
    }

    /** Every algorithm, the first (logistic regression) the form's default. */
    public static List<AlgorithmChoice> all() {
        return java.util.Arrays.stream(Algorithm.values()).map(AlgorithmChoice::of).toList();
    }

    /**
     * Every algorithm as it is named for {@code task}, in the order of {@link #all()}: the linear model is a
     * logistic regression for two values, a multinomial one for several classes, a ridge regression for amounts.
     */
    public static List<AlgorithmChoice> all(org.twinbench.data.Task task) {
        return java.util.Arrays.stream(Algorithm.values()).map(a -> a != Algorithm.LOGISTIC ? of(a)
                : new AlgorithmChoice(a, switch (task) {
                    case BINARY -> "Logistic regression";
                    case MULTICLASS -> "Multinomial logistic regression";
                    case REGRESSION -> "Linear (ridge) regression";
                })).toList();
    }

    /** A request to train this algorithm, with no file yet. */
    public TrainRequest request(String target, long seed, double holdoutShare, boolean keepLeaky,
                                TrainingRows rows) {
        return new TrainRequest(algorithm, target, seed, holdoutShare, keepLeaky, rows, null);
    }

    @Override
    public String toString() {
        return label;
    }
}
