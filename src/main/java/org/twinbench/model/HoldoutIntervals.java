package org.twinbench.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.twinbench.data.Task;
import java.util.SplittableRandom;
import org.twinbench.stats.Baseline;
import org.twinbench.stats.BootstrapInterval;
import org.twinbench.stats.WilsonInterval;

/**
 * How far a model card's holdout figures can be trusted: 95% Wilson intervals of its shares (accuracy of a
 * classifier; recall of a binary one, over the holdout's positives), from the holdout's size, and whether the
 * naive baseline lies inside the accuracy interval — then the holdout cannot tell the model from always
 * answering the majority class, however its point figures compare. A regression's MAE and RMSE get 95%
 * percentile bootstrap intervals ({@link #amounts}) from the holdout's rows themselves, when it is trained.
 */
public final class HoldoutIntervals {

    /** Below this many holdout rows the card says its figures are rough. */
    public static final int FEW_ROWS = 30;

    private HoldoutIntervals() {
    }

    /**
     * {metric: {lower, upper}} for the card's figures that have an interval: the shares' Wilson intervals (empty
     * when the holdout's size is not known: an older bundle, an imported model) and a regression's stored MAE and
     * RMSE intervals ({@link ModelCard#holdoutIntervals}).
     */
    public static Map<String, double[]> of(ModelCard card) {
        Map<String, double[]> intervals = new LinkedHashMap<>();
        card.holdoutIntervals().forEach((name, interval) ->
                intervals.put(name, new double[] {interval.lower(), interval.upper()}));
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

    /** Resamples of the holdout rows behind a regression's MAE and RMSE intervals. */
    public static final int RESAMPLES = 2_000;

    /**
     * 95% percentile bootstrap intervals of a regression holdout's {@code mae} and {@code rmse}
     * ({@link BootstrapInterval#ofRows}: {@value #RESAMPLES} resamples of the rows with replacement, drawn by a
     * {@link SplittableRandom} seeded with {@code seed}, both metrics from the same resamples; the bounds are the
     * 2.5% and 97.5% quantiles, numpy's linear rule). {metric: {lower, upper}}; empty without rows.
     */
    public static Map<String, double[]> amounts(double[] actual, double[] predicted, long seed) {
        Map<String, double[]> intervals = new LinkedHashMap<>();
        if (actual.length == 0) {
            return intervals;
        }
        BootstrapInterval.ofRows(actual.length, rows -> {
            double absolute = 0;
            double squared = 0;
            for (int row : rows) {
                double error = actual[row] - predicted[row];
                absolute += Math.abs(error);
                squared += error * error;
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("mae", absolute / rows.length);
            figures.put("rmse", Math.sqrt(squared / rows.length));
            return figures;
        }, RESAMPLES, 0.95, new SplittableRandom(seed)).forEach((name, interval) ->
                intervals.put(name, new double[] {interval.lower(), interval.upper()}));
        return intervals;
    }
}
