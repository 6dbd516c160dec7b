package org.twinbench.data;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Loads CSV/TSV and Excel {@code .xlsx} files into a {@link Frame}.
 *
 * <p>Delimited text is streamed by TwinBench's own parser straight into primitive columns (a
 * Tablesaw table of text cells would need several times the memory); the delimiter, quote, header
 * and encoding are detected ({@link TextSniffer}). A column is numeric when all of its non-missing
 * cells are numbers (the rule of {@code docs/cli.md}), including numbers written with thousands
 * separators or decimal commas; otherwise it is categorical, and dates and timestamps are recognised.
 * Missing cells are the empty cell, {@code NA}, {@code NaN}, {@code null} and {@code n/a} (any case).
 * Every problem is a {@link DataException} naming the file and, where it applies, the line and column.
 */
public final class TableLoader {

    /** The tokens, compared case-insensitively after trimming, that mean "no value". */
    /** The name R's row names (a first header cell left empty) are read under: an identifier, never a feature. */
    public static final String ROW_NAMES = DelimitedReader.ROW_NAMES;
    public static final Set<String> MISSING_TOKENS = Set.of("", "na", "nan", "null", "n/a");

    private TableLoader() {
    }

    public static Dataset load(Path file) {
        return load(file, LoadOptions.detect());
    }

    /** Loads with the given format settings, type overrides, progress listener and cancellation token. */
    public static Dataset load(Path file, LoadOptions options) {
        return load(file, options, memoryBudget());
    }

    /**
     * The heap a table may take while loading: half of the maximum heap, so that the statistics,
     * models and simulation working on it have the other half.
     */
    public static long memoryBudget() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /**
     * Loads a delimited file or workbook, refusing it with a {@link DataException} that says how many rows fit
     * once its cells would need more than {@code memoryBudgetBytes} (instead of an OutOfMemoryError).
     */
    public static Dataset load(Path file, LoadOptions options, long memoryBudgetBytes) {
        // Only a regular file: a named pipe or device would block the reader for ever (or never end).
        InputFiles.requireRegular(file);
        Instant loadedAt = Instant.now();
        long start = System.nanoTime();
        boolean excel = file.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        List<Column> columns = new ArrayList<>();
        KindResolver resolver;
        String sha;
        TextFormat format = null;
        if (excel) {
            sha = DataProvenance.sha256(file);
            ExcelReader.refuseNonWorkbook(file);
            ExcelSize.check(file, memoryBudgetBytes);
            columns.addAll(ExcelReader.read(file, options));
            resolver = new KindResolver(file.toString(), ',', RowLines.spreadsheet());
        } else {
            DelimitedReader.Parsed parsed = DelimitedReader.read(file, options, memoryBudgetBytes);
            for (ColumnBuilder builder : parsed.columns()) {
                columns.add(builder.build());
            }
            resolver = new KindResolver(file.toString(), parsed.format().delimiter(), parsed.lines());
            sha = parsed.sha256();
            format = parsed.format();
        }
        Frame frame = resolver.resolve(columns, options.typeOverrides(), options.timeFormats());
        if (format != null) {
            resolver.notes().add(0, "read as " + format.charset().displayName() + ", delimiter "
                    + describe(format.delimiter()) + ", quote " + describe(format.quote()) + ", "
                    + (format.header() ? "first line is the header" : "no header line (columns named column_1, ...)"));
        }
        Map<String, ValueKind> kinds = resolver.kinds();
        DataProvenance provenance = new DataProvenance(file.toString(), sha, frame.rowCount(),
                frame.columnNames().size(), DataProvenance.schemaHash(kinds), loadedAt.toString(),
                (System.nanoTime() - start) / 1_000_000);
        return new Dataset(frame, provenance, kinds, resolver.notes());
    }

    private static String describe(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "'" + c + "'";
        };
    }

    /** Converts an all-text table into typed columns. */
    public static Frame toFrame(Table table) {
        List<Column> columns = new ArrayList<>();
        for (tech.tablesaw.columns.Column<?> source : table.columns()) {
            int n = source.size();
            String[] cells = new String[n];
            for (int i = 0; i < n; i++) {
                cells[i] = CellValues.normalise(source.getString(i));
            }
            columns.add(typed(source.name().strip(), cells));
        }
        return new Frame(columns);
    }

    /** A column of cells (null = missing): numeric when every present cell parses as a number. */
    public static Column typed(String name, String[] cells) {
        double[] numbers = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell == null) {
                numbers[i] = Double.NaN;
                continue;
            }
            Double parsed = parseNumber(cell);
            if (parsed == null) {
                return CategoricalColumn.of(name, cells);
            }
            numbers[i] = parsed;
        }
        return new NumericColumn(name, numbers);
    }

    /** A finite number, or null when the text is not one (see {@link CellValues#parseNumber}). */
    static Double parseNumber(String text) {
        return CellValues.parseNumber(text);
    }
}
