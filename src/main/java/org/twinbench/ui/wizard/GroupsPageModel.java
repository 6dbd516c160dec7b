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
import org.twinbench.data.PlainWords;
import org.twinbench.ui.data.SpreadsheetNotes;

/**
 * Page 5, "Groups to check": the text columns with few values, whose groups get a verdict of their
 * own — never the column being predicted — each with the size of its groups; and, once a model is built,
 * the groups it serves worst on the replayed rows ({@link TopGroups}), in words, whose columns (numbers
 * too, cut in ranges) are offered and ticked.
 */
public final class GroupsPageModel {

    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> groupChosen = new LinkedHashMap<>();
    private final ObservableList<String> found = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper foundNote = new javafx.beans.property.ReadOnlyStringWrapper("");
    private Frame frame;

    /**
     * New data, or another column to predict: the group columns other than {@code target} are
     * offered afresh, none of the old choices kept.
     */
    void offer(Frame data, String target) {
        this.frame = data;
        groupChosen.clear();
        found.clear();
        foundNote.set("");
        groupColumns.setAll(data == null ? List.of() : SpreadsheetNotes.groupColumns(data).stream()
                .filter(c -> !c.equals(target)).toList());
    }

    /**
     * The groups a built model serves worst: listed in words, their columns offered (numbers too) and ticked
     * in place of the first column; with none found, the note says so and the first column stays ticked.
     */
    void found(TopGroups.Found groups) {
        found.setAll(groups.lines());
        if (!groups.searched()) {
            foundNote.set("");
            return;
        }
        if (groups.lines().isEmpty()) {
            foundNote.set("We looked for groups of at least 30 rows where the model does clearly worse than on the "
                    + "rest, and found none.");
            return;
        }
        foundNote.set("Where the model does clearly worse than on the rest of your rows (rows it had not learnt from; "
                + "groups of at least 30 rows):");
        List<String> columns = new ArrayList<>(groupColumns);
        for (String column : groups.columns()) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        groupColumns.setAll(columns);
        for (String column : groupColumns) {
            groupChosenProperty(column).set(groups.columns().contains(column));
        }
    }

    /** The groups found worst, one sentence each, worst first. */
    public ObservableList<String> found() {
        return found;
    }

    /** What the list of groups found means, or that none were; "" before a model is built. */
    public javafx.beans.property.ReadOnlyStringProperty foundNoteProperty() {
        return foundNote.getReadOnlyProperty();
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
     * "north: 412 rows, south: 390, east: 198", then the empty cells (values shown as {@link PlainWords#value} says them).
     */
    public String groupSizes(String column) {
        if (frame == null || !frame.has(column)) {
            return "";
        }
        if (!(frame.column(column) instanceof CategoricalColumn values)) {
            return "numbers, checked in " + TopGroups.BINS + " ranges of about equal size";
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
            parts.add(String.format(Locale.ROOT, i == 0 ? "%s: %,d rows%s" : "%s: %,d%s",
                    PlainWords.value(column, values.levels().get(level)), counts[level],
                    counts[level] < org.twinbench.sim.Verdict.MIN_ROWS ? " (too few to tell)" : ""));
        }
        if (blank > 0) {
            parts.add(String.format(Locale.ROOT, "not filled in: %,d", blank));
        }
        return String.join(", ", parts);
    }
}
