package org.twinbench.data;

import java.util.Arrays;

/**
 * Which file line each data row started on, kept sparsely: only the rows where the usual
 * "row r is on line r + first" stops holding (after a blank line or a field spanning lines).
 */
final class RowLines {

    private int[] rows = new int[8];
    private long[] lines = new long[8];
    private int count;

    static RowLines spreadsheet() {
        RowLines lines = new RowLines();
        lines.record(0, 2);
        return lines;
    }

    /** Notes that data row {@code row} (0-based) started on {@code line}. */
    void record(int row, long line) {
        if (count > 0 && line - row == lines[count - 1] - rows[count - 1]) {
            return;
        }
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, count * 2);
            lines = Arrays.copyOf(lines, count * 2);
        }
        rows[count] = row;
        lines[count] = line;
        count++;
    }

    long lineOf(int row) {
        int i = Arrays.binarySearch(rows, 0, count, row);
        int at = i >= 0 ? i : -i - 2;
        return at < 0 ? row + 1 : lines[at] + (row - rows[at]);
    }
}
