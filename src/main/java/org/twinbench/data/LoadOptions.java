package org.twinbench.data;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * How to read a table. Every format setting left null is detected from the file: the delimiter
 * (comma, semicolon, tab, pipe), the quote character, whether the first line is a header, and the
 * encoding (a byte-order mark, else UTF-8 when the bytes are valid UTF-8, else Latin-1).
 *
 * @param typeOverrides column name to the kind the user wants, replacing the detected one
 * @param timeFormats column name to how it writes dates ({@code M/d/yyyy}, {@code d/M/yyyy}, see
 *     {@link DateTimes#recognise}), needed to read as dates a column whose values fit two readings
 */
public record LoadOptions(Character delimiter, Character quote, Boolean header, Charset charset,
                          Map<String, ValueKind> typeOverrides, Map<String, String> timeFormats,
                          LoadListener listener, Cancellation cancellation) {

    public LoadOptions {
        typeOverrides = Map.copyOf(typeOverrides);
        timeFormats = Map.copyOf(timeFormats);
        listener = listener == null ? LoadListener.NONE : listener;
        cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
    }

    /** Everything detected, no overrides, no listener. */
    public static LoadOptions detect() {
        return new LoadOptions(null, null, null, null, Map.of(), Map.of(), null, null);
    }

    public LoadOptions withDelimiter(char value) {
        return new LoadOptions(value, quote, header, charset, typeOverrides, timeFormats, listener, cancellation);
    }

    public LoadOptions withQuote(char value) {
        return new LoadOptions(delimiter, value, header, charset, typeOverrides, timeFormats, listener, cancellation);
    }

    public LoadOptions withHeader(boolean value) {
        return new LoadOptions(delimiter, quote, value, charset, typeOverrides, timeFormats, listener, cancellation);
    }

    public LoadOptions withCharset(Charset value) {
        return new LoadOptions(delimiter, quote, header, value, typeOverrides, timeFormats, listener, cancellation);
    }

    /** These options with {@code column} read as {@code kind}. */
    public LoadOptions withType(String column, ValueKind kind) {
        Map<String, ValueKind> more = new HashMap<>(typeOverrides);
        more.put(column, kind);
        return new LoadOptions(delimiter, quote, header, charset, more, timeFormats, listener, cancellation);
    }

    /** These options with {@code column}'s dates read in {@code pattern} (e.g. {@code d/M/yyyy}). */
    public LoadOptions withTimeFormat(String column, String pattern) {
        Map<String, String> more = new HashMap<>(timeFormats);
        more.put(column, pattern);
        return new LoadOptions(delimiter, quote, header, charset, typeOverrides, more, listener, cancellation);
    }

    public LoadOptions withListener(LoadListener value) {
        return new LoadOptions(delimiter, quote, header, charset, typeOverrides, timeFormats, value, cancellation);
    }

    public LoadOptions withCancellation(Cancellation value) {
        return new LoadOptions(delimiter, quote, header, charset, typeOverrides, timeFormats, listener, value);
    }
}
