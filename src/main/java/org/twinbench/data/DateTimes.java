package org.twinbench.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a column of dates or timestamps the same way wherever time matters (loading, training, the
 * calendar replay): ISO ({@code 2021-04-15}, {@code 2021-04-15T13:45:00Z}), US month-first
 * ({@code 4/15/2021}), European day-first ({@code 15.4.2021}, {@code 15/4/2021}), each with an
 * optional time ({@code 13:45}, {@code 13:45:30}, {@code 13:45:30.250}). A slashed column whose values
 * all fit both month-first and day-first (no day above 12) is ambiguous: {@link #recognise} says so
 * and the user sets the format ({@code M/d/yyyy} or {@code d/M/yyyy}); it never guesses.
 */
public final class DateTimes {

    /** The slashed formats that a column can fit both ways. */
    public static final String MONTH_FIRST = "M/d/uuuu";
    public static final String DAY_FIRST = "d/M/uuuu";

    private static final List<String> DATE_PATTERNS = List.of("uuuu-M-d", "uuuu/M/d", "d.M.uuuu", MONTH_FIRST,
            DAY_FIRST);
    private static final String TIME = "[ H:mm[:ss[.SSSSSSSSS][.SSSSSS][.SSS]]]";

    private DateTimes() {
    }

    /** How a column's values are read: a pattern ({@code iso} for ISO date-times) and whether any has a time. */
    public record Format(String pattern) {

        /** Epoch seconds (UTC unless the value names an offset) of {@code value}, or NaN when it does not fit. */
        public double seconds(String value) {
            if (value == null) {
                return Double.NaN;
            }
            if (pattern.equals("iso")) {
                Double seconds = CellValues.parseTimestamp(value);
                return seconds == null ? Double.NaN : seconds;
            }
            LocalDateTime time = parse(value, formatter(pattern));
            return time == null ? Double.NaN
                    : time.toEpochSecond(java.time.ZoneOffset.UTC) + time.getNano() / 1e9;
        }
    }

    /** Thrown when a column's values cannot be read as dates, or fit two formats. */
    public static final class AmbiguousOrUnreadable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        AmbiguousOrUnreadable(String message) {
            super(message);
        }
    }

    /**
     * The one format that reads every non-missing value: {@code explicitPattern} when given (in
     * {@link DateTimeFormatter} letters; {@code yyyy} is taken as the year), otherwise the format
     * recognised from the values.
     *
     * @throws AmbiguousOrUnreadable naming the column and, for an ambiguous one, both readings and an
     *     example value; or, for an unreadable one, the first value that fits no format
     */
    public static Format recognise(String column, Iterable<String> values, String explicitPattern) {
        if (explicitPattern != null && !explicitPattern.isBlank()) {
            String pattern = explicitPattern.strip().replace("yyyy", "uuuu");
            DateTimeFormatter formatter;
            try {
                formatter = formatter(pattern);
            } catch (IllegalArgumentException e) {
                throw new AmbiguousOrUnreadable("time format '" + explicitPattern + "' is not a date pattern: "
                        + e.getMessage());
            }
            for (String v : values) {
                if (v != null && parse(v, formatter) == null) {
                    throw new AmbiguousOrUnreadable("column '" + column + "': '" + v + "' does not fit the time format '"
                            + explicitPattern + "'");
                }
            }
            return new Format(pattern);
        }
        List<String> fits = candidates(values);
        if (fits.isEmpty()) {
            String bad = firstUnreadable(values);
            throw new AmbiguousOrUnreadable("column '" + column + "' does not hold dates"
                    + (bad == null ? " (it is empty)" : ": '" + bad + "' is not a date in ISO (2021-04-15), US (4/15/2021)"
                    + " or European (15.4.2021, 15/4/2021) form"));
        }
        if (bothWays(fits)) {
            String example = null;
            for (String v : values) {
                if (v != null) {
                    example = v;
                    break;
                }
            }
            throw new AmbiguousOrUnreadable("column '" + column + "' can be read month-first or day-first (e.g. '"
                    + example + "' is " + describe(example, MONTH_FIRST) + " or " + describe(example, DAY_FIRST)
                    + "): set its time format to M/d/yyyy or d/M/yyyy");
        }
        return new Format(fits.get(0));
    }

    /**
     * What a column of text holds when every non-missing value is a date in one of the recognised forms:
     * {@link ValueKind#TIMESTAMP} when some value carries a time, {@link ValueKind#DATE} otherwise; null
     * when some value is no date. A column that fits both month-first and day-first is still dates; only
     * reading its values needs a format ({@link #ambiguous}).
     */
    public static ValueKind kind(Iterable<String> values) {
        if (candidates(values).isEmpty()) {
            return null;
        }
        for (String v : values) {
            if (v != null && hasTime(v)) {
                return ValueKind.TIMESTAMP;
            }
        }
        return ValueKind.DATE;
    }

    /** True when the values are slashed dates that fit both month-first and day-first. */
    public static boolean ambiguous(Iterable<String> values) {
        return bothWays(candidates(values));
    }

    private static boolean bothWays(List<String> fits) {
        return fits.contains(MONTH_FIRST) && fits.contains(DAY_FIRST);
    }

    /** True when a date value carries a time of day ({@code 13:45}). */
    public static boolean hasTime(String value) {
        return value.indexOf(':') >= 0;
    }

    /** Every format that reads all non-missing values, ISO first; empty when none does. */
    public static List<String> candidates(Iterable<String> values) {
        List<String> fits = new ArrayList<>();
        if (all(values, v -> CellValues.parseTimestamp(v) != null)) {
            fits.add("iso");
            return fits;
        }
        for (String pattern : DATE_PATTERNS) {
            DateTimeFormatter formatter = formatter(pattern);
            if (all(values, v -> parse(v, formatter) != null)) {
                fits.add(pattern);
            }
        }
        return fits;
    }

    private static String describe(String value, String pattern) {
        LocalDateTime time = parse(value, formatter(pattern));
        return time == null ? "?" : time.toLocalDate().toString();
    }

    private static String firstUnreadable(Iterable<String> values) {
        for (String v : values) {
            if (v != null && CellValues.parseTimestamp(v) == null
                    && DATE_PATTERNS.stream().allMatch(p -> parse(v, formatter(p)) == null)) {
                return v;
            }
        }
        return null;
    }

    private static DateTimeFormatter formatter(String pattern) {
        boolean hasTime = pattern.contains("H") || pattern.contains("h") || pattern.contains("m");
        return DateTimeFormatter.ofPattern(hasTime ? pattern : pattern + TIME, Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDateTime parse(String value, DateTimeFormatter formatter) {
        if (value.length() > 40) {
            return null;
        }
        try {
            var parsed = formatter.parseBest(value.strip(), LocalDateTime::from, LocalDate::from);
            return parsed instanceof LocalDateTime t ? t : ((LocalDate) parsed).atTime(LocalTime.MIDNIGHT);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private interface Test {
        boolean ok(String value);
    }

    private static boolean all(Iterable<String> values, Test test) {
        boolean any = false;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            if (!test.ok(v)) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
