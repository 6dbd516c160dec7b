package org.twinbench.ui.wizard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.Frame;
import org.twinbench.ui.data.SpreadsheetNotes;

/** Page 5, "Groups to check": the text columns with few values, whose groups get a verdict of their own. */
public final class GroupsPageModel {

    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> groupChosen = new LinkedHashMap<>();

    /** New data: its group columns are offered, none of the old choices kept. */
    void offer(Frame frame) {
        groupChosen.clear();
        groupColumns.setAll(SpreadsheetNotes.groupColumns(frame));
    }

    /** Whether a group column is checked; the first one offered starts ticked. */
    public BooleanProperty groupChosenProperty(String column) {
        return groupChosen.computeIfAbsent(column, key -> new SimpleBooleanProperty(
                !groupColumns.isEmpty() && groupColumns.get(0).equals(key)));
    }

    public List<String> chosenGroups() {
        return groupColumns.stream().filter(c -> groupChosenProperty(c).get()).toList();
    }

    public ObservableList<String> groupColumns() {
        return groupColumns;
    }
}
