package org.twinbench.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable table of equally long columns: the batch format of the whole engine. Replacing a
 * column yields a new frame that shares the other columns' arrays.
 */
public final class Frame {

    private final Map<String, Column> columns;
    private final int rowCount;

    public Frame(List<? extends Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        int rows = -1;
        for (Column column : columns) {
            if (rows >= 0 && column.size() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " rows, expected " + rows);
            }
            rows = column.size();
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("duplicate column '" + column.name() + "'");
            }
        }
        this.columns = Collections.unmodifiableMap(byName);
        this.rowCount = Math.max(rows, 0);
    }

    public int rowCount() {
        return rowCount;
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    public Optional<Column> find(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    public Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no column '" + name + "'; columns are " + columns.keySet());
        }
        return column;
    }

    public NumericColumn numeric(String name) {
        if (column(name) instanceof NumericColumn numeric) {
            return numeric;
        }
        throw new IllegalArgumentException("column '" + name + "' is not numeric");
    }

    public CategoricalColumn categorical(String name) {
        if (column(name) instanceof CategoricalColumn categorical) {
            return categorical;
        }
        throw new IllegalArgumentException("column '" + name + "' is not categorical");
    }

    /** The rows at the given indices, in that order. */
    public Frame select(int[] rows) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column column : columns.values()) {
            out.add(column.select(rows));
        }
        return new Frame(out);
    }

    /** A frame with {@code column} replacing the column of the same name (or appended). */
    public Frame with(Column column) {
        List<Column> out = new ArrayList<>(columns.values());
        boolean replaced = false;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(column.name())) {
                out.set(i, column);
                replaced = true;
            }
        }
        if (!replaced) {
            out.add(column);
        }
        return new Frame(out);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Frame slice(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return select(rows);
    }
}
