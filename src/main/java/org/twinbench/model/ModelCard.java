package org.twinbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.Task;
import org.twinbench.stats.Baseline;

/**
 * The description that travels with a model: what it predicts (the task, the target and, for a
 * classifier, its classes), from which features, trained on which data (SHA-256), how well it did on the
 * holdout and how well the naive baseline did on the same rows.
 *
 * @param positiveLabel the positive class of a binary model; empty for other tasks
 * @param classes       the classes of a multiclass model in the order of its probabilities; empty otherwise
 * @param baseline      the naive baseline on the holdout rows, or null (no holdout, or an older bundle)
 * @param holdoutRows   how many rows the holdout figures were measured on; 0 when not known (no holdout, an older
 *     bundle, a model trained elsewhere)
 * @param trainingSketch a sketch of the rows it was trained on (features and target), or null when not known
 * @param holdoutIntervals the 95% intervals of a regression's holdout {@code mae} and {@code rmse} as training
 *     measured them (a seeded percentile bootstrap of the holdout rows, {@link HoldoutIntervals#amounts}); empty
 *     for other tasks, whose shares' Wilson intervals follow from the holdout's size ({@link HoldoutIntervals#of}),
 *     and for a card that has none (an older bundle, a model trained elsewhere)
 * @param rowsChosen which of the file's rows the model was trained on when not all of them ("rows before 2007-10-01
 *     by month_start: …"), or null (all rows, or not known)
 */
public record ModelCard(String algorithm, String target, String positiveLabel, List<String> features,
                        String trainingDataSha256, int trainingRows, Map<String, Double> holdoutMetrics, Task task,
                        List<String> classes, Baseline baseline, int holdoutRows, RowSketch trainingSketch,
                        Map<String, Interval> holdoutIntervals, String rowsChosen) {

    /** A 95% interval of a holdout figure. */
    public record Interval(double lower, double upper) {
    }

    public ModelCard {
        features = List.copyOf(features);
        holdoutMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(holdoutMetrics));
        classes = List.copyOf(classes);
        holdoutIntervals = Collections.unmodifiableMap(new LinkedHashMap<>(holdoutIntervals));
    }

    /** A card of a model trained on all the rows of its file (or on rows not known). */
    public ModelCard(String algorithm, String target, String positiveLabel, List<String> features,
                     String trainingDataSha256, int trainingRows, Map<String, Double> holdoutMetrics, Task task,
                     List<String> classes, Baseline baseline, int holdoutRows, RowSketch trainingSketch,
                     Map<String, Interval> holdoutIntervals) {
        this(algorithm, target, positiveLabel, features, trainingDataSha256, trainingRows, holdoutMetrics, task, classes,
                baseline, holdoutRows, trainingSketch, holdoutIntervals, null);
    }

    /** This card, saying the model was trained on the rows {@code chosen} describes. */
    public ModelCard withRowsChosen(String chosen) {
        return new ModelCard(algorithm, target, positiveLabel, features, trainingDataSha256, trainingRows, holdoutMetrics,
                task, classes, baseline, holdoutRows, trainingSketch, holdoutIntervals, chosen);
    }

    /** A card without stored intervals. */
    public ModelCard(String algorithm, String target, String positiveLabel, List<String> features,
                     String trainingDataSha256, int trainingRows, Map<String, Double> holdoutMetrics, Task task,
                     List<String> classes, Baseline baseline, int holdoutRows, RowSketch trainingSketch) {
        this(algorithm, target, positiveLabel, features, trainingDataSha256, trainingRows, holdoutMetrics, task, classes,
                baseline, holdoutRows, trainingSketch, Map.of());
    }

    /** A card without a sketch of its training rows. */
    public ModelCard(String algorithm, String target, String positiveLabel, List<String> features,
                     String trainingDataSha256, int trainingRows, Map<String, Double> holdoutMetrics, Task task,
                     List<String> classes, Baseline baseline, int holdoutRows) {
        this(algorithm, target, positiveLabel, features, trainingDataSha256, trainingRows, holdoutMetrics, task, classes,
                baseline, holdoutRows, null);
    }

    /** A card whose holdout size is not known. */
    public ModelCard(String algorithm, String target, String positiveLabel, List<String> features,
                     String trainingDataSha256, int trainingRows, Map<String, Double> holdoutMetrics, Task task,
                     List<String> classes, Baseline baseline) {
        this(algorithm, target, positiveLabel, features, trainingDataSha256, trainingRows, holdoutMetrics, task, classes,
                baseline, 0);
    }

    /** The card of a binary model without a recorded baseline. */
    public ModelCard(String algorithm, String target, String positiveLabel, List<String> features,
                     String trainingDataSha256, int trainingRows, Map<String, Double> holdoutMetrics) {
        this(algorithm, target, positiveLabel, features, trainingDataSha256, trainingRows, holdoutMetrics, Task.BINARY,
                List.of(), null);
    }
}
