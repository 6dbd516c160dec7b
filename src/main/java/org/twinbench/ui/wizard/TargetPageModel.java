package org.twinbench.ui.wizard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.PlainWords;
import org.twinbench.data.Task;

/**
 * Page 2, "What to predict": the column (proposed by the shared {@link OutcomeColumn} inference, which
 * says why it chose it, or asks when the choice is not clear), what kind of prediction that is — yes or
 * no, one of several kinds, or an amount ({@link Task#of}) — the answer to catch of a yes/no question, and
 * what that means in words.
 */
public final class TargetPageModel {

    /** Candidates named when the inference cannot choose. */
    private static final int CANDIDATES_NAMED = 3;

    private final ReadOnlyObjectProperty<Frame> data;
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Task> task = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper targetDescription = new ReadOnlyStringWrapper("");
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObjectProperty<String> outcomeToWatch = new SimpleObjectProperty<>();
    private OutcomeColumn.Inference inference;

    TargetPageModel(ReadOnlyObjectProperty<Frame> data) {
        this.data = data;
        target.addListener((obs, old, chosen) -> describeTarget(chosen));
    }

    /**
     * New data: the outcome column when the shared inference finds the choice clear, of any task; else none,
     * and the page names the likeliest columns for the user to pick from.
     */
    void guessFrom(Frame frame) {
        inference = frame == null ? null : OutcomeColumn.infer(frame);
        target.set(null);
        target.set(inference == null || inference.chosen() == null ? null : inference.chosen().column());
        if (target.get() == null) {
            describeTarget(null);
        }
    }

    private void describeTarget(String column) {
        Frame frame = data.get();
        outcomes.clear();
        outcomeToWatch.set(null);
        if (column == null || frame == null || !frame.has(column)) {
            task.set(null);
            targetDescription.set(frame == null || inference == null || inference.candidates().isEmpty() ? ""
                    : "We could not tell for sure which column holds the outcome. The likeliest: "
                    + likeliest() + ". Pick one above.");
            return;
        }
        String name = PlainWords.column(column);
        Task kind = Task.of(frame.column(column)).orElse(null);
        task.set(kind);
        String why = why(column);
        if (kind == null) {
            int values = BinaryLabels.distinctValues(frame.column(column)).size();
            targetDescription.set(values < 2 ? "“" + name + "” has only one answer, so there is nothing to predict."
                    : "“" + name + "” has " + String.format(Locale.ROOT, "%,d", values) + " different answers: too "
                    + "many to predict as kinds, and they are not amounts. Pick another column.");
            return;
        }
        switch (kind) {
            case BINARY -> {
                outcomes.setAll(new ArrayList<>(BinaryLabels.distinctValues(frame.column(column))));
                outcomeToWatch.set(BinaryLabels.answerToCatch(frame.column(column)));
                targetDescription.set(why + "A yes-or-no prediction: for each row, will “" + name + "” be “"
                        + PlainWords.value(column, outcomeToWatch.get()) + "”? Pick the answer you want to catch below.");
            }
            case MULTICLASS -> {
                List<String> kinds = ClassLabels.of(frame.column(column));
                targetDescription.set(why + "A prediction of one of " + kinds.size() + " kinds: for each row, which “"
                        + name + "” will it be — " + kindList(column, kinds) + "?");
            }
            case REGRESSION -> {
                double[] amounts = ((NumericColumn) frame.column(column)).presentValues();
                targetDescription.set(why + "A prediction of an amount: for each row, how much will “" + name
                        + "” be? In your data it goes from " + PlainWords.amount(Arrays.stream(amounts).min()
                        .orElse(Double.NaN)) + " to " + PlainWords.amount(Arrays.stream(amounts).max()
                        .orElse(Double.NaN)) + ".");
            }
        }
    }

    /**
     * "We chose “cultivar” because it has 3 different values and it is the last column. " for the column the
     * inference chose (its reasons in words), else "".
     */
    private String why(String column) {
        if (inference == null || inference.chosen() == null || !inference.chosen().column().equals(column)) {
            return "";
        }
        List<String> reasons = new ArrayList<>();
        for (String reason : inference.chosen().reason().split(", ")) {
            reasons.add(reason.startsWith("name says") ? "its name says so" : reason.equals("two values")
                    ? "it has two values" : reason.endsWith(" values") ? "it has " + reason.replace(" values",
                    " different values") : reason.equals("last column") ? "it is the last column" : reason);
        }
        return "We chose “" + PlainWords.column(column) + "” because " + PlainWords.list(reasons) + ". ";
    }

    private String likeliest() {
        List<String> names = new ArrayList<>();
        for (OutcomeColumn.Candidate c : inference.candidates().subList(0,
                Math.min(CANDIDATES_NAMED, inference.candidates().size()))) {
            names.add("“" + PlainWords.column(c.column()) + "” (" + taskWords(c.task()) + ")");
        }
        return String.join(", ", names);
    }

    /** A task as the owner would say it: "yes or no", "one of several kinds", "an amount". */
    static String taskWords(Task task) {
        return switch (task) {
            case BINARY -> "yes or no";
            case MULTICLASS -> "one of several kinds";
            case REGRESSION -> "an amount";
        };
    }

    /** "class 0, class 1 or class 2"; with many kinds the first six and "…". */
    private static String kindList(String column, List<String> kinds) {
        List<String> said = kinds.stream().limit(6).map(k -> PlainWords.value(column, k)).toList();
        if (kinds.size() > said.size()) {
            return String.join(", ", said) + " …";
        }
        return String.join(", ", said.subList(0, said.size() - 1)) + " or " + said.get(said.size() - 1);
    }

    String blocker() {
        if (target.get() == null) {
            return "Pick what you want to predict.";
        }
        int values = data.get() == null ? 0 : BinaryLabels.distinctValues(data.get().column(target.get())).size();
        if (values < 2) {
            return "“" + PlainWords.column(target.get()) + "” has only one answer, so there is nothing to predict.";
        }
        return task.get() != null ? "" : "“" + PlainWords.column(target.get()) + "” has " + values
                + " different answers: too many kinds to predict. Pick another column.";
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    /** What kind of prediction the chosen column asks for; null before a usable column is chosen. */
    public ReadOnlyObjectProperty<Task> taskProperty() {
        return task.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetDescriptionProperty() {
        return targetDescription.getReadOnlyProperty();
    }

    public ObservableList<String> outcomes() {
        return outcomes;
    }

    public ObjectProperty<String> outcomeToWatchProperty() {
        return outcomeToWatch;
    }
}
