package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;

/**
 * What the wizard says about a spreadsheet in plain words, and which of its columns it offers: gaps
 * per column, columns that only identify a row, columns with few enough values to form groups.
 */
public final class SpreadsheetNotes {

    /** Groups are offered for columns with at most this many different values. */
    static final int MAX_GROUP_VALUES = 20;

    private SpreadsheetNotes() {
    }

    /** "312 rows have no income — we'll treat them as unknown", one line per column with gaps. */
    public static List<String> describeProblems(Frame frame) {
        List<String> notes = new ArrayList<>();
        for (Column column : frame.columns()) {
            int missing = column.missingCount();
            if (missing > 0) {
                notes.add(String.format(Locale.ROOT, "%,d rows have no %s — we'll treat them as unknown.", missing,
                        column.name().replace('_', ' ')));
            }
        }
        if (notes.isEmpty()) {
            notes.add("Every row is complete — nothing to fix.");
        }
        notes.add(0, String.format(Locale.ROOT, "%,d rows and %d columns.", frame.rowCount(), frame.columnNames().size()));
        return notes;
    }

    /** A text column whose values are (almost) all different, or named like an id or a date. */
    public static boolean looksLikeIdentifier(Column column, int rows) {
        String name = column.name().toLowerCase(Locale.ROOT);
        if (name.equals("id") || name.endsWith("_id") || name.endsWith(" id") || name.endsWith("_on")
                || name.endsWith("date")) {
            return true;
        }
        return column instanceof CategoricalColumn categorical && categorical.levels().size() > 0.5 * rows;
    }

    /** The text columns with at most {@link #MAX_GROUP_VALUES} values: the groups the wizard offers. */
    public static List<String> groupColumns(Frame frame) {
        return frame.columns().stream()
                .filter(c -> c instanceof CategoricalColumn cat && cat.levels().size() <= MAX_GROUP_VALUES)
                .map(Column::name).toList();
    }
}
