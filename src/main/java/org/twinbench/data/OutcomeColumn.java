package org.twinbench.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column of a table is the outcome a model predicts — one inference shared by {@code train}, the
 * data panel and the wizard. Every column is scored as an outcome:
 * <ul>
 *   <li>its name says outcome (churn, default, label, target, outcome, class, result, y, attrition, fraud,
 *       status, … in any case): +{@value #STRONG_NAME}, or +{@value #WEAK_NAME} for words that are often
 *       but not always outcomes (status, price, sales, …); a column named {@code y} beside columns named
 *       {@code x} and {@code z} is a coordinate (a diamond's width, a point in space), not an outcome, and
 *       gets no credit for its name;</li>
 *   <li>few distinct values: two +{@value #TWO_VALUES}; up to ten +{@value #FEW_VALUES}; up to fifty
 *       +{@value #SOME_VALUES}; a column whose every value differs gets no credit for being few;</li>
 *   <li>the last column +{@value #LAST_COLUMN} (where tables usually keep their label);</li>
 *   <li>a calendar number — whole numbers in a column named year (yr), month (mo), week, quarter, day or weekday (or with such
 *       a word in its name) — {@value #CALENDAR}: it says when, not what came of it;</li>
 *   <li>a near-copy of another column (the two map one to one on {@value #COPY_SHARE} of the rows, or
 *       correlate with |r| &ge; {@value #COPY_CORRELATION}) {@value #NEAR_COPY}; mostly missing
 *       {@value #MOSTLY_MISSING}.</li>
 * </ul>
 * Identifiers, dates, timestamps and personal data ({@link Schema#infer}) and columns that call for no
 * {@link Task} (a single value, or more than {@value Task#MAX_CLASSES} texts) are never candidates. The
 * best candidate is chosen when the choice is clear: a score of at least {@value #CLEAR_SCORE} and
 * {@value #CLEAR_MARGIN} more than the next; otherwise the caller asks.
 */
public final class OutcomeColumn {

    static final double STRONG_NAME = 4;
    static final double WEAK_NAME = 2;
    static final double TWO_VALUES = 3;
    static final double FEW_VALUES = 1.5;
    static final double SOME_VALUES = 0.5;
    static final double LAST_COLUMN = 1;
    static final double NEAR_COPY = -3;
    static final double MOSTLY_MISSING = -2;
    static final double CALENDAR = -3;
    /** Words that name a calendar unit. */
    private static final Set<String> CALENDAR_WORDS = Set.of("year", "yr", "month", "mo", "week", "quarter", "day",
            "weekday");
    /** The least score of a chosen outcome. */
    public static final double CLEAR_SCORE = 2.5;
    /** How far the chosen outcome's score must be above the next one's. */
    public static final double CLEAR_MARGIN = 2;
    static final double COPY_SHARE = 0.99;
    static final double COPY_CORRELATION = 0.999;
    /** Rows both columns must hold before two columns can be called copies of each other. */
    static final int COPY_MIN_ROWS = 20;
    /** Rows compared when looking for near-copies (the first ones): enough to tell, bounded on big tables. */
    static final int COPY_SAMPLE = 50_000;

    /** Word beginnings that name an outcome (a word starting with one counts: churned, defaulted, labels). */
    private static final List<String> OUTCOME_STEMS = List.of("churn", "default", "label", "target", "outcome",
            "class", "result", "attrition", "fraud", "surviv", "convert", "diagnos", "readmit", "spam", "exited",
            "cancel", "subscribed", "purchased", "clicked", "approved");
    /** Whole words that name an outcome. */
    private static final Set<String> OUTCOME_WORDS = Set.of("y", "left", "response", "won", "success", "failure",
            "deny", "denied", "admit", "admitted", "accepted", "rejected");
    /** Whole words often, not always, naming an outcome. */
    private static final Set<String> WEAK_WORDS = Set.of("status", "quality", "grade", "price", "sales", "demand",
            "revenue", "yield", "duration", "delay", "ridership", "riders", "count", "amount", "cost", "charges",
            "salary", "wage", "volume", "consumption", "usage", "value");

    /** One column scored as an outcome; {@code reason} says why, in the user's words. */
    public record Candidate(String column, double score, Task task, int values, String reason) {
    }

    /**
     * The candidates, best first, and the chosen one (null when the choice is not clear).
     */
    public record Inference(List<Candidate> candidates, Candidate chosen) {

        public Inference {
            candidates = List.copyOf(candidates);
        }

        /** The chosen column's name, if the choice is clear. */
        public Optional<String> column() {
            return Optional.ofNullable(chosen).map(Candidate::column);
        }

        /** The candidates on one line, best first: {@code churned (binary; name says outcome, two values), …}. */
        public String describeCandidates(int limit) {
            List<String> parts = new ArrayList<>();
            for (Candidate c : candidates.subList(0, Math.min(limit, candidates.size()))) {
                parts.add(c.column() + " (" + c.task().id() + "; " + c.reason() + ")");
            }
            return String.join(", ", parts);
        }
    }

    private OutcomeColumn() {
    }

    /** The inference on a loaded table, using the kinds recognised on load. */
    public static Inference infer(Dataset dataset) {
        Schema schema = Schema.infer(dataset, null);
        Frame frame = dataset.frame();
        List<Candidate> candidates = new ArrayList<>();
        List<Column> columns = frame.columns();
        boolean coordinates = coordinates(columns);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            ColumnRole role = schema.role(column.name());
            if (role == ColumnRole.ID || role == ColumnRole.PII || role == ColumnRole.TIMESTAMP) {
                continue;
            }
            Optional<Task> task = Task.of(column);
            if (task.isEmpty()) {
                continue;
            }
            candidates.add(score(frame, column, task.get(), c == columns.size() - 1, coordinates));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        candidates.removeIf(c -> c.score() <= 0);
        Candidate best = candidates.isEmpty() ? null : candidates.get(0);
        boolean clear = best != null && best.score() >= CLEAR_SCORE
                && (candidates.size() == 1 || best.score() - candidates.get(1).score() >= CLEAR_MARGIN);
        return new Inference(candidates, clear ? best : null);
    }

    /** The inference on a table without recorded kinds: text columns whose values are all dates count as dates. */
    public static Inference infer(Frame frame) {
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        for (Column column : frame.columns()) {
            ValueKind kind = ValueKind.of(column);
            if (column instanceof CategoricalColumn text && !text.levels().isEmpty()) {
                ValueKind dated = DateTimes.kind(text.levels());
                kind = dated == null ? kind : dated;
            }
            kinds.put(column.name(), kind);
        }
        return infer(new Dataset(frame, new DataProvenance("table", "", frame.rowCount(), frame.columns().size()),
                kinds, List.of()));
    }

    private static Candidate score(Frame frame, Column column, Task task, boolean last, boolean coordinates) {
        List<String> why = new ArrayList<>();
        double score = 0;
        double name = nameScore(column.name());
        if (coordinates && isCoordinate(column.name())) {
            name = 0;
            why.add("x, y, z read as coordinates");
        }
        if (calendarNumber(column)) {
            // A year, a month or a week written as a whole number says when, not what came of it.
            score += CALENDAR;
            why.add("a calendar number");
        }
        if (name > 0) {
            score += name;
            why.add("name says " + (name == STRONG_NAME ? "outcome" : "it may be an outcome"));
        }
        int distinct = Task.distinctValues(column, Integer.MAX_VALUE);
        int present = column.size() - column.missingCount();
        if (distinct == 2) {
            score += TWO_VALUES;
            why.add("two values");
        } else if (distinct < present && task == Task.MULTICLASS) {
            score += distinct <= Task.MAX_INTEGER_CLASSES ? FEW_VALUES : SOME_VALUES;
            why.add(distinct + " values");
        } else {
            why.add(distinct + " values");
        }
        if (last) {
            score += LAST_COLUMN;
            why.add("last column");
        }
        if (present < 0.5 * column.size()) {
            score += MOSTLY_MISSING;
            why.add("mostly missing");
        }
        String copied = copyOf(frame, column);
        if (copied != null) {
            score += NEAR_COPY;
            why.add("a near-copy of '" + copied + "'");
        }
        return new Candidate(column.name(), score, task, distinct, String.join(", ", why));
    }

    /** {@value #STRONG_NAME} when a word of the name says outcome, {@value #WEAK_NAME} when it may, else 0. */
    static double nameScore(String name) {
        double best = 0;
        String previous = "";
        for (String word : PiiDetector.words(name)) {
            String w = word.toLowerCase(Locale.ROOT);
            boolean subclass = previous.equals("sub") && w.startsWith("class");
            previous = w;
            // A subclass names a kind of thing (the Ames houses' MS_SubClass: a dwelling type), not what came of it.
            if (!subclass && (OUTCOME_WORDS.contains(w) || OUTCOME_STEMS.stream().anyMatch(w::startsWith))) {
                return STRONG_NAME;
            }
            if (WEAK_WORDS.contains(w)) {
                best = WEAK_NAME;
            }
        }
        return best;
    }

    /** Whether the table has columns named x, y and z (any case): then they are coordinates. */
    static boolean coordinates(List<Column> columns) {
        Set<String> names = new java.util.HashSet<>();
        for (Column column : columns) {
            names.add(column.name().trim().toLowerCase(Locale.ROOT));
        }
        return names.containsAll(List.of("x", "y", "z"));
    }

    /**
     * A numeric column of whole numbers named year (yr), month (mo), week, quarter, day or weekday (alone or as a word of the
     * name: survey_year, birth_month): R's penguins' year, 2007 to 2009.
     */
    public static boolean calendarNumber(Column column) {
        if (!(column instanceof NumericColumn numeric)) {
            return false;
        }
        boolean named = java.util.Arrays.stream(PiiDetector.words(column.name())).map(w -> w.toLowerCase(Locale.ROOT))
                .anyMatch(CALENDAR_WORDS::contains);
        if (!named) {
            return false;
        }
        for (int i = 0; i < numeric.size(); i++) {
            double v = numeric.get(i);
            if (!Double.isNaN(v) && v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCoordinate(String name) {
        return List.of("x", "y", "z").contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The first other column {@code column} nearly copies, or null. */
    private static String copyOf(Frame frame, Column column) {
        int n = Math.min(frame.rowCount(), COPY_SAMPLE);
        for (Column other : frame.columns()) {
            if (other == column) {
                continue;
            }
            boolean copy = column instanceof NumericColumn a && other instanceof NumericColumn b
                    && Task.distinctValues(column, Task.MAX_INTEGER_CLASSES + 1) > Task.MAX_INTEGER_CLASSES
                    ? correlated(a.values(), b.values(), n) : oneToOne(codes(column, n), codes(other, n));
            if (copy) {
                return other.name();
            }
        }
        return null;
    }

    private static boolean correlated(double[] x, double[] y, int n) {
        double sx = 0;
        double sy = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                m++;
            }
        }
        if (m < COPY_MIN_ROWS) {
            return false;
        }
        double mx = sx / m;
        double my = sy / m;
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                xy += (x[i] - mx) * (y[i] - my);
                xx += (x[i] - mx) * (x[i] - mx);
                yy += (y[i] - my) * (y[i] - my);
            }
        }
        return xx > 0 && yy > 0 && Math.abs(xy / Math.sqrt(xx * yy)) >= COPY_CORRELATION;
    }

    /** Codes of the first {@code n} values of a column (−1 where missing), numbers coded by value. */
    private static int[] codes(Column column, int n) {
        int[] out = new int[n];
        if (column instanceof CategoricalColumn text) {
            System.arraycopy(text.codes(), 0, out, 0, n);
            return out;
        }
        Map<Double, Integer> seen = new HashMap<>();
        double[] values = ((NumericColumn) column).values();
        for (int i = 0; i < n; i++) {
            out[i] = Double.isNaN(values[i]) ? -1 : seen.computeIfAbsent(values[i], v -> seen.size());
        }
        return out;
    }

    /** Whether each value of one column goes with one value of the other, both ways, on {@value #COPY_SHARE} of rows. */
    private static boolean oneToOne(int[] a, int[] b) {
        return agreement(a, b) >= COPY_SHARE && agreement(b, a) >= COPY_SHARE;
    }

    /** The share of rows (both present) whose {@code b} is the most frequent {@code b} of their {@code a}. */
    private static double agreement(int[] a, int[] b) {
        Map<Long, Integer> pairs = new HashMap<>();
        int both = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                pairs.merge(((long) a[i] << 32) | b[i], 1, Integer::sum);
                both++;
            }
        }
        // Two columns of values that hardly repeat (two ids, an id and an amount) pair up one to one
        // by construction; that says nothing about copying.
        if (both < COPY_MIN_ROWS || pairs.size() > both / 2) {
            return 0;
        }
        Map<Integer, Integer> best = new HashMap<>();
        pairs.forEach((key, count) -> best.merge((int) (key >>> 32), count, Math::max));
        return (double) best.values().stream().mapToInt(Integer::intValue).sum() / both;
    }
}
