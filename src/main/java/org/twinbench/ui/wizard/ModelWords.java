package org.twinbench.ui.wizard;

import java.util.Locale;
import java.util.Map;
import org.twinbench.data.PlainWords;
import org.twinbench.data.Task;
import org.twinbench.model.ModelCard;
import org.twinbench.stats.Baseline;
import org.twinbench.stats.WilsonInterval;

/**
 * How good a model built by the wizard is, in the words of its task and always beside the naive guess
 * measured on the same held-out rows (the card's {@link Baseline}): "right 83 times out of 100 — always
 * guessing “Sales” would be right 41 times", "off by about 1,200 on average — guessing the average would be
 * off by about 2,900".
 */
final class ModelWords {

    /** Said after a model's figures when it does no better than the naive guess; the page shows it as a caution. */
    static final String NO_BETTER = " So the model does no better than that guess.";

    /** The style of the model's words on the page: a caution when the model does no better than the guess. */
    static String style(String words) {
        return words != null && words.contains(NO_BETTER.strip()) ? "caution-text" : "good-news";
    }

    private ModelWords() {
    }

    /** The card's holdout figures in words, beside its baseline's, without an interval. */
    static String of(ModelCard card) {
        return of(card, 0);
    }

    /**
     * The same; with the {@code holdoutRows} the figures were measured on, a share right comes with its 95%
     * Wilson interval ("between 71% and 88%"), and a yes/no model says how many of the answer to catch it
     * catches (its recall).
     */
    static String of(ModelCard card, int holdoutRows) {
        String opening = String.format(Locale.ROOT,
                "We built a model from %,d of your rows and tested it on rows it had not seen: ", card.trainingRows());
        Map<String, Double> metrics = card.holdoutMetrics();
        Baseline baseline = card.baseline();
        if (card.task() == Task.REGRESSION) {
            double mae = metrics.getOrDefault("mae", Double.NaN);
            String text = opening + "its guess of “" + PlainWords.column(card.target()) + "” was off by about "
                    + PlainWords.amount(mae) + " on average";
            if (baseline == null) {
                return text + ".";
            }
            double base = baseline.metrics().getOrDefault("mae", Double.NaN);
            return text + " — guessing the average (" + PlainWords.amount(baseline.value())
                    + ") every time would be off by about " + PlainWords.amount(base) + "."
                    + (mae >= base ? NO_BETTER : "");
        }
        double accuracy = metrics.getOrDefault("accuracy", Double.NaN);
        String text = opening + "it was right " + hundreds(accuracy) + " times out of 100"
                + (holdoutRows > 0 ? " (" + between(accuracy, holdoutRows) + ")" : "");
        if (baseline == null) {
            return text + ".";
        }
        double base = baseline.metrics().getOrDefault("accuracy", Double.NaN);
        double recall = metrics.getOrDefault("recall", Double.NaN);
        return text + " — always guessing “" + PlainWords.value(card.target(), baseline.answer())
                + "” would be right " + hundreds(base) + " times."
                + (card.task() == Task.BINARY && !Double.isNaN(recall) ? " It catches " + hundreds(recall)
                + " of every 100 “" + PlainWords.value(card.target(), card.positiveLabel()) + "”." : "")
                + (accuracy <= base ? NO_BETTER : "");
    }

    /** "between 71% and 88%": the 95% Wilson interval of a share measured on {@code n} rows. */
    static String between(double share, int n) {
        double[] interval = WilsonInterval.of(share, n);
        return String.format(Locale.ROOT, "between %.0f%% and %.0f%%", 100 * interval[0], 100 * interval[1]);
    }

    /** A share as a whole number of hundreds: 0.826 is 83. */
    static long hundreds(double share) {
        return Math.round(share * 100);
    }
}
