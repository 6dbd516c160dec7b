package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinbench.data.Dataset;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.Schema;

/**
 * The outcome question of "New scenario from this data": the columns offered as the outcome (two values, classes or amounts),
 * likeliest first by the shared outcome inference ({@link OutcomeColumn}, as {@code train}, the data
 * panel and the guided check use it), and, when the table did not make its outcome clear, why no column
 * was proposed and which could be it, best first, in words. Pure: no toolkit.
 */
final class OutcomeQuestion {

    /** Candidates named in the question. */
    static final int NAMED = 4;

    private final List<String> choices;
    private final String question;

    private OutcomeQuestion(List<String> choices, String question) {
        this.choices = List.copyOf(choices);
        this.question = question;
    }

    /**
     * The question for {@code data} with the roles of {@code schema} (its target, if any, is the proposal)
     * and the {@code inference} made when the table was read.
     */
    static OutcomeQuestion of(Dataset data, Schema schema, OutcomeColumn.Inference inference) {
        List<String> possible = ScenarioFromData.outcomes(data, schema);
        List<String> choices = new ArrayList<>();
        schema.target().ifPresent(choices::add);
        List<OutcomeColumn.Candidate> named = new ArrayList<>();
        for (OutcomeColumn.Candidate candidate : inference.candidates()) {
            if (possible.contains(candidate.column()) && !choices.contains(candidate.column())) {
                choices.add(candidate.column());
                named.add(candidate);
            }
        }
        possible.stream().filter(c -> !choices.contains(c)).forEach(choices::add);
        if (schema.target().isPresent()) {
            return new OutcomeQuestion(choices, "");
        }
        return new OutcomeQuestion(choices, ask(inference, named, possible));
    }

    /** The columns to choose from: the proposed target first, then the likeliest, then the rest in table order. */
    List<String> choices() {
        return choices;
    }

    /** Why no outcome was proposed and the likeliest columns, or empty when one was proposed. */
    Optional<String> question() {
        return question.isEmpty() ? Optional.empty() : Optional.of(question);
    }

    private static String ask(OutcomeColumn.Inference inference, List<OutcomeColumn.Candidate> named,
                              List<String> possible) {
        if (possible.isEmpty()) {
            return "No column can be the outcome: none has two values, a few classes or amounts among the features;"
                    + " make the column the model predicts the target in the Columns tab.";
        }
        StringBuilder text = new StringBuilder("No column was proposed as the outcome: ").append(why(inference))
                .append(".");
        if (!named.isEmpty()) {
            text.append(" The likeliest columns, best first: ");
            List<String> parts = new ArrayList<>();
            for (OutcomeColumn.Candidate c : named.subList(0, Math.min(NAMED, named.size()))) {
                parts.add("'" + c.column() + "' (" + c.reason() + ")");
            }
            text.append(String.join(", ", parts)).append(".");
        }
        return text.append(" Choose the column the model predicts.").toString();
    }

    /** Why the inference chose nothing: nothing stood out, or two columns were about as likely. */
    private static String why(OutcomeColumn.Inference inference) {
        List<OutcomeColumn.Candidate> all = inference.candidates();
        if (all.isEmpty()) {
            return "no column looks like one (an outcome's name, few values)";
        }
        OutcomeColumn.Candidate best = all.get(0);
        if (all.size() > 1 && best.score() - all.get(1).score() < OutcomeColumn.CLEAR_MARGIN) {
            return "'" + best.column() + "' and '" + all.get(1).column() + "' are about as likely, and no name "
                    + "settles it";
        }
        return "no column's name says it is one (such as churn, default, label or target), and '" + best.column()
                + "' alone does not stand out enough";
    }
}
