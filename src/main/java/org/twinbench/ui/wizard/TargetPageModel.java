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

    /** New data: the outcome column when the choice is clear ({@link org.twinbench.data.OutcomeColumn}); else the user picks. */
    void guessFrom(Frame frame) {
        target.set(null);
        target.set(org.twinbench.data.OutcomeColumn.infer(frame).column().orElse(null));
    }

    private void describeTarget(String column) {
        Frame frame = data.get();
        if (column == null || frame == null) {
            targetDescription.set("");
            outcomes.clear();
            return;
        }
        List<String> values = new ArrayList<>(BinaryLabels.distinctValues(frame.column(column)));
        outcomes.setAll(values);
        outcomeToWatch.set(BinaryLabels.positiveLabel(frame.column(column), null));
        String name = column.replace('_', ' ');
        if (values.size() == 2) {
            targetDescription.set("A yes-or-no prediction: for each row, will “" + name + "” be “" + outcomeToWatch.get()
                    + "”? Pick the answer you want to catch below.");
        } else {
            targetDescription.set("“" + name + "” has " + values.size() + " different values. We will predict whether it is"
                    + " the one you pick below, or not.");
        }
    }

    String blocker() {
        return target.get() == null ? "Pick what you want to predict." : outcomes.size() < 2
                ? "“" + target.get() + "” has only one value, so there is nothing to predict." : "";
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
