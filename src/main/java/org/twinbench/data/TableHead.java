package org.twinbench.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The first rows of a table, read as {@link TableLoader} reads the whole of it (same format detection,
 * same kinds rule applied to the rows read), for checks that must stay fast on large files: a scenario
 * check learns the columns and their kinds without loading millions of rows. A column whose first rows
 * are all numbers but which holds text further down is numeric here and text once loaded whole; so a
 * check from the head is exact only when {@link #whole()} is true.
 *
 * @param sample the rows read, with their kinds ({@link Dataset#kind})
 * @param whole  whether the sample is the whole table
 */
public record TableHead(Dataset sample, boolean whole) {

    /** Reads at most the first {@code rows} rows of a CSV/TSV file; an {@code .xlsx} workbook is read whole. */
    public static TableHead read(Path file, int rows) {
        return read(file, rows, LoadOptions.detect());
    }

    /** As {@link #read(Path, int)}, with the format settings given (e.g. the encoding the user named). */
    public static TableHead read(Path file, int rows, LoadOptions options) {
        if (rows < 1) {
            throw new IllegalArgumentException("need at least one row, not " + rows);
        }
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            Dataset all = TableLoader.load(file, options);
            return new TableHead(all, true);
        }
        InputFiles.requireRegular(file);
        // One row more than asked tells whether the file goes on.
        int limit = rows == Integer.MAX_VALUE ? rows : rows + 1;
        DelimitedReader.Parsed parsed = DelimitedReader.read(file, options, TableLoader.memoryBudget(),
                limit);
        java.util.List<Column> columns = new java.util.ArrayList<>();
        for (ColumnBuilder builder : parsed.columns()) {
            columns.add(builder.build());
        }
        KindResolver resolver = new KindResolver(file.toString(), parsed.format().delimiter(), parsed.lines());
        Frame frame = resolver.resolve(columns, java.util.Map.of(), java.util.Map.of());
        boolean whole = frame.rowCount() < limit;
        if (!whole) {
            frame = frame.slice(0, rows);
        }
        DataProvenance provenance = new DataProvenance(file.toString(), parsed.sha256(), frame.rowCount(),
                frame.columnNames().size());
        return new TableHead(new Dataset(frame, provenance, resolver.kinds(), resolver.notes()), whole);
    }
}
