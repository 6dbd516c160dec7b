package org.twinbench.data;

/**
 * One column of a {@link Frame}: primitive arrays, never an object per row.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {

    String name();

    int size();

    boolean isMissing(int row);

    /** Rows {@code rows[0]}, {@code rows[1]}, ... of this column, in that order (rows may repeat). */
    Column select(int[] rows);

    /** The same values under another name. */
    Column renamed(String newName);

    default int missingCount() {
        int count = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                count++;
            }
        }
        return count;
    }
}
