package org.twinbench.data;

/**
 * What the values of a column are, as recognised on load (or set by the user). Numbers become a
 * {@link NumericColumn}; text, dates and timestamps stay a {@link CategoricalColumn} of their text
 * unless the user overrides the kind: then dates become epoch days and timestamps epoch seconds (UTC).
 */
public enum ValueKind {
    NUMBER, TEXT, DATE, TIMESTAMP;

    /** The kind of a loaded column when nothing more is known: numbers or text. */
    public static ValueKind of(Column column) {
        return column instanceof NumericColumn ? NUMBER : TEXT;
    }
}
