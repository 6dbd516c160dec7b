package org.twinbench.sim;

import java.util.List;

/**
 * What the verdict says first of a run whose model was given a column that gives the outcome away
 * ({@link RunFindings#leaks}, the data-quality check {@code leakage} on the data file's rows): every figure of the run
 * is measured with that column, so they are optimistic — the light is at least AMBER and the column is named (AER's
 * CreditCard: {@code expenditure} is 0 for every applicant refused a card, known only once a card is granted).
 */
public final class LeakedFigures {

    private LeakedFigures() {
    }

    /**
     * "Optimistic figures: Feature 'expenditure' alone predicts 'card' almost perfectly (…); it is probably recorded
     * after the outcome. The model was given 'expenditure', so the run's accuracy 0.98 is that of a model that knows
     * the outcome, …"; {@code figures} (e.g. "accuracy 0.98") is what is optimistic, empty for "figures". Null
     * without leaks.
     */
    public static String sentence(RunFindings found, String figures) {
        if (found.leaks().isEmpty()) {
            return null;
        }
        RunFindings.Leak first = found.leaks().get(0);
        List<String> columns = found.leaks().stream().map(l -> "'" + l.column() + "'").toList();
        // Columns whose reason is the first one's (two that give an amount between them) are named by it already.
        List<String> others = found.leaks().stream().filter(l -> !l.reason().equals(first.reason()))
                .map(l -> "'" + l.column() + "'").toList();
        String more = others.isEmpty() ? "" : " (so do " + String.join(", ", others) + ")";
        String reason = Character.toUpperCase(first.reason().charAt(0)) + first.reason().substring(1);
        return "Optimistic figures: " + reason + more + ". The model was given " + String.join(", ", columns)
                + ", so " + (figures.isEmpty() ? "the run's figures are those" : "the run's " + figures + " is that")
                + " of a model that knows the outcome, not what it can do before the outcome is known: leave "
                + (columns.size() > 1 ? "these columns" : "the column") + " out of the features.";
    }
}
