package org.twinbench.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Streams a delimited text file into primitive columns (see {@link ColumnBuilder}). */
final class DelimitedReader {

    /** Excel's limit; a wider "table" is almost surely not one. */
    static final int MAX_COLUMNS = 16_384;
    private static final int CHECK_EVERY_ROWS = 4096;
    /**
     * Peak heap per numeric cell while loading: 8 bytes in the builder's chunks, which grow without copies,
     * and under one more for the unused end of each column's last chunk ({@link ColumnBuilder}); the columns
     * are built into exact arrays one at a time, so at the end only one column is held twice.
     */
    static final long BYTES_PER_CELL = 9;
    /** Per text cell: 4 bytes of code, up to 4 more of slack after its array doubles, 4 for the trimmed copy, and
     * the dictionary's strings. */
    static final long BYTES_PER_TEXT_CELL = 24;

    private DelimitedReader() {
    }

    /** The columns as read, with the format used and where each row started. */
    record Parsed(List<ColumnBuilder> columns, TextFormat format, RowLines lines, String sha256) {
    }

    /** Reads, refusing the file once its cells would need more than {@code budgetBytes} of heap. */
    static Parsed read(Path file, LoadOptions options, long budgetBytes) {
        return read(file, options, budgetBytes, Integer.MAX_VALUE);
    }

    /**
     * Reads at most the first {@code maxRows} rows (then the file's hash is of the bytes read only), refusing
     * the file once its cells would need more than {@code budgetBytes} of heap.
     */
    static Parsed read(Path file, LoadOptions options, long budgetBytes, int maxRows) {
        TextFormat format = TextSniffer.sniff(file, options);
        Set<String> forcedText = new HashSet<>();
        options.typeOverrides().forEach((name, kind) -> {
            if (kind == ValueKind.TEXT) {
                forcedText.add(name);
            }
        });
        int expectedRows = RecordCount.dataRows(file, format, maxRows);
        Parsed parsed = pass(file, format, forcedText, options, budgetBytes, maxRows, expectedRows);
        boolean again = false;
        for (ColumnBuilder column : parsed.columns()) {
            if (column.needsReread()) {
                forcedText.add(column.name());
                again = true;
            }
        }
        return again ? pass(file, format, forcedText, options, budgetBytes, maxRows, expectedRows) : parsed;
    }

    private static Parsed pass(Path file, TextFormat format, Set<String> forcedText, LoadOptions options,
                               long budgetBytes, int maxRows, int expectedRows) {
        String where = file.toString();
        long total = size(file);
        try (CountingStream counting = new CountingStream(Files.newInputStream(file));
             Reader reader = reader(counting, format)) {
            CsvParser parser = new CsvParser(reader, format.delimiter(), format.quote(), where, format.charset().name());
            List<String> fields = new ArrayList<>();
            List<ColumnBuilder> columns = new ArrayList<>();
            RowLines lines = new RowLines();
            if (!nextRecord(parser, fields)) {
                throw new DataException(where + ": file is empty (only blank lines, no header line)");
            }
            List<String> names = format.header() ? headerNames(fields, parser.recordLine(), where)
                    : generatedNames(fields.size());
            if (names.size() > MAX_COLUMNS) {
                throw new DataException(where + ": line " + parser.recordLine() + ": " + names.size()
                        + " columns, more than the " + MAX_COLUMNS + " a table may have");
            }
            // Columns of exactly the counted rows, unless they would not fit: then the budget check below refuses
            // the file at the line where it stops fitting.
            long bytesPerRow = (long) names.size() * BYTES_PER_CELL;
            int sized = expectedRows > 0 && expectedRows * bytesPerRow <= budgetBytes ? expectedRows : -1;
            for (String name : names) {
                columns.add(new ColumnBuilder(name, forcedText.contains(name), sized));
            }
            int rows = 0;
            if (!format.header() && maxRows > 0) {
                record(where, parser.recordLine(), fields.size(), columns);
                lines.record(rows, parser.recordLine());
                for (int j = 0; j < fields.size(); j++) {
                    columns.get(j).add(fields.get(j));
                }
                rows++;
            }
            RowSink row = new RowSink(columns);
            while (rows < maxRows && row.next(parser)) {
                record(where, parser.recordLine(), row.fields, columns);
                lines.record(rows, parser.recordLine());
                rows++;
                if (rows % CHECK_EVERY_ROWS == 0) {
                    checkBudget(where, parser.recordLine(), rows, columns, budgetBytes);
                    options.cancellation().check("loading " + file.getFileName());
                    options.listener().progress(counting.count, total, rows);
                }
            }
            if (rows < maxRows) {
                options.listener().progress(total, total, rows);
                counting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return new Parsed(columns, format, lines, counting.sha256());
        } catch (IOException e) {
            throw new DataException(where + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Refuses a record whose field count is not the header's. */
    private static void record(String where, long line, int fields, List<ColumnBuilder> columns) {
        if (fields != columns.size()) {
            throw new DataException(where + ": line " + line + ": " + fields + (fields == 1 ? " field" : " fields")
                    + ", but the header has " + columns.size() + " columns");
        }
    }

    /**
     * Hands each field of a record straight to its column, numbers without a string per cell. The first field waits
     * (copied) until a second comes or the record ends: a record of one blank field is a blank line, skipped.
     */
    private static final class RowSink implements CsvParser.FieldSink {
        private final List<ColumnBuilder> columns;
        private char[] first = new char[64];
        private int firstLength;
        private String firstText;
        int fields;

        RowSink(List<ColumnBuilder> columns) {
            this.columns = columns;
        }

        /** Reads the next record that is not a blank line; false at the end of the input. */
        boolean next(CsvParser parser) {
            while (true) {
                fields = 0;
                firstText = null;
                firstLength = 0;
                if (!parser.next(this)) {
                    return false;
                }
                if (fields > 1) {
                    return true;
                }
                if (firstText != null ? !firstText.isBlank() : !blank(first, firstLength)) {
                    flushFirst();
                    return true;
                }
            }
        }

        @Override
        public void field(int index, String value) {
            fields++;
            if (index == 0) {
                firstText = value;
                return;
            }
            flushFirstAt(index);
            if (index < columns.size()) {
                columns.get(index).add(value);
            }
        }

        @Override
        public void field(int index, char[] chars, int start, int end) {
            fields++;
            if (index == 0) {
                if (end - start > first.length) {
                    first = new char[Math.max(end - start, 2 * first.length)];
                }
                System.arraycopy(chars, start, first, 0, end - start);
                firstLength = end - start;
                return;
            }
            flushFirstAt(index);
            if (index < columns.size()) {
                columns.get(index).add(chars, start, end);
            }
        }

        private void flushFirstAt(int index) {
            if (index == 1) {
                flushFirst();
            }
        }

        private void flushFirst() {
            if (firstText != null) {
                columns.get(0).add(firstText);
            } else {
                columns.get(0).add(first, 0, firstLength);
            }
        }

        private static boolean blank(char[] chars, int length) {
            for (int i = 0; i < length; i++) {
                if (!Character.isWhitespace(chars[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void checkBudget(String where, long line, long rows, List<ColumnBuilder> columns,
                                    long budgetBytes) {
        long bytesPerRow = 0;
        for (ColumnBuilder column : columns) {
            bytesPerRow += column.isText() ? BYTES_PER_TEXT_CELL : BYTES_PER_CELL;
        }
        if (rows * bytesPerRow > budgetBytes) {
            long fit = budgetBytes / bytesPerRow;
            throw new DataException(String.format(java.util.Locale.ROOT, "%s: line %d: the table is larger than the "
                    + "memory budget of %d MiB: about %d rows of %d columns fit; load a sample or fewer columns, "
                    + "or start TwinBench with a larger -Xmx", where, line, budgetBytes >> 20, fit, columns.size()));
        }
    }

    /** The next record that is not a blank line. */
    private static boolean nextRecord(CsvParser parser, List<String> fields) {
        while (parser.next(fields)) {
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name given to an unnamed first header cell: R's {@code write.csv} and pandas' {@code to_csv} write the row
     * names (or the index) there under an empty name. Any other unnamed column is refused.
     */
    public static final String ROW_NAMES = "row_id";

    private static List<String> headerNames(List<String> fields, long line, String where) {
        List<String> names = new ArrayList<>(fields.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < fields.size(); j++) {
            String name = fields.get(j).strip();
            if (name.isEmpty() && j == 0 && fields.size() > 1) {
                name = ROW_NAMES; // the unnamed first column of R's write.csv and pandas' to_csv: the row names
            }
            if (name.isEmpty()) {
                throw new DataException(where + ": line " + line + ": column " + (j + 1)
                        + " of the header has no name");
            }
            Integer earlier = seen.putIfAbsent(name, j);
            if (earlier != null) {
                throw new DataException(where + ": line " + line + ": columns " + (earlier + 1) + " and " + (j + 1)
                        + " are both named '" + name + "'");
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> generatedNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int j = 1; j <= count; j++) {
            names.add("column_" + j);
        }
        return names;
    }

    private static Reader reader(InputStream in, TextFormat format) throws IOException {
        in.skipNBytes(format.bomLength());
        return new InputStreamReader(in, format.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Counts the bytes read, for progress, and hashes them, so the file is read once for both. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;
        private final MessageDigest digest = Sha256.digest();

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                digest.update(b, off, n);
            }
            return n;
        }

        String sha256() {
            return Sha256.hex(digest);
        }
    }
}
