package org.twinbench.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the columns as read into typed columns: text columns whose every value is a number in one
 * separator style become numeric; dates and timestamps are recognised (and, when the user asks,
 * turned into epoch days or seconds, read as {@link DateTimes} reads dates everywhere); the user's type
 * overrides win, and one that does not fit names the first value and line that contradict it.
 */
final class KindResolver {

    private final String file;
    private final char delimiter;
    private final RowLines lines;
    private final Map<String, ValueKind> kinds = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    KindResolver(String file, char delimiter, RowLines lines) {
        this.file = file;
        this.delimiter = delimiter;
        this.lines = lines;
    }

    Map<String, ValueKind> kinds() {
        return kinds;
    }

    List<String> notes() {
        return notes;
    }

    Frame resolve(List<Column> columns, Map<String, ValueKind> overrides, Map<String, String> timeFormats) {
        for (String name : overrides.keySet()) {
            if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                throw new DataException(file + ": no column '" + name + "' to read as " + overrides.get(name)
                        + "; columns are " + columns.stream().map(Column::name).toList());
            }
        }
        for (String name : timeFormats.keySet()) {
            if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                throw new DataException(file + ": no column '" + name + "' to read in the time format "
                        + timeFormats.get(name) + "; columns are " + columns.stream().map(Column::name).toList());
            }
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column column : columns) {
            out.add(resolve(column, overrides.get(column.name()), timeFormats.get(column.name())));
        }
        return new Frame(out);
    }

    private Column resolve(Column column, ValueKind wanted, String timeFormat) {
        String name = column.name();
        if (column instanceof NumericColumn numeric) {
            if (wanted == ValueKind.DATE || wanted == ValueKind.TIMESTAMP) {
                throw new DataException(file + ": column '" + name + "' holds numbers, not "
                        + (wanted == ValueKind.DATE ? "dates" : "timestamps"));
            }
            kinds.put(name, ValueKind.NUMBER);
            return numeric;
        }
        CategoricalColumn text = (CategoricalColumn) column;
        List<String> levels = usedLevels(text);
        if (wanted == ValueKind.TEXT) {
            kinds.put(name, ValueKind.TEXT);
            return text;
        }
        CellValues.NumberStyle style = levels.isEmpty() ? null : CellValues.numberStyle(levels, delimiter);
        if (wanted == ValueKind.NUMBER || (wanted == null && style != null)) {
            if (style == null) {
                style = CellValues.NumberStyle.PLAIN;
                refuse(text, v -> CellValues.parseNumber(v) != null, "a number");
            }
            CellValues.NumberStyle chosen = style;
            kinds.put(name, ValueKind.NUMBER);
            if (chosen != CellValues.NumberStyle.PLAIN) {
                notes.add("column '" + name + "' read as numbers written with "
                        + (chosen == CellValues.NumberStyle.DECIMAL_COMMA ? "decimal commas" : "thousands separators"));
            }
            return mapped(text, v -> CellValues.parse(v, chosen));
        }
        ValueKind dated = levels.isEmpty() ? null : DateTimes.kind(levels);
        if (wanted == ValueKind.DATE || wanted == ValueKind.TIMESTAMP) {
            kinds.put(name, wanted);
            return dates(text, levels, wanted, timeFormat);
        }
        kinds.put(name, dated == null ? ValueKind.TEXT : dated);
        if (dated != null && timeFormat == null && DateTimes.ambiguous(levels)) {
            try {
                DateTimes.recognise(name, levels, null);
            } catch (DateTimes.AmbiguousOrUnreadable e) {
                notes.add(e.getMessage() + " before reading them as dates");
            }
        }
        return text;
    }

    /**
     * The column read as epoch days ({@code DATE}) or epoch seconds ({@code TIMESTAMP}, UTC unless a value
     * names an offset), the way {@link DateTimes} reads dates everywhere: a column whose values fit both
     * month-first and day-first is refused until its time format says which.
     */
    private NumericColumn dates(CategoricalColumn text, List<String> levels, ValueKind wanted, String timeFormat) {
        String name = text.name();
        String what = wanted == ValueKind.DATE ? "a date" : "a timestamp";
        DateTimes.Format format;
        try {
            format = DateTimes.recognise(name, levels, timeFormat);
        } catch (DateTimes.AmbiguousOrUnreadable e) {
            if (timeFormat == null && DateTimes.candidates(levels).isEmpty()) {
                refuse(text, v -> !DateTimes.candidates(List.of(v)).isEmpty(), what);
                throw new DataException(file + ": column '" + name + "' mixes date formats; it cannot be read as "
                        + (wanted == ValueKind.DATE ? "dates" : "timestamps"));
            }
            if (timeFormat != null) {
                try {
                    DateTimes.recognise(name, List.of(), timeFormat);
                } catch (DateTimes.AmbiguousOrUnreadable badPattern) {
                    throw new DataException(file + ": column '" + name + "': " + badPattern.getMessage());
                }
                refuse(text, v -> fits(name, v, timeFormat), what + " written " + timeFormat);
            }
            throw new DataException(file + ": " + e.getMessage());
        }
        if (wanted == ValueKind.DATE) {
            refuse(text, v -> !DateTimes.hasTime(v), "a date (it has a time; read the column as timestamps)");
            return mapped(text, v -> Math.floor(format.seconds(v) / 86_400));
        }
        return mapped(text, format::seconds);
    }

    private static boolean fits(String name, String value, String timeFormat) {
        try {
            DateTimes.recognise(name, List.of(value), timeFormat);
            return true;
        } catch (DateTimes.AmbiguousOrUnreadable e) {
            return false;
        }
    }

    private interface Reading {
        double read(String value);
    }

    private interface Check {
        boolean ok(String value);
    }

    private static NumericColumn mapped(CategoricalColumn text, Reading reading) {
        double[] byLevel = new double[text.levels().size()];
        for (int i = 0; i < byLevel.length; i++) {
            byLevel[i] = reading.read(text.levels().get(i));
        }
        int[] codes = text.codes();
        double[] values = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = codes[i] < 0 ? Double.NaN : byLevel[codes[i]];
        }
        return new NumericColumn(text.name(), values);
    }

    /** Throws naming the first row whose value fails {@code check}. */
    private void refuse(CategoricalColumn text, Check check, String what) {
        boolean[] bad = new boolean[text.levels().size()];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = !check.ok(text.levels().get(i));
        }
        int[] codes = text.codes();
        for (int row = 0; row < codes.length; row++) {
            if (codes[row] >= 0 && bad[codes[row]]) {
                throw new DataException(file + ": line " + lines.lineOf(row) + ": column '" + text.name() + "' holds '"
                        + text.get(row) + "', which is not " + what);
            }
        }
    }

    private static List<String> usedLevels(CategoricalColumn column) {
        boolean[] used = new boolean[column.levels().size()];
        for (int code : column.codes()) {
            if (code >= 0) {
                used[code] = true;
            }
        }
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                levels.add(column.levels().get(i));
            }
        }
        return levels;
    }
}
