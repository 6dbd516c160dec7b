package org.twinbench.sim;

import java.util.List;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Column;

/**
 * Which of a multiclass outcome's classes some rows hold: the one rule and wording behind refusing to train a
 * scenario's model on a reference that lacks a class ({@link ScenarioModel}) and refusing to refit a multiclass
 * model on a window of too few classes (the retraining policy then keeps its model). A model trained on rows
 * without a class could never answer it; one trained on two classes is a binary model, not a multiclass one.
 *
 * @param every the outcome's classes (the file's, or the model's), in class order
 * @param missing those the rows never hold, in class order
 */
record ClassCoverage(List<String> every, List<String> missing) {

    /** The fewest classes a multiclass model is trained on. */
    static final int MULTICLASS_MINIMUM = 3;

    ClassCoverage {
        every = List.copyOf(every);
        missing = List.copyOf(missing);
    }

    /** Which of {@code every} the rows' outcome column {@code rows} holds. */
    static ClassCoverage of(List<String> every, Column rows) {
        List<String> seen = ClassLabels.of(rows);
        return new ClassCoverage(every, every.stream().filter(c -> !seen.contains(c)).toList());
    }

    /** The classes the rows hold. */
    int held() {
        return every.size() - missing.size();
    }

    /** Whether the rows hold every class. */
    boolean complete() {
        return missing.isEmpty();
    }

    /** Whether the rows hold enough classes to train a multiclass model on. */
    boolean enoughForMulticlass() {
        return held() >= MULTICLASS_MINIMUM;
    }

    /**
     * E.g. "the reference rows hold 2 of the 3 classes of 'species' (never 'Chinstrap')", {@code rows} being
     * "the reference rows".
     */
    String sentence(String rows, String target) {
        String never = missing.isEmpty() ? "" : " (never " + String.join(", ", missing.stream()
                .map(c -> "'" + c + "'").toList()) + ")";
        return rows + " hold " + held() + " of the " + every.size() + " classes of '" + target + "'" + never;
    }
}
