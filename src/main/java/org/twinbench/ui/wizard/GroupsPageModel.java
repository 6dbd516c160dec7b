package org.twinbench.ui.wizard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.ui.data.SpreadsheetNotes;

/**
 * Page 5, "Groups to check": the text columns with few values, whose groups get a verdict of their
 * own — never the column being predicted — each with the size of its groups.
 */
public final class GroupsPageModel {

    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> groupChosen = new LinkedHashMap<>();
    private Frame frame;

    /**
     * New data, or another column to predict: the group columns other than {@code target} are
     * offered afresh, none of the old choices kept.
     */
    void offer(Frame data, String target) {
        this.frame = data;
        groupChosen.clear();
        groupColumns.setAll(data == null ? List.of() : SpreadsheetNotes.groupColumns(data).stream()
                .filter(c -> !c.equals(target)).toList());
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

    /**
     * The groups of {@code column} with their rows, largest first, in words:
     * "north: 412 rows, south: 390, east: 198", then the empty cells (values shown as {@link WizardWords#value} says them).
     */
    public String groupSizes(String column) {
        if (frame == null || !frame.has(column) || !(frame.column(column) instanceof CategoricalColumn values)) {
            return "";
        }
        int[] counts = new int[values.levels().size()];
        int blank = 0;
        for (int code : values.codes()) {
            if (code >= 0) {
                counts[code]++;
            } else {
                blank++;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Integer.compare(counts[b], counts[a]));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int level = order.get(i);
            parts.add(String.format(Locale.ROOT, i == 0 ? "%s: %,d rows" : "%s: %,d",
                    WizardWords.value(column, values.levels().get(level)), counts[level]));
        }
        if (blank > 0) {
            parts.add(String.format(Locale.ROOT, "not filled in: %,d", blank));
        }
        return String.join(", ", parts);
    }
}
