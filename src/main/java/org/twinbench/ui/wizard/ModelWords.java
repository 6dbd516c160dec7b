package org.twinbench.ui.wizard;

import java.util.Locale;
import java.util.Map;
import org.twinbench.data.Task;
import org.twinbench.model.ModelCard;
import org.twinbench.stats.Baseline;

/**
 * How good a model built by the wizard is, in the words of its task and always beside the naive guess
 * measured on the same held-out rows (the card's {@link Baseline}): "right 83 times out of 100 — always
 * guessing “Sales” would be right 41 times", "off by about 1,200 on average — guessing the average would be
 * off by about 2,900".
 */
final class ModelWords {

    private ModelWords() {
    }

    /** The card's holdout figures in words, beside its baseline's. */
    static String of(ModelCard card) {
        String opening = String.format(Locale.ROOT,
                "We built a model from %,d of your rows and tested it on rows it had not seen: ", card.trainingRows());
        Map<String, Double> metrics = card.holdoutMetrics();
        Baseline baseline = card.baseline();
        if (card.task() == Task.REGRESSION) {
            double mae = metrics.getOrDefault("mae", Double.NaN);
            String text = opening + "its guess of “" + WizardWords.column(card.target()) + "” was off by about "
                    + WizardWords.amount(mae) + " on average";
            if (baseline == null) {
                return text + ".";
            }
            double base = baseline.metrics().getOrDefault("mae", Double.NaN);
            return text + " — guessing the average (" + WizardWords.amount(baseline.value())
                    + ") every time would be off by about " + WizardWords.amount(base) + "."
                    + (mae >= base ? " So the model does no better than that guess." : "");
        }
        double accuracy = metrics.getOrDefault("accuracy", Double.NaN);
        String text = opening + "it was right " + hundreds(accuracy) + " times out of 100";
        if (baseline == null) {
            return text + ".";
        }
        double base = baseline.metrics().getOrDefault("accuracy", Double.NaN);
        return text + " — always guessing “" + WizardWords.value(card.target(), baseline.answer())
                + "” would be right " + hundreds(base) + " times."
                + (accuracy <= base ? " So the model does no better than that guess." : "");
    }

    /** A share as a whole number of hundreds: 0.826 is 83. */
    static long hundreds(double share) {
        return Math.round(share * 100);
    }
}
