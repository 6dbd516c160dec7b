package org.twinbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.xlsx.XlsxReadOptions;
import tech.tablesaw.io.xlsx.XlsxReader;

/** Reads the first sheet of an {@code .xlsx} workbook through Tablesaw, every cell as text. */
final class ExcelReader {

    private ExcelReader() {
    }

    static List<Column> read(Path file, LoadOptions options) {
        refuseNonWorkbook(file);
        Table table;
        try {
            XlsxReadOptions readOptions = XlsxReadOptions.builder(file.toFile())
                    .columnTypes(name -> ColumnType.STRING)
                    .build();
            table = new XlsxReader().read(readOptions);
        } catch (RuntimeException e) {
            throw new DataException(file + ": not a readable Excel workbook (damaged or truncated?): " + firstLine(e), e);
        }
        options.cancellation().check("loading " + file.getFileName());
        if (table.columnCount() == 0) {
            throw new DataException(file + ": the first sheet is empty (no header row)");
        }
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < table.columnCount(); j++) {
            tech.tablesaw.columns.Column<?> source = table.column(j);
            String name = source.name() == null ? "" : source.name().strip();
            if (name.isEmpty()) {
                throw new DataException(file + ": row 1: column " + (j + 1) + " of the header has no name");
            }
            Integer earlier = seen.putIfAbsent(name, j);
            if (earlier != null) {
                throw new DataException(file + ": row 1: columns " + (earlier + 1) + " and " + (j + 1)
                        + " are both named '" + name + "'");
            }
            ColumnBuilder builder = new ColumnBuilder(name, options.typeOverrides().get(name) == ValueKind.TEXT);
            for (int i = 0; i < source.size(); i++) {
                builder.add(source.getString(i));
            }
            columns.add(builder.needsReread() ? textColumn(name, source) : builder.build());
        }
        options.listener().progress(1, 1, table.rowCount());
        return columns;
    }

    private static Column textColumn(String name, tech.tablesaw.columns.Column<?> source) {
        ColumnBuilder builder = new ColumnBuilder(name, true);
        for (int i = 0; i < source.size(); i++) {
            builder.add(source.getString(i));
        }
        return builder.build();
    }

    static void refuseNonWorkbook(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new DataException(file + ": file is empty, not an Excel workbook");
        }
        if ((head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
            throw new DataException(file + ": is an old binary Excel file (.xls) named .xlsx; save it as .xlsx or CSV");
        }
        if (!(head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
            throw new DataException(file + ": not an Excel .xlsx workbook (it is not a zip archive)");
        }
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
