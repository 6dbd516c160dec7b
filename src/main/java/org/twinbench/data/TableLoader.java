package org.twinbench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.xlsx.XlsxReadOptions;
import tech.tablesaw.io.xlsx.XlsxReader;

/**
 * Loads CSV/TSV (delimiter sniffed) and Excel {@code .xlsx} files into a {@link Frame}.
 *
 * <p>Every cell is first read as text; a column is numeric when all of its non-missing cells parse
 * as numbers, otherwise categorical (the rule of {@code CLI.md}). Missing cells are the empty cell,
 * {@code NA}, {@code NaN} and {@code null} (any case).
 */
public final class TableLoader {

    /** The tokens, compared case-insensitively after trimming, that mean "no value". */
    public static final Set<String> MISSING_TOKENS = Set.of("", "na", "nan", "null", "n/a");

    private TableLoader() {
    }

    public static Dataset load(Path file) {
        if (!Files.exists(file)) {
            throw new DataException(file + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + ": is a directory, not a data file");
        }
        Table table = file.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? readXlsx(file) : readDelimited(file);
        Frame frame = toFrame(table);
        return new Dataset(frame, new DataProvenance(file.toString(), DataProvenance.sha256(file),
                frame.rowCount(), frame.columnNames().size()));
    }

    private static Table readDelimited(Path file) {
        char delimiter = sniffDelimiter(file);
        try (Reader reader = openText(file)) {
            CsvReadOptions options = CsvReadOptions.builder(reader)
                    .tableName(file.getFileName().toString())
                    .separator(delimiter)
                    .header(true)
                    .columnTypes(name -> ColumnType.STRING)
                    .missingValueIndicator("")
                    .maxCharsPerColumn(1 << 16)
                    .build();
            return Table.read().usingOptions(options);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DataException(file + ": not a readable table: " + firstLine(e), e);
        }
    }

    private static Table readXlsx(Path file) {
        try {
            XlsxReadOptions options = XlsxReadOptions.builder(file.toFile())
                    .columnTypes(name -> ColumnType.STRING)
                    .build();
            return new XlsxReader().read(options);
        } catch (RuntimeException e) {
            throw new DataException(file + ": not a readable Excel sheet: " + firstLine(e), e);
        }
    }

    /** UTF-8 text with a leading byte-order mark, if any, removed. */
    private static Reader openText(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        in = new java.io.BufferedInputStream(in);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * Picks the delimiter among comma, semicolon, tab and pipe that occurs, outside quotes, the same
     * non-zero number of times on the first lines; ties go to the more frequent one.
     */
    static char sniffDelimiter(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(openText(file))) {
            String line;
            while (lines.size() < 20 && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new DataException(file + ": file is empty (no header line)");
        }
        char best = ',';
        int bestScore = -1;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            int first = countOutsideQuotes(lines.get(0), candidate);
            if (first == 0) {
                continue;
            }
            boolean consistent = true;
            for (String line : lines) {
                if (countOutsideQuotes(line, candidate) != first) {
                    consistent = false;
                    break;
                }
            }
            int score = (consistent ? 1_000_000 : 0) + first;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** Converts an all-text table into typed columns. */
    public static Frame toFrame(Table table) {
        List<Column> columns = new ArrayList<>();
        for (tech.tablesaw.columns.Column<?> source : table.columns()) {
            int n = source.size();
            String[] cells = new String[n];
            for (int i = 0; i < n; i++) {
                cells[i] = normalise(source.getString(i));
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

    private static String normalise(String cell) {
        if (cell == null) {
            return null;
        }
        String trimmed = cell.strip();
        return MISSING_TOKENS.contains(trimmed.toLowerCase(Locale.ROOT)) ? null : trimmed;
    }

    /** A finite number, or null when the text is not one. */
    static Double parseNumber(String text) {
        char first = text.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
