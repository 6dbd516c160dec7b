package org.twinbench.sim.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.DateTimes;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * The time of each row of a dataset source's {@code time_column}: dates and timestamps read as
 * {@link DateTimes} reads them (the node's {@code time_format} where the values fit two readings),
 * numbers as they are. Problems are the user's to fix and name the node.
 */
public final class TimeColumns {

    private TimeColumns() {
    }

    /**
     * Epoch seconds (UTC) of each row of a text column of dates, NaN where missing.
     *
     * @throws ScenarioException naming the node when the column is numeric, ambiguous or not dates
     */
    public static double[] dates(ScenarioNode node, Column column, String name) {
        DateTimes.Format format = format(node, column, name);
        return seconds((CategoricalColumn) column, format);
    }

    /**
     * How a text column of dates is read: the node's {@code time_format}, or the one format its values fit.
     *
     * @throws ScenarioException naming the node when the column is numeric, ambiguous or not dates
     */
    public static DateTimes.Format format(ScenarioNode node, Column column, String name) {
        if (column instanceof NumericColumn) {
            throw new ScenarioException("node " + node.id() + ": time_column '" + name + "' holds numbers, not dates;"
                    + " calendar windows and reference_until need dates (e.g. 2021-04-15 or 4/15/2021)");
        }
        try {
            return DateTimes.recognise(name, levels((CategoricalColumn) column), node.string("time_format"));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("node " + node.id() + ": time_column: " + e.getMessage());
        }
    }

    /**
     * The rows' times for ordering a replay: dates read as dates, numbers as numbers; null for text that
     * is not dates (then the text's order is the time order).
     *
     * @throws ScenarioException naming the node when dates fit two readings and no time_format says which
     */
    public static double[] forOrdering(ScenarioNode node, Column column, String name) {
        if (column instanceof NumericColumn numeric) {
            double[] values = new double[numeric.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = numeric.get(i);
            }
            return values;
        }
        CategoricalColumn text = (CategoricalColumn) column;
        if (node.string("time_format") == null && DateTimes.candidates(levels(text)).isEmpty()) {
            return null;
        }
        return dates(node, column, name);
    }

    /**
     * The times a source replays its rows by, in file order: with a {@code month_column}, {@link #yearMonth}; else
     * dates ({@link #dates}) when {@code dates} is true (a calendar window or {@code reference_until}), or
     * {@link #forOrdering}. A time column of years that needs dates, beside a column of months, is refused with
     * the {@code month_column} to set.
     *
     * @throws ScenarioException naming the node and column
     */
    public static double[] replayTimes(ScenarioNode node, org.twinbench.data.Frame frame, String timeColumn,
                                       boolean dates) {
        String months = node.string("month_column");
        if (months != null) {
            return yearMonth(node, frame.column(timeColumn), timeColumn, frame.column(months), months);
        }
        try {
            return dates ? dates(node, frame.column(timeColumn), timeColumn)
                    : forOrdering(node, frame.column(timeColumn), timeColumn);
        } catch (ScenarioException e) {
            String beside = monthsBeside(frame, timeColumn);
            throw beside == null ? e : new ScenarioException(e.getMessage() + "; it holds years and '" + beside
                    + "' holds their months: set month_column to '" + beside + "' to replay by year and month");
        }
    }

    /**
     * The rows' times of a source that names its months apart from its years ({@code month_column}): epoch seconds
     * (UTC) of the first day of each row's year and month, NaN where either is missing — Ames' houses are sold in
     * {@code Yr_Sold} and {@code Mo_Sold}. A year and a month name no day, so day and week windows are refused.
     *
     * @throws ScenarioException naming the node, the column and the first row (from 1) that is no year or month
     */
    public static double[] yearMonth(ScenarioNode node, Column years, String yearName, Column months,
                                     String monthName) {
        String window = node.string("window");
        if ("day".equals(window) || "week".equals(window)) {
            throw new ScenarioException("node " + node.id() + ": window '" + window + "': a year and a month ("
                    + yearName + ", " + monthName + ") name no day; use window month or quarter");
        }
        NumericColumn year = wholeNumbers(node, "time_column", years, yearName, 1, 9999, "a year");
        NumericColumn month = wholeNumbers(node, "month_column", months, monthName, 1, 12, "a month (1 to 12)");
        double[] out = new double[year.size()];
        for (int i = 0; i < out.length; i++) {
            double y = year.get(i);
            double m = month.get(i);
            out[i] = Double.isNaN(y) || Double.isNaN(m) ? Double.NaN
                    : java.time.LocalDate.of((int) y, (int) m, 1).toEpochDay() * 86_400.0;
        }
        return out;
    }

    private static NumericColumn wholeNumbers(ScenarioNode node, String param, Column column, String name, int low,
                                              int high, String what) {
        if (!(column instanceof NumericColumn numeric)) {
            throw new ScenarioException("node " + node.id() + ": " + param + " '" + name + "' holds text; with "
                    + "month_column it must hold " + what + " as a whole number on every row");
        }
        for (int i = 0; i < numeric.size(); i++) {
            double v = numeric.get(i);
            if (!Double.isNaN(v) && (v != Math.rint(v) || v < low || v > high)) {
                throw new ScenarioException(String.format(java.util.Locale.ROOT, "node %s: %s '%s' row %d holds %s,"
                        + " not %s", node.id(), param, name, i + 1, v == Math.rint(v) ? String.valueOf((long) v)
                        : String.valueOf(v), what));
            }
        }
        return numeric;
    }

    /**
     * The one column beside a {@code time_column} of years that names months — whole numbers from 1 to 12 in a
     * column with "month", "mo" or "mon" among the words of its name and otherwise the same words as the years' name
     * (Year_Sold and Mo_Sold, birth_year and birth_month) — or null. Its rows then replay in the file's
     * order within each year unless the source names it as its {@code month_column}.
     */
    public static String monthsBeside(org.twinbench.data.Frame frame, String yearName) {
        if (!(frame.column(yearName) instanceof NumericColumn) || !words(yearName).contains("year")
                && !words(yearName).contains("yr")) {
            return null;
        }
        java.util.Set<String> yearRest = new java.util.HashSet<>(words(yearName));
        yearRest.removeAll(List.of("year", "yr"));
        String found = null;
        for (String name : frame.columnNames()) {
            List<String> words = words(name);
            java.util.Set<String> monthRest = new java.util.HashSet<>(words);
            monthRest.removeAll(List.of("month", "mo", "mon"));
            // The same other words (Year_Sold and Mo_Sold; not Year_Built and Mo_Sold).
            if (!(words.contains("month") || words.contains("mo") || words.contains("mon"))
                    || !monthRest.equals(yearRest)
                    || !(frame.column(name) instanceof NumericColumn numeric) || !within(numeric, 1, 12)) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = name;
        }
        return found;
    }

    private static boolean within(NumericColumn numeric, int low, int high) {
        int present = 0;
        for (int i = 0; i < numeric.size(); i++) {
            double v = numeric.get(i);
            if (!Double.isNaN(v)) {
                present++;
                if (v != Math.rint(v) || v < low || v > high) {
                    return false;
                }
            }
        }
        return present > 0;
    }

    private static List<String> words(String name) {
        return Arrays.asList(name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                .split("[_\\s\\-.]+"));
    }

    /** Epoch seconds of the rows of a column of dates that fit exactly one format; null otherwise. */
    public static double[] secondsOrNull(CategoricalColumn text) {
        List<String> fits = DateTimes.candidates(levels(text));
        if (fits.isEmpty() || fits.contains(DateTimes.MONTH_FIRST) && fits.contains(DateTimes.DAY_FIRST)) {
            return null;
        }
        return seconds(text, new DateTimes.Format(fits.get(0)));
    }

    /** Epoch seconds of one date written in a parameter (e.g. {@code reference_until}). */
    public static double date(ScenarioNode node, String param, String value) {
        try {
            return DateTimes.recognise(param, List.of(value), null).seconds(value);
        } catch (IllegalArgumentException ambiguousOrOther) {
            // An ISO date always reads; otherwise the column's own format says how to read the value.
        }
        try {
            String format = node.string("time_format");
            if (format == null) {
                throw new IllegalArgumentException(value);
            }
            return DateTimes.recognise(param, List.of(value), format).seconds(value);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("node " + node.id() + ": " + param + " '" + value
                    + "' is not a date (write it as 2021-04-15)");
        }
    }

    /**
     * Row indices sorted by time, missing (NaN) last; ties keep file order. Dates repeat (ten million rows
     * over ten years have 3,653 distinct days), so when there are at most {@value #FEW} distinct times the
     * rows are placed by a stable counting sort over the sorted distinct times; otherwise primitive keys
     * (a row's rank among the distinct times, then its index) are sorted. Neither boxes a row.
     */
    public static int[] order(double[] times) {
        if (inOrder(times)) {
            int[] identity = new int[times.length];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            return identity;
        }
        double[] distinct = distinctOrNull(times);
        return distinct != null ? countingOrder(times, distinct) : keyOrder(times);
    }

    static final int FEW = 1 << 16;

    /** True when the times never decrease, with any missing ones at the end. */
    private static boolean inOrder(double[] times) {
        double previous = Double.NEGATIVE_INFINITY;
        boolean missing = false;
        for (double t : times) {
            if (Double.isNaN(t)) {
                missing = true;
            } else if (missing || t < previous) {
                return false;
            } else {
                previous = t;
            }
        }
        return true;
    }

    /** The sorted distinct non-NaN times when there are at most {@link #FEW}; null otherwise. */
    private static double[] distinctOrNull(double[] times) {
        java.util.HashSet<Double> seen = new java.util.HashSet<>();
        double last = Double.NaN;
        for (double t : times) {
            if (Double.isNaN(t) || t == last) {
                continue;
            }
            last = t;
            if (seen.add(t) && seen.size() > FEW) {
                return null;
            }
        }
        double[] distinct = new double[seen.size()];
        int i = 0;
        for (double t : seen) {
            distinct[i++] = t;
        }
        Arrays.sort(distinct);
        return distinct;
    }

    private static int[] countingOrder(double[] times, double[] distinct) {
        int unique = distinct.length;
        java.util.HashMap<Double, Integer> rankOf = new java.util.HashMap<>(unique * 2);
        for (int r = 0; r < unique; r++) {
            rankOf.put(distinct[r], r);
        }
        int n = times.length;
        int[] ranks = new int[n];
        int[] counts = new int[unique + 2];
        double last = Double.NaN;
        int lastRank = unique;
        for (int i = 0; i < n; i++) {
            double t = times[i];
            if (Double.isNaN(t)) {
                ranks[i] = unique;
            } else {
                if (t != last) {
                    last = t;
                    lastRank = rankOf.get(t);
                }
                ranks[i] = lastRank;
            }
            counts[ranks[i] + 1]++;
        }
        for (int r = 1; r < counts.length; r++) {
            counts[r] += counts[r - 1];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[counts[ranks[i]]++] = i;
        }
        return order;
    }

    private static int[] keyOrder(double[] times) {
        int n = times.length;
        double[] distinct = new double[n];
        int known = 0;
        for (double t : times) {
            if (!Double.isNaN(t)) {
                distinct[known++] = t;
            }
        }
        Arrays.sort(distinct, 0, known);
        int unique = 0;
        for (int i = 0; i < known; i++) {
            if (unique == 0 || distinct[i] != distinct[unique - 1]) {
                distinct[unique++] = distinct[i];
            }
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = Double.isNaN(times[i]) ? unique : Arrays.binarySearch(distinct, 0, unique, times[i]);
            keys[i] = rank << 32 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** The times in the order {@link #order} gives. */
    public static double[] sorted(double[] times) {
        return sorted(times, order(times));
    }

    /** The times in the given order. */
    public static double[] sorted(double[] times, int[] order) {
        double[] out = new double[times.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = times[order[i]];
        }
        return out;
    }

    private static double[] seconds(CategoricalColumn text, DateTimes.Format format) {
        List<String> levels = text.levels();
        double[] byLevel = new double[levels.size()];
        for (int l = 0; l < byLevel.length; l++) {
            byLevel[l] = format.seconds(levels.get(l));
        }
        int[] codes = text.codes();
        double[] out = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] < 0 ? Double.NaN : byLevel[codes[i]];
        }
        return out;
    }

    private static List<String> levels(CategoricalColumn text) {
        return new ArrayList<>(text.levels());
    }
}
