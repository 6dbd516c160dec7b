package org.twinbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;

/** Page 2, "What to predict": the column, the answer to catch, and what that means in words. */
public final class TargetPageModel {

    private final ReadOnlyObjectProperty<Frame> data;
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper targetDescription = new ReadOnlyStringWrapper("");
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObjectProperty<String> outcomeToWatch = new SimpleObjectProperty<>();

    TargetPageModel(ReadOnlyObjectProperty<Frame> data) {
        this.data = data;
        target.addListener((obs, old, chosen) -> describeTarget(chosen));
    }

    /** New data: the yes/no outcome column when the choice is clear ({@link org.twinbench.data.OutcomeColumn}); else the user picks. */
    void guessFrom(Frame frame) {
        target.set(null);
        // Only a yes/no outcome is guessed: the guided check covers no other.
        var chosen = org.twinbench.data.OutcomeColumn.infer(frame).chosen();
        target.set(chosen != null && chosen.task() == Task.BINARY ? chosen.column() : null);
    }

    private void describeTarget(String column) {
        Frame frame = data.get();
        if (column == null || frame == null) {
            targetDescription.set("");
            outcomes.clear();
            return;
        }
        List<String> values = new ArrayList<>(BinaryLabels.distinctValues(frame.column(column)));
        String name = WizardWords.column(column);
        if (values.size() > 2) {
            // No "one answer against the rest": the guided check covers yes-or-no questions only.
            outcomes.clear();
            outcomeToWatch.set(null);
            targetDescription.set("“" + name + "” has " + values.size()
                    + " different answers. This guided check covers yes-or-no questions only.");
            return;
        }
        outcomes.setAll(values);
        outcomeToWatch.set(BinaryLabels.positiveLabel(frame.column(column), null));
        targetDescription.set("A yes-or-no prediction: for each row, will “" + name + "” be “"
                + WizardWords.value(column, outcomeToWatch.get()) + "”? Pick the answer you want to catch below.");
    }

    String blocker() {
        if (target.get() == null) {
            return "Pick what you want to predict.";
        }
        int values = data.get() == null ? 0 : BinaryLabels.distinctValues(data.get().column(target.get())).size();
        if (values < 2) {
            return "“" + WizardWords.column(target.get()) + "” has only one answer, so there is nothing to predict.";
        }
        return values == 2 ? "" : "“" + WizardWords.column(target.get()) + "” has " + values + " different answers; "
                + "this guided check covers yes-or-no questions (two answers). Pick such a column, or check "
                + "this one in the main window: File → New scenario from this data, then the editor.";
    }

    public ObjectProperty<String> targetProperty() {
        return target;
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
