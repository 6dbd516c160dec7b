package org.twinbench.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.twinbench.data.Task;
import org.twinbench.stats.Baseline;
import org.twinbench.stats.WilsonInterval;

/**
 * How far a model card's holdout figures can be trusted: 95% Wilson intervals of its shares (accuracy of a
 * classifier; recall of a binary one, over the holdout's positives), from the holdout's size, and whether the
 * naive baseline lies inside the accuracy interval — then the holdout cannot tell the model from always
 * answering the majority class, however its point figures compare.
 */
public final class HoldoutIntervals {

    /** Below this many holdout rows the card says its figures are rough. */
    public static final int FEW_ROWS = 30;

    private HoldoutIntervals() {
    }

    /**
     * {metric: {lower, upper}} for the card's shares that have an interval; empty when the holdout's size is
     * not known (an older bundle, an imported model) or the task is a regression.
     */
    public static Map<String, double[]> of(ModelCard card) {
        Map<String, double[]> intervals = new LinkedHashMap<>();
        int n = card.holdoutRows();
        Double accuracy = card.holdoutMetrics().get("accuracy");
        if (n <= 0 || card.task() == Task.REGRESSION || accuracy == null || accuracy.isNaN()) {
            return intervals;
        }
        intervals.put("accuracy", WilsonInterval.of(accuracy, n));
        Double recall = card.holdoutMetrics().get("recall");
        int positives = positives(card);
        if (card.task() == Task.BINARY && recall != null && !recall.isNaN() && positives > 0) {
            intervals.put("recall", WilsonInterval.of(recall, positives));
        }
        return intervals;
    }

    /**
     * The holdout's positive rows of a binary card: always answering the majority class is right on exactly
     * that class's rows, so its accuracy is the majority's share of the holdout; -1 when not known.
     */
    static int positives(ModelCard card) {
        Baseline baseline = card.baseline();
        if (baseline == null || card.holdoutRows() <= 0 || !Baseline.MAJORITY.equals(baseline.kind())) {
            return -1;
        }
        double majorityShare = baseline.metrics().getOrDefault("accuracy", Double.NaN);
        if (Double.isNaN(majorityShare)) {
            return -1;
        }
        double positiveShare = baseline.answer().equals(card.positiveLabel()) ? majorityShare : 1 - majorityShare;
        return (int) Math.round(positiveShare * card.holdoutRows());
    }

    /**
     * The warning when the model's holdout accuracy is above the baseline's but the baseline lies inside the
     * model's 95% interval, e.g. "on 6 holdout rows the model's accuracy 0.83 (95% interval 0.44–0.97) cannot be
     * told from always answering '0' (0.67)"; null otherwise.
     */
    public static String indistinctFromBaseline(ModelCard card) {
        double[] interval = of(card).get("accuracy");
        if (interval == null || card.baseline() == null) {
            return null;
        }
        double accuracy = card.holdoutMetrics().get("accuracy");
        double base = card.baseline().metrics().getOrDefault("accuracy", Double.NaN);
        if (Double.isNaN(base) || accuracy <= base || base < interval[0]) {
            return null;
        }
        return String.format(Locale.ROOT, "on %d holdout rows the model's accuracy %.2f (95%% interval %.2f–%.2f)"
                        + " cannot be told from always answering '%s' (%.2f)", card.holdoutRows(), accuracy,
                interval[0], interval[1], card.baseline().answer(), base);
    }
}
