package org.twinbench.data;

import java.util.List;

/**
 * One data-quality finding.
 *
 * @param check    a stable short name of the check ({@code missing}, {@code duplicates}, ...)
 * @param columns  the columns involved
 * @param rows     the first rows involved (0-based, at most {@value #MAX_ROWS_LISTED})
 * @param rowCount how many rows are involved in all (0 when the finding is about columns only)
 */
public record QualityFinding(Severity severity, String check, String message, List<String> columns, int[] rows,
                             int rowCount) {

    public static final int MAX_ROWS_LISTED = 20;

    /** How much a finding matters. */
    public enum Severity {
        INFO, WARNING, ERROR
    }

    public QualityFinding {
        columns = List.copyOf(columns);
        rows = rows.clone();
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }
}
