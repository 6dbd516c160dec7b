package org.twinbench.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a multiclass label column as text ({@link BinaryLabels#text}), in a fixed order: by
 * number when every class is a number (2 before 10), else alphabetically — the order of model
 * probabilities, confusion matrices and per-class figures.
 */
public final class ClassLabels {

    private ClassLabels() {
    }

    /** {@code values} without repeats, in class order. */
    public static List<String> sorted(Collection<String> values) {
        List<String> out = new ArrayList<>(new java.util.TreeSet<>(values));
        if (out.stream().allMatch(v -> CellValues.parseNumber(v) != null)) {
            out.sort(Comparator.comparingDouble(v -> CellValues.parseNumber(v)));
        }
        return out;
    }

    /** The classes present in a column, in class order. */
    public static List<String> of(Column column) {
        return sorted(BinaryLabels.distinctValues(column));
    }

    /** Each row's class as a code into {@code classes}: −1 where missing, −2 where the value is not a class. */
    public static int[] encode(Column column, List<String> classes) {
        Map<String, Integer> code = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            code.put(classes.get(c), c);
        }
        int[] out = new int[column.size()];
        for (int i = 0; i < out.length; i++) {
            String text = BinaryLabels.text(column, i);
            out[i] = text == null ? -1 : code.getOrDefault(text, -2);
        }
        return out;
    }
}
