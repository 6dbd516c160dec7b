package org.twinbench.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a cell's text means: missing, a number (plain, or written with thousands separators or a
 * decimal comma) or an ISO timestamp; other date forms are {@link DateTimes}' to read.
 */
public final class CellValues {

    /** How numbers are written in a column. */
    public enum NumberStyle {
        /** {@code 1234.5} */
        PLAIN,
        /** {@code 1,234.5}: comma groups thousands, point is decimal. */
        THOUSANDS_COMMA,
        /** {@code 1.234,5} or {@code 1234,5}: point groups thousands, comma is decimal. */
        DECIMAL_COMMA
    }

    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern THOUSANDS_COMMA = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    private CellValues() {
    }

    /** The trimmed cell, or null when it means "no value" ({@link TableLoader#MISSING_TOKENS}). */
    public static String normalise(String cell) {
        if (cell == null) {
            return null;
        }
        String trimmed = cell.strip();
        if (trimmed.length() <= 4 && TableLoader.MISSING_TOKENS.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return trimmed;
    }

    /**
     * A finite number written plainly ({@code -12}, {@code 3.5}, {@code .5}, {@code 1e-3}), or null.
     * Java's own suffixes ({@code 1d}, {@code 2f}), hex and {@code Infinity} are not numbers here.
     */
    public static Double parseNumber(String text) {
        double value = parseNumber(text.toCharArray(), 0, text.length());
        return Double.isNaN(value) ? null : value;
    }

    /**
     * As {@link #parseNumber(String)} for the characters {@code start} (inclusive) to {@code end}, without making a
     * string: NaN when they are not a number. The loader reads millions of cells this way.
     */
    static double parseNumber(char[] text, int start, int end) {
        int i = start;
        if (i == end) {
            return Double.NaN;
        }
        if (text[i] == '+' || text[i] == '-') {
            i++;
        }
        int digits = 0;
        int fractionDigits = 0;
        long mantissa = 0;
        while (i < end && isDigit(text[i])) {
            mantissa = mantissa * 10 + (text[i] - '0');
            i++;
            digits++;
        }
        if (i < end && text[i] == '.') {
            i++;
            while (i < end && isDigit(text[i])) {
                mantissa = mantissa * 10 + (text[i] - '0');
                i++;
                digits++;
                fractionDigits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i == end && digits <= 15) {
            // Clinger's fast path: an integer below 2^53 divided by an exact power of ten is
            // correctly rounded, so this equals Double.parseDouble(text).
            double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
            return text[start] == '-' ? -value : value;
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            if (i < end && (text[i] == '+' || text[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(text[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
        }
        if (i != end) {
            return Double.NaN;
        }
        double value = Double.parseDouble(new String(text, start, end - start));
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * Whether the characters {@code start} to {@code end}, already trimmed, are a token of
     * {@link TableLoader#MISSING_TOKENS} (any case), as {@link #normalise} decides, without making a string.
     */
    static boolean isMissingToken(char[] text, int start, int end) {
        int length = end - start;
        if (length > 4) {
            return false;
        }
        for (String token : TableLoader.MISSING_TOKENS) {
            if (token.length() == length && regionEqualsIgnoringCase(token, text, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEqualsIgnoringCase(String lowerToken, char[] text, int start) {
        for (int k = 0; k < lowerToken.length(); k++) {
            if (Character.toLowerCase(text[start + k]) != lowerToken.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The one style in which every value reads as a number, or null. Values that fit both separator
     * styles ({@code 1,234}) are read with thousands commas in comma-delimited files, else as decimal
     * commas (the European convention that comes with semicolon delimiters).
     */
    public static NumberStyle numberStyle(Iterable<String> values, char delimiter) {
        boolean thousands = true;
        boolean decimalComma = true;
        boolean anyComma = false;
        for (String v : values) {
            boolean hasComma = v.indexOf(',') >= 0;
            anyComma |= hasComma;
            thousands &= PLAIN.matcher(v).matches() || THOUSANDS_COMMA.matcher(v).matches();
            decimalComma &= DECIMAL_COMMA.matcher(v).matches();
            if (!thousands && !decimalComma) {
                return null;
            }
        }
        if (!anyComma) {
            return null;
        }
        if (thousands && decimalComma) {
            return delimiter == ',' ? NumberStyle.THOUSANDS_COMMA : NumberStyle.DECIMAL_COMMA;
        }
        return thousands ? NumberStyle.THOUSANDS_COMMA : NumberStyle.DECIMAL_COMMA;
    }

    /** A value known to match {@code style}, as a number. */
    public static double parse(String value, NumberStyle style) {
        return switch (style) {
            case PLAIN -> Double.parseDouble(value);
            case THOUSANDS_COMMA -> Double.parseDouble(value.replace(",", ""));
            case DECIMAL_COMMA -> Double.parseDouble(value.replace(".", "").replace(',', '.'));
        };
    }

    /** Seconds since the epoch of an ISO date-time (a plain ISO date counts as midnight), or null. */
    static Double parseTimestamp(String value) {
        if (value.length() < 10 || value.length() > 35 || !isDigit(value.charAt(0))) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return (double) LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay() * 86_400;
            }
            var parsed = TIMESTAMP.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            OffsetDateTime time = parsed instanceof OffsetDateTime offset ? offset
                    : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
            return time.toEpochSecond() + time.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
