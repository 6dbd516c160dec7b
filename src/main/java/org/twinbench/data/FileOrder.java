package org.twinbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a table's rows come sorted by one of its columns (all of one value first, values only
 * rising or only falling down the file, or — for text — each value in one block of rows, in any order). A reference cut from the first rows of such a file holds other
 * values than the rows after it by construction, and a replay in file order then "drifts" because of the
 * file's order, not because anything changed.
 *
 * <p>A column counts when it has at least {@value #MIN_ROWS} values and at least two distinct ones, and
 * its present values never fall (or never rise) from one row to the next, in file order; a text column also counts
 * when its values come in blocks (a value once left never comes back). Id-like columns
 * (nearly every value distinct and whole, as row numbers are) and dates are left out: a file in the order
 * of its ids or dates is in the order things happened, which is what a replay in file order assumes.
 */
public final class FileOrder {

    /** The fewest values a column needs before its order says anything. */
    public static final int MIN_ROWS = 20;

    private FileOrder() {
    }

    /**
     * A column the rows are sorted by.
     *
     * @param column its name
     * @param rising true when its values only rise (or stay) down the file, false when they only fall
     * @param first its value in the first row that has one
     * @param last its value in the last row that has one
     */
    public record Sorted(String column, boolean rising, String first, String last, List<String> blocks) {

        /** Sorted: its values only rise or only fall. */
        public Sorted(String column, boolean rising, String first, String last) {
            this(column, rising, first, last, List.of());
        }

        /** The blocks' values in file order, the middle ones left out (an ellipsis) past four. */
        public List<String> blocksNamed() {
            return blocks.size() <= 4 ? blocks : List.of(blocks.get(0), blocks.get(1), "… " + blocks.get(blocks.size() - 1));
        }

        /** True when the values come in blocks rather than in order. */
        public boolean grouped() {
            return !blocks.isEmpty();
        }

        /** "income (1 to 24, rising)"; grouped: "species (in blocks: Adelie, then Gentoo, then Chinstrap)". */
        public String describe() {
            if (!blocks.isEmpty()) {
                return column + " (in blocks: " + String.join(", then ", blocksNamed()) + ")";
            }
            return column + " (" + first + " to " + last + ", " + (rising ? "rising" : "falling") + ")";
        }
    }

    /** The first column, in column order, that the rows are sorted by; empty when there is none. */
    public static Optional<Sorted> sortedBy(Frame frame, Dataset dataset) {
        return sortedColumns(frame, dataset).stream().findFirst();
    }

    /** Every column the rows are sorted by, in column order. */
    public static List<Sorted> sortedColumns(Frame frame, Dataset dataset) {
        List<Sorted> sorted = new ArrayList<>();
        for (Column column : frame.columns()) {
            ValueKind kind = dataset == null ? ValueKind.of(column) : dataset.kind(column.name());
            if (kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP) {
                continue;
            }
            Sorted found = column instanceof NumericColumn numeric ? numeric(numeric)
                    : text((CategoricalColumn) column);
            if (found != null) {
                sorted.add(found);
            }
        }
        return sorted;
    }

    private static Sorted numeric(NumericColumn column) {
        int present = 0;
        int rises = 0;
        int falls = 0;
        double previous = Double.NaN;
        double first = Double.NaN;
        boolean whole = true;
        for (int i = 0; i < column.size(); i++) {
            double v = column.get(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (present == 0) {
                first = v;
            } else if (v > previous) {
                rises++;
            } else if (v < previous) {
                falls++;
            }
            if (rises > 0 && falls > 0) {
                return null;
            }
            whole &= v == Math.rint(v);
            previous = v;
            present++;
        }
        // In a column that only rises (or only falls), every change is a new value.
        int distinct = rises + falls + 1;
        if (present < MIN_ROWS || distinct < 2 || (whole && distinct >= 0.95 * present)) {
            return null;
        }
        return new Sorted(column.name(), rises > 0, number(first), number(previous));
    }

    /**
     * A text column sorted (rising or falling) or grouped: each value in one block of rows, the blocks in any order
     * (R's palmer penguins: every Adelie, then every Gentoo, then every Chinstrap).
     */
    private static Sorted text(CategoricalColumn column) {
        int present = 0;
        int rises = 0;
        int falls = 0;
        String previous = null;
        String first = null;
        java.util.Set<String> blocks = new java.util.LinkedHashSet<>();
        for (int i = 0; i < column.size(); i++) {
            String v = column.get(i);
            if (v == null) {
                continue;
            }
            if (previous == null) {
                first = v;
                blocks.add(v);
            } else if (!v.equals(previous)) {
                int order = v.compareTo(previous);
                rises += order > 0 ? 1 : 0;
                falls += order < 0 ? 1 : 0;
                if (!blocks.add(v)) {
                    // A value seen before comes back: the rows are neither sorted nor grouped by this column.
                    return null;
                }
            }
            previous = v;
            present++;
        }
        int distinct = blocks.size();
        if (present < MIN_ROWS || distinct < 2 || distinct >= 0.95 * present) {
            return null;
        }
        if (rises > 0 && falls > 0) {
            return new Sorted(column.name(), true, first, previous, List.copyOf(blocks));
        }
        return new Sorted(column.name(), rises > 0, first, previous);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
