package org.twinbench.sim.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepOutput;

/**
 * Checks every step's rows of some columns against the reference rows, as a production team's data
 * checks would: the share of <b>missing</b> values, numbers <b>outside the reference range</b>, and values in
 * <b>categories the reference never had</b>. Each check alarms (kind {@code alarm}, detail starting with
 * {@value #PREFIX}) in the step where it starts to fail and again only after it has recovered, so a
 * pipeline break (a column that stops arriving) alarms in the step it starts, once. Three checks hold without a
 * rate: a column <b>absent</b> from the step's rows (it no longer arrives; counted as wholly missing), a
 * column of numbers that <b>arrives as text</b> (numbers where the reference had text are compared as text), and,
 * in a data-quality node ({@link #withNewColumnsBeyond}), a column that <b>appears</b> beyond the reference's
 * columns: one alarm per column, in the step it first arrives.
 *
 * <p>A check fails when the step's count is both large and improbable under the reference: the one-sided
 * exact binomial test of the count against the reference's rate has p below {@code alpha} (0.001 by
 * default, per column, check and step), and the share exceeds the reference rate by at least
 * {@value #MIN_EXCESS_MISSING} (missing), {@value #MIN_SHARE_OUTSIDE} (outside the range) or
 * {@value #MIN_SHARE_NEW} (new categories). The reference rate of a value outside the range of R
 * reference values is at least 2 / (R + 1) (the chance that an exchangeable new value is the smallest or the
 * largest), or for heavy tails the share of each half of the reference outside the other half's range,
 * if larger; that of a new category is the share of reference values whose category occurs once (Good and
 * Turing's estimate of the unseen mass).
 *
 * <p>Records {@code <id>.missing_share} per step: the largest missing share among the columns.
 */
public record DataQualityMonitor(String nodeId, List<Profile> profiles, double alpha, Set<String> referenceColumns)
        implements Monitor {

    /** The start of every data-quality alarm's detail. */
    public static final String PREFIX = "data quality: ";
    static final double MIN_EXCESS_MISSING = 0.05;
    static final double MIN_SHARE_OUTSIDE = 0.10;
    static final double MIN_SHARE_NEW = 0.01;

    /** What the reference rows say of one column. */
    public record Profile(String column, double missingRate, double min, double max, double outsideRate,
                          Set<String> categories, double newRate) {
        public Profile {
            categories = categories == null ? null : Set.copyOf(categories);
        }

        /** The profile of {@code column} in the reference rows. */
        public static Profile of(Column column) {
            int n = column.size();
            int missing = 0;
            for (int i = 0; i < n; i++) {
                missing += column.isMissing(i) ? 1 : 0;
            }
            double missingRate = n == 0 ? 0 : (double) missing / n;
            int present = n - missing;
            if (column instanceof NumericColumn numeric) {
                double[] values = numeric.presentValues();
                double[] range = range(values, 0, 1);
                return new Profile(column.name(), missingRate, range[0], range[1], nullOutsideRate(values), null, 0);
            }
            CategoricalColumn text = (CategoricalColumn) column;
            int[] counts = new int[text.levels().size()];
            for (int code : text.codes()) {
                if (code >= 0) {
                    counts[code]++;
                }
            }
            Set<String> seen = new HashSet<>();
            int singletons = 0;
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] > 0) {
                    seen.add(text.levels().get(c));
                }
                singletons += counts[c] == 1 ? 1 : 0;
            }
            return new Profile(column.name(), missingRate, Double.NaN, Double.NaN, 0, seen,
                    present == 0 ? 0 : (double) singletons / present);
        }
    }

    /** {min, max} of every {@code step}-th value from {@code first}. */
    private static double[] range(double[] values, int first, int step) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = first; i < values.length; i += step) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new double[] {min, max};
    }

    /**
     * How often a new value falls outside the reference range when nothing has changed: at least 2 / (R + 1),
     * and for heavy tails the share of each half of the reference (even and odd rows) outside the other
     * half's range, averaged.
     */
    static double nullOutsideRate(double[] values) {
        int n = values.length;
        double exchangeable = 2.0 / (n + 1);
        if (n < 20) {
            return exchangeable;
        }
        int outside = 0;
        for (int half = 0; half < 2; half++) {
            double[] other = range(values, 1 - half, 2);
            for (int i = half; i < n; i += 2) {
                outside += values[i] < other[0] || values[i] > other[1] ? 1 : 0;
            }
        }
        return Math.max(exchangeable, (double) outside / n);
    }

    public DataQualityMonitor {
        profiles = List.copyOf(profiles);
        referenceColumns = referenceColumns == null ? null : Set.copyOf(referenceColumns);
    }

    /** A monitor of the profiled columns that does not look for new columns. */
    public DataQualityMonitor(String nodeId, List<Profile> profiles, double alpha) {
        this(nodeId, profiles, alpha, null);
    }

    /**
     * This monitor also alarming once for every column that appears beyond {@code reference}'s columns, in the step
     * it first arrives (a data-quality node does; a feature-drift node checks its own features only).
     */
    public DataQualityMonitor withNewColumnsBeyond(Frame reference) {
        return new DataQualityMonitor(nodeId, profiles, alpha, new HashSet<>(reference.columnNames()));
    }

    /** A monitor of {@code columns} of the reference rows. */
    public static DataQualityMonitor of(String nodeId, Frame reference, List<String> columns, double alpha) {
        List<Profile> profiles = new ArrayList<>();
        for (String column : columns) {
            profiles.add(Profile.of(reference.column(column)));
        }
        return new DataQualityMonitor(nodeId, profiles, alpha);
    }

    /**
     * The columns checked when none are named: every column but the target, identifiers (text whose values
     * are mostly distinct) and dates (new dates are the point of time passing, not a data problem); and, when
     * {@code inTimeOrder} (a replay by a time column, whose reference rows come in time order), numbers that
     * never fall along the reference (a year, a running count): past the reference's range they are clocks
     * going on, not broken data.
     */
    public static List<String> defaultColumns(Frame reference, String target, boolean inTimeOrder) {
        List<String> out = new ArrayList<>();
        for (Column column : reference.columns()) {
            if (column.name().equals(target)
                    || inTimeOrder && column instanceof NumericColumn numbers && neverFalls(numbers)) {
                continue;
            }
            if (column instanceof CategoricalColumn text) {
                int present = 0;
                for (int code : text.codes()) {
                    present += code >= 0 ? 1 : 0;
                }
                boolean idLike = text.levels().size() * 2L > present && present > 20;
                boolean dates = !org.twinbench.data.DateTimes.candidates(text.levels()).isEmpty();
                if (idLike || dates) {
                    continue;
                }
            }
            out.add(column.name());
        }
        return out;
    }

    /**
     * {@code columns} less, when {@code inTimeOrder}, the numbers that never fall along the reference (a year, a
     * running count): the checks a feature-drift node makes on its features leave out clocks as
     * {@link #defaultColumns} does.
     */
    public static List<String> withoutClocks(Frame reference, List<String> columns, boolean inTimeOrder) {
        if (!inTimeOrder) {
            return columns;
        }
        return columns.stream().filter(c -> !(reference.has(c) && reference.column(c) instanceof NumericColumn n
                && neverFalls(n))).toList();
    }

    /** Whether the present values never fall from one row to the next and take at least two values. */
    static boolean neverFalls(NumericColumn column) {
        double last = Double.NaN;
        boolean rose = false;
        for (int i = 0; i < column.size(); i++) {
            double v = column.get(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (v < last) {
                return false;
            }
            rose |= v > last;
            last = v;
        }
        return rose;
    }

    @Override
    public AlarmRate alarmRate() {
        // Two checks per column: missing values, and values outside the range or in new categories.
        return new AlarmRate(nodeId, 2 * profiles.size(), alpha, true);
    }

    @Override
    public Watch start() {
        Map<String, Boolean> failing = new LinkedHashMap<>();
        Set<String> appeared = new HashSet<>();
        // Each profile's checks by name ("income/missing"), named once a run rather than at every step.
        String[][] checks = new String[profiles.size()][];
        for (int i = 0; i < checks.length; i++) {
            String column = profiles.get(i).column();
            checks[i] = new String[] {column + "/absent", column + "/type", column + "/missing", column + "/range",
                    column + "/new"};
        }
        return (arrived, current, out) -> {
            newColumns(current.rows(), out, appeared);
            check(current.rows(), out, failing, checks);
        };
    }

    /** One alarm per column beyond the reference's, in the step it first arrives, naming it and its kind. */
    private void newColumns(Frame rows, StepOutput out, Set<String> appeared) {
        if (referenceColumns == null) {
            return;
        }
        for (Column column : rows.columns()) {
            if (!referenceColumns.contains(column.name()) && appeared.add(column.name())) {
                out.signal(nodeId, Alarm.ALARM, PREFIX + column.name() + " appears: a column the reference does not "
                        + "have (" + (column instanceof NumericColumn ? "numbers" : "text") + ", " + examples(column)
                        + ")");
            }
        }
    }

    private void check(Frame rows, StepOutput out, Map<String, Boolean> failing, String[][] checks) {
        int b = rows.rowCount();
        double worstMissing = 0;
        for (int c = 0; c < profiles.size(); c++) {
            Profile p = profiles.get(c);
            String[] check = checks[c];
            Column column = rows.has(p.column()) ? rows.column(p.column()) : null;
            alarm(out, failing, check[0], column == null, () -> p.column()
                    + " no longer arrives: the step's rows have no such column");
            if (column == null) {
                worstMissing = 1;
                continue;
            }
            // Text where the reference had numbers is a break (a parser that gave up, a placeholder such as n/a);
            // numbers where it had text are compared as text (a chunk of codes that happen to read as numbers).
            boolean numbersBecameText = p.categories() == null && !(column instanceof NumericColumn);
            alarm(out, failing, check[1], numbersBecameText, () -> p.column() + " arrives as text where "
                    + "the reference has numbers: " + examples(column));
            int missing = 0;
            int outside = 0;
            int fresh = 0;
            Set<String> freshNames = null;
            for (int i = 0; i < b; i++) {
                if (column.isMissing(i)) {
                    missing++;
                } else if (column instanceof NumericColumn numeric && p.categories() == null) {
                    double v = numeric.get(i);
                    outside += v < p.min() || v > p.max() ? 1 : 0;
                } else if (p.categories() != null) {
                    String v = org.twinbench.data.BinaryLabels.text(column, i);
                    if (!p.categories().contains(v)) {
                        fresh++;
                        freshNames = freshNames == null ? new java.util.TreeSet<>() : freshNames;
                        if (freshNames.size() < 3) {
                            freshNames.add(v);
                        }
                    }
                }
            }
            int missingRows = missing;
            int outsideRows = outside;
            int freshRows = fresh;
            Set<String> freshSeen = freshNames == null ? Set.of() : freshNames;
            double missingShare = b == 0 ? 0 : (double) missing / b;
            worstMissing = Math.max(worstMissing, missingShare);
            int present = b - missing;
            alarm(out, failing, check[2], b > 0 && missingShare - p.missingRate() >= MIN_EXCESS_MISSING
                    && upperTail(missing, b, p.missingRate()) < alpha, () -> String.format(Locale.ROOT,
                    "%s missing in %d of %d rows (%.0f%%; reference %.1f%%)", p.column(), missingRows, b,
                    100 * missingShare, 100 * p.missingRate()));
            if (column instanceof NumericColumn && p.categories() == null) {
                double share = present == 0 ? 0 : (double) outside / present;
                alarm(out, failing, check[3], present > 0 && share >= MIN_SHARE_OUTSIDE
                        && upperTail(outside, present, p.outsideRate()) < alpha, () -> String.format(Locale.ROOT,
                        "%s outside the reference range [%s, %s] in %d of %d rows (%.0f%%)", p.column(),
                        number(p.min()), number(p.max()), outsideRows, present, 100 * share));
            } else if (p.categories() != null) {
                double share = present == 0 ? 0 : (double) fresh / present;
                alarm(out, failing, check[4], present > 0 && share >= MIN_SHARE_NEW
                        && upperTail(fresh, present, p.newRate()) < alpha, () -> String.format(Locale.ROOT,
                        "%s in categories the reference never had in %d of %d rows (%.0f%%): %s", p.column(),
                        freshRows, present, 100 * share, String.join(", ", freshSeen)));
            }
        }
        out.measure(nodeId + ".missing_share", worstMissing);
    }

    /** Up to three of a column's present values, quoted: what arrived instead of numbers. */
    private static String examples(Column column) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        for (int i = 0; i < column.size() && seen.size() < 3; i++) {
            if (!column.isMissing(i)) {
                seen.add("'" + org.twinbench.data.BinaryLabels.text(column, i) + "'");
            }
        }
        return seen.isEmpty() ? "no value" : String.join(", ", seen);
    }

    private void alarm(StepOutput out, Map<String, Boolean> failing, String check, boolean fails,
                       java.util.function.Supplier<String> detail) {
        boolean before = failing.getOrDefault(check, false);
        if (fails && !before) {
            out.signal(nodeId, Alarm.ALARM, PREFIX + detail.get());
        }
        failing.put(check, fails);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** P(X ≥ k) for X ~ Binomial(n, p), summed in log space from k up until the terms no longer matter. */
    static double upperTail(int k, int n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logTerm = logChoose(n, k) + k * logP + (n - k) * logQ;
        double sum = 0;
        for (int j = k; j <= n; j++) {
            double term = Math.exp(logTerm);
            sum += term;
            if (term < sum * 1e-16 && j > n * p) {
                break;
            }
            logTerm += Math.log((double) (n - j) / (j + 1)) + logP - logQ;
        }
        return Math.min(1, sum);
    }

    private static double logChoose(int n, int k) {
        return org.twinbench.stats.SpecialFunctions.logGamma(n + 1.0) - org.twinbench.stats.SpecialFunctions.logGamma(k + 1.0)
                - org.twinbench.stats.SpecialFunctions.logGamma(n - k + 1.0);
    }
}
