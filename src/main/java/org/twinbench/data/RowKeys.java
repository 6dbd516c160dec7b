package org.twinbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups rows that are equal on a set of columns: a 64-bit hash per row, confirmed cell by cell, so
 * a hash collision never merges different rows.
 */
final class RowKeys {

    private final List<Column> columns;

    RowKeys(List<Column> columns) {
        this.columns = columns;
    }

    /** For every row, the first earlier row equal to it on the columns, or -1. */
    int[] firstEqualRow(int rowCount) {
        Map<Long, List<Integer>> byHash = new HashMap<>();
        int[] first = new int[rowCount];
        for (int row = 0; row < rowCount; row++) {
            long hash = hash(row);
            List<Integer> candidates = byHash.computeIfAbsent(hash, h -> new ArrayList<>(1));
            first[row] = -1;
            for (int candidate : candidates) {
                if (equal(candidate, row)) {
                    first[row] = candidate;
                    break;
                }
            }
            if (first[row] < 0) {
                candidates.add(row);
            }
        }
        return first;
    }

    private long hash(int row) {
        long h = 1125899906842597L;
        for (Column column : columns) {
            long cell = column instanceof NumericColumn numeric ? Double.doubleToLongBits(numeric.get(row))
                    : ((CategoricalColumn) column).codes()[row];
            h = 31 * h + cell;
            h ^= h >>> 29;
        }
        return h;
    }

    private boolean equal(int a, int b) {
        for (Column column : columns) {
            if (column instanceof NumericColumn numeric) {
                if (Double.doubleToLongBits(numeric.get(a)) != Double.doubleToLongBits(numeric.get(b))) {
                    return false;
                }
            } else if (((CategoricalColumn) column).codes()[a] != ((CategoricalColumn) column).codes()[b]) {
                return false;
            }
        }
        return true;
    }
}
