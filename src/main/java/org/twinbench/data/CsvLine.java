package org.twinbench.data;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** One line of delimited text split into its fields by the loader's own RFC 4180 rules ({@code "} quotes). */
public final class CsvLine {

    private CsvLine() {
    }

    /**
     * The fields of {@code line}.
     *
     * @throws DataException naming {@code where} when a quote is not closed or text follows a closing quote
     */
    public static String[] split(String line, char delimiter, String where) {
        CsvParser parser = new CsvParser(new StringReader(line), delimiter, '"', where, "UTF-8");
        List<String> fields = new ArrayList<>();
        if (!parser.next(fields)) {
            return new String[] {""};
        }
        return fields.toArray(new String[0]);
    }
}
