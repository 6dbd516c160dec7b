package org.twinbench.data;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A streaming RFC 4180 record reader: fields separated by one delimiter, optionally enclosed in a
 * quote character with an inner quote doubled; records end at LF, CRLF or CR outside quotes. A
 * quote inside an unquoted field is kept as text (as spreadsheets do); text after a closing quote
 * is an error, as is a quoted field that never closes. Errors name the file and line.
 */
final class CsvParser {

    /** A quoted field longer than this is taken for an unclosed quote rather than read to the end. */
    static final int MAX_FIELD_CHARS = 1 << 20;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final String file;
    private final String charsetName;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder(64);

    /** The decoder's replacement for bytes that are not valid in the charset. */
    private static final char REPLACEMENT = '\uFFFD';

    /**
     * {@code in} decodes with malformed input replaced by U+FFFD; the parser refuses that character
     * and names the line, which a decoder error thrown mid-buffer could not.
     */
    CsvParser(Reader in, char delimiter, char quote, String file, String charsetName) {
        this.in = in;
        this.charsetName = charsetName;
        this.delimiter = delimiter;
        this.quote = quote;
        this.file = file;
    }

    /** The line on which the record last returned by {@link #next} started (1-based). */
    long recordLine() {
        return recordLine;
    }

    /**
     * Reads the next record into {@code fields} (cleared first). Returns false at the end of the
     * input. A blank line is returned as a record of one empty field.
     */
    boolean next(List<String> fields) {
        fields.clear();
        return next(new FieldSink() {
            @Override
            public void field(int index, String value) {
                fields.add(value);
            }

            @Override
            public void field(int index, char[] chars, int start, int end) {
                fields.add(new String(chars, start, end - start));
            }
        });
    }

    /** Receives a record's fields in order (index 0, 1, ...). */
    interface FieldSink {
        void field(int index, String value);

        /** A field in the parser's buffer, from {@code start} to {@code end}: valid only during the call. */
        void field(int index, char[] chars, int start, int end);
    }

    /**
     * Reads the next record into {@code sink}, a field at a time; an unquoted field inside the buffer (almost
     * every field) as characters, without making a string. Returns false at the end of the input.
     */
    boolean next(FieldSink sink) {
        if (!fill()) {
            return false;
        }
        recordLine = line;
        for (int index = 0; ; index++) {
            boolean endOfRecord = readField();
            if (value != null) {
                sink.field(index, value);
            } else {
                sink.field(index, buffer, rangeStart, rangeEnd);
            }
            if (endOfRecord) {
                return true;
            }
        }
    }

    /** The field read last; null when it is the buffer's characters {@code rangeStart} to {@code rangeEnd}. */
    private String value;
    private int rangeStart;
    private int rangeEnd;

    /** Reads one field into {@link #value}; true when it ended the record (line end or input end). */
    private boolean readField() {
        field.setLength(0);
        if (fill() && buffer[position] == quote) {
            position++;
            boolean end = readQuoted();
            value = field.toString();
            return end;
        }
        boolean spansBuffers = false;
        while (fill()) {
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == delimiter || c == '\n' || c == '\r' || c == REPLACEMENT) {
                    break;
                }
                position++;
            }
            if (position == limit) {
                field.append(buffer, start, position - start);
                spansBuffers = true;
                continue;
            }
            // The common case, a field inside one buffer, is handed over as a range of the buffer.
            if (spansBuffers) {
                field.append(buffer, start, position - start);
                value = field.toString();
            } else {
                value = null;
                rangeStart = start;
                rangeEnd = position;
            }
            char c = buffer[position++];
            if (c == delimiter) {
                return false;
            }
            if (c == REPLACEMENT) {
                throw notText();
            }
            if (value == null && c == '\r' && position == limit) {
                value = new String(buffer, start, rangeEnd - start); // endLine refills the buffer to look for LF
            }
            endLine(c);
            return true;
        }
        value = field.toString();
        return true;
    }

    private DataException notText() {
        return new DataException(file + ": line " + line + ": bytes that are not valid " + charsetName
                + " (does the file mix encodings?)");
    }

    private boolean readQuoted() {
        long opened = line;
        while (true) {
            if (!fill()) {
                throw new DataException(file + ": line " + opened + ": a quoted field opened here is never closed");
            }
            char c = buffer[position++];
            if (c == quote) {
                if (fill() && buffer[position] == quote) {
                    position++;
                    field.append(quote);
                    continue;
                }
                return afterClosingQuote(opened);
            }
            if (c == '\n' || (c == '\r' && !(fill() && buffer[position] == '\n'))) {
                line++;
            }
            if (c == REPLACEMENT) {
                throw notText();
            }
            field.append(c);
            if (field.length() > MAX_FIELD_CHARS) {
                throw new DataException(file + ": line " + opened + ": a quoted field opened here runs past "
                        + MAX_FIELD_CHARS + " characters; is its closing quote missing?");
            }
        }
    }

    private boolean afterClosingQuote(long opened) {
        if (!fill()) {
            return true;
        }
        char c = buffer[position++];
        if (c == delimiter) {
            return false;
        }
        if (c == '\n' || c == '\r') {
            endLine(c);
            return true;
        }
        throw new DataException(file + ": line " + line + ": text after the closing quote of a field"
                + (opened == line ? "" : " opened on line " + opened) + " (a quote inside a quoted field must be doubled)");
    }

    private void endLine(char c) {
        if (c == '\r' && fill() && buffer[position] == '\n') {
            position++;
        }
        line++;
    }

    private boolean fill() {
        if (position < limit) {
            return true;
        }
        try {
            int read;
            do {
                read = in.read(buffer, 0, buffer.length);
            } while (read == 0);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
