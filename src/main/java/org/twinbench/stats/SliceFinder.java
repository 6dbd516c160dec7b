package org.twinbench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the groups of rows where a model is worst, rather than guessing them: slices are conjunctions of
 * up to three {@code column = value} predicates (numeric columns binned beforehand, see
 * {@link SliceColumn}), each compared with the rest of the rows.
 *
 * <p>The search is a lattice search in the manner of Slice Finder (Chung et al., 2019) and SliceLine
 * (Sagadeeva &amp; Boehm, SIGMOD 2021):
 * <ul>
 *   <li>level 1: every value of every column with at least {@code minSize} rows (and not every row);</li>
 *   <li>level 2: every slice of level 1 extended by a value of a later column, counted in one pass over the
 *       slice's rows, kept when it still has {@code minSize} rows and fewer rows than its parent;</li>
 *   <li>level 3: the {@value #BEAM} worst slices of level 2 (by accuracy gap to the rest) extended the same
 *       way; a slice whose errors could not make even a {@code minSize}-row child worse than the whole data
 *       is not extended (SliceLine's upper bound on a child's error count).</li>
 * </ul>
 * Each slice is tested against the rest of the rows with the two-sided pooled two-proportion z-test of
 * their accuracies; a slice is reported when it is less accurate than the rest and its p-value, times the
 * number of slices tested (Bonferroni), is below {@code alpha}. Slices are ranked by effect size, the rest's
 * accuracy minus the slice's, and a slice is left out when a slice with a subset of its predicates is
 * already listed above it (it adds a condition but no larger gap). The interval is the slice accuracy's
 * 95% Wilson interval.
 *
 * <p>{@link #findErrors} searches a regression's rows the same way for the slices whose <em>mean absolute
 * error</em> is above the rest's: each slice against the rest by Welch's two-sided t-test of the rows' absolute
 * errors (unequal variances, Welch–Satterthwaite degrees of freedom, {@link WelchTest}), Bonferroni as above,
 * ranked by the slice's MAE minus the rest's; the interval is the slice MAE's 95% t interval. A slice is not
 * extended when no child of it could have a mean absolute error above the whole data's (and so above the rest's):
 * a child of at least {@code minSize} rows has a mean error at most the mean of its parent's {@code minSize}
 * largest errors (errors are never negative) — SliceLine's bound on a child's errors, made for amounts.
 */
public final class SliceFinder {

    /** Level-2 slices extended to level 3. */
    public static final int BEAM = 200;

    /** One condition of a slice. */
    public record Predicate(String column, String value) {
    }

    /**
     * A slice and how it compares with the rest of the rows. In a search of errors ({@link #findErrors},
     * {@link Result#errors()}) {@code accuracy} and {@code restAccuracy} hold the mean absolute errors of the
     * slice and of the rest, {@code correct} is 0, the interval is the t interval of the slice's MAE and
     * {@code effect} is the slice's MAE minus the rest's.
     *
     * @param effect the rest's accuracy minus the slice's (positive: the slice is worse)
     * @param pValue the two-sided p-value of the two-proportion z-test (Welch's t-test for errors), not adjusted
     */
    public record Slice(List<Predicate> predicates, int n, int correct, double accuracy, double restAccuracy,
                        double low, double high, double pValue, double effect) {
        public Slice {
            predicates = List.copyOf(predicates);
        }
    }

    /**
     * What the search found and how many slices it tested (the Bonferroni factor); {@code accuracy} is the
     * searched rows' accuracy, or their mean absolute error when {@code errors}.
     */
    public record Result(List<Slice> slices, int tested, int rows, double accuracy, boolean errors) {
        public Result {
            slices = List.copyOf(slices);
        }

        /** A search of accuracy. */
        public Result(List<Slice> slices, int tested, int rows, double accuracy) {
            this(slices, tested, rows, accuracy, false);
        }
    }

    /**
     * @param maxDepth 1 to 3 predicates
     * @param minSize the fewest rows a slice may have
     * @param top how many slices to report at most
     * @param alpha the family-wise significance level
     */
    public record Options(int maxDepth, int minSize, int top, double alpha) {
        public Options {
            if (maxDepth < 1 || maxDepth > 3) {
                throw new IllegalArgumentException("the depth must be 1, 2 or 3, not " + maxDepth);
            }
            if (minSize < 1) {
                throw new IllegalArgumentException("the minimum slice size must be at least 1, not " + minSize);
            }
        }
    }

    private SliceFinder() {
    }

    /**
     * A slice under construction: its columns and codes in column order, its size, the sum of its rows'
     * values (correct rows, or absolute errors) and of their squares, and its rows (null for the root, which
     * is every row, and for slices that will not be extended).
     */
    private record Node(int[] columns, int[] codes, int[] rows, int size, double sum, double squares) {
        int lastColumn() {
            return columns[columns.length - 1];
        }

        int correct() {
            return (int) Math.round(sum);
        }

        double mean() {
            return sum / size;
        }
    }

    /** The whole data's size and sums, and whether its values are errors (worse when higher) or correct rows. */
    private record Whole(int n, double sum, double squares, boolean errors) {
        /** How much worse the slice is than the rest (positive: worse). */
        double gap(Node node) {
            int rest = n - node.size();
            double restMean = rest == 0 ? 0 : (sum - node.sum()) / rest;
            return errors ? node.mean() - restMean : restMean - node.mean();
        }
    }

    /**
     * @param columns the slicings, one code per row ({@code -1}: the row has no value), all of one length
     * @param correct whether the model was right on each row
     */
    public static Result find(List<SliceColumn> columns, boolean[] correct, Options options) {
        double[] values = new double[correct.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = correct[i] ? 1 : 0;
        }
        return search(columns, values, false, options);
    }

    /**
     * The slices whose mean absolute error is significantly above the rest's (Welch's t-test, Bonferroni).
     *
     * @param columns the slicings, one code per row ({@code -1}: the row has no value), all of one length
     * @param absoluteErrors each row's absolute error, |amount − prediction|
     */
    public static Result findErrors(List<SliceColumn> columns, double[] absoluteErrors, Options options) {
        return search(columns, absoluteErrors, true, options, true);
    }

    /**
     * As {@link #findErrors}, extending every slice whatever its bound (the search before the bound, for the
     * {@code bench} figure that compares the two); finds the same slices.
     */
    public static Result findErrorsUnpruned(List<SliceColumn> columns, double[] absoluteErrors, Options options) {
        return search(columns, absoluteErrors, true, options, false);
    }

    private static Result search(List<SliceColumn> columns, double[] values, boolean errors, Options options) {
        return search(columns, values, errors, options, true);
    }

    private static Result search(List<SliceColumn> columns, double[] values, boolean errors, Options options,
                                 boolean prune) {
        int n = values.length;
        double total = 0;
        double squares = 0;
        for (double v : values) {
            total += v;
            squares += v * v;
        }
        Whole whole = new Whole(n, total, squares, errors);
        double overallError = n == 0 ? 0 : 1 - total / n;
        List<Slice> found = new ArrayList<>();
        int tested = 0;
        Node root = new Node(new int[0], new int[0], null, n, total, squares);
        List<Node> level = extend(root, columns, values, options.minSize(), options.maxDepth() > 1);
        for (int depth = 1; depth <= options.maxDepth() && !level.isEmpty(); depth++) {
            for (Node node : level) {
                found.add(errors ? errorSlice(node, columns, whole) : slice(node, columns, n, (int) Math.round(total)));
            }
            tested += level.size();
            if (depth == options.maxDepth()) {
                break;
            }
            List<Node> parents = new ArrayList<>();
            for (Node node : level) {
                // A child keeps at most the parent's errors on at least minSize rows: of a classifier, its wrong
                // rows; of amounts, its minSize largest errors at best.
                boolean promising = errors ? canBeWorse(node, values, options.minSize(), whole.sum() / n)
                        : Math.min(1.0, (node.size() - node.sum()) / options.minSize()) > overallError;
                if (!prune || promising) {
                    parents.add(node);
                }
            }
            if (depth == 2 && parents.size() > BEAM) {
                parents = worst(parents, whole);
            }
            List<Node> next = new ArrayList<>();
            for (Node parent : parents) {
                next.addAll(extend(parent, columns, values, options.minSize(), depth + 1 < options.maxDepth()));
            }
            level = next;
        }
        double bonferroni = Math.max(1, tested);
        List<Slice> worse = new ArrayList<>();
        for (Slice s : found) {
            if (s.effect() > 0 && s.pValue() * bonferroni < options.alpha()) {
                worse.add(s);
            }
        }
        worse.sort(Comparator.comparingDouble(Slice::effect).reversed()
                .thenComparingInt(s -> s.predicates().size()).thenComparing(s -> s.predicates().toString()));
        List<Slice> listed = new ArrayList<>();
        List<java.util.BitSet> listedRows = new ArrayList<>();
        for (Slice s : worse) {
            if (listed.size() >= options.top()) {
                break;
            }
            boolean refinesListed = listed.stream().anyMatch(l -> s.predicates().containsAll(l.predicates()));
            // The same rows named otherwise (diamonds' length x and width y are one size: "x=[6.68, 9.38]" and
            // "y=[6.674, 9.31]" held the same 71 stones) are listed once, under the first name.
            java.util.BitSet rows = refinesListed ? null : rowsOf(s, columns, n);
            if (!refinesListed && !listedRows.contains(rows)) {
                listed.add(errors ? withInterval(s, values, columns) : s);
                listedRows.add(rows);
            }
        }
        return new Result(listed, tested, n, n == 0 ? Double.NaN : total / n, errors);
    }

    /** The rows a slice's predicates select, as its columns code them. */
    private static java.util.BitSet rowsOf(Slice slice, List<SliceColumn> columns, int n) {
        java.util.BitSet rows = new java.util.BitSet(n);
        rows.set(0, n);
        for (Predicate p : slice.predicates()) {
            SliceColumn column = columns.stream().filter(c -> c.name().equals(p.column())).findFirst().orElseThrow();
            int code = column.levels().indexOf(p.value());
            for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                if (column.codes()[i] != code) {
                    rows.clear(i);
                }
            }
        }
        return rows;
    }

    /**
     * Whether the mean of the {@code k} largest values of a node's rows is above {@code mean}: at once when {@code k}
     * of them are (the usual case, found in a few rows), else from {@link #largestMean}.
     */
    private static boolean canBeWorse(Node node, double[] values, int k, double mean) {
        int[] rows = node.rows();
        if (rows == null) {
            return true;
        }
        int above = 0;
        for (int row : rows) {
            if (values[row] > mean && ++above >= k) {
                return true;
            }
        }
        return largestMean(node, values, k) > mean;
    }

    /**
     * The mean of the {@code k} largest values of a node's rows (all its rows when it has fewer): the largest mean a
     * child of at least {@code k} of its rows can have when no value is negative. A node without kept rows (one that
     * will not be extended) gives +∞.
     */
    private static double largestMean(Node node, double[] values, int k) {
        int[] rows = node.rows();
        if (rows == null) {
            return Double.POSITIVE_INFINITY;
        }
        int size = Math.min(k, rows.length);
        if (size == 0) {
            return 0;
        }
        // A min-heap of the largest values seen.
        double[] heap = new double[size];
        int filled = 0;
        for (int row : rows) {
            double v = values[row];
            if (filled < size) {
                int i = filled++;
                heap[i] = v;
                while (i > 0 && heap[(i - 1) / 2] > heap[i]) {
                    double t = heap[i];
                    heap[i] = heap[(i - 1) / 2];
                    heap[(i - 1) / 2] = t;
                    i = (i - 1) / 2;
                }
            } else if (v > heap[0]) {
                heap[0] = v;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int smallest = l < size && heap[l] < heap[i] ? l : i;
                    smallest = l + 1 < size && heap[l + 1] < heap[smallest] ? l + 1 : smallest;
                    if (smallest == i) {
                        break;
                    }
                    double t = heap[i];
                    heap[i] = heap[smallest];
                    heap[smallest] = t;
                    i = smallest;
                }
            }
        }
        double sum = 0;
        for (double v : heap) {
            sum += v;
        }
        return sum / size;
    }

    /** The {@value #BEAM} nodes with the largest accuracy gap to the rest. */
    private static List<Node> worst(List<Node> nodes, Whole whole) {
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingDouble(node -> -whole.gap(node)));
        return new ArrayList<>(sorted.subList(0, BEAM));
    }

    /**
     * The children of {@code parent}: a value of each later column, counted in one pass over its rows;
     * their own rows are kept only when they will be extended ({@code keepRows}).
     */
    private static List<Node> extend(Node parent, List<SliceColumn> columns, double[] values, int minSize,
                                     boolean keepRows) {
        int parentSize = parent.size();
        int[] parentRows = parent.rows();
        int first = parent.columns().length == 0 ? 0 : parent.lastColumn() + 1;
        List<Node> children = new ArrayList<>();
        for (int c = first; c < columns.size(); c++) {
            SliceColumn column = columns.get(c);
            int levels = column.levels().size();
            int[] size = new int[levels];
            double[] sum = new double[levels];
            double[] squares = new double[levels];
            int[] codes = column.codes();
            for (int k = 0; k < parentSize; k++) {
                int row = parentRows == null ? k : parentRows[k];
                int code = codes[row];
                if (code >= 0) {
                    double v = values[row];
                    size[code]++;
                    sum[code] += v;
                    squares[code] += v * v;
                }
            }
            int[][] members = new int[levels][];
            boolean anyKept = false;
            for (int v = 0; v < levels; v++) {
                if (keepRows && size[v] >= minSize && size[v] < parentSize) {
                    members[v] = new int[size[v]];
                    anyKept = true;
                }
            }
            if (anyKept) {
                int[] filled = new int[levels];
                for (int k = 0; k < parentSize; k++) {
                    int row = parentRows == null ? k : parentRows[k];
                    int code = codes[row];
                    if (code >= 0 && members[code] != null) {
                        members[code][filled[code]++] = row;
                    }
                }
            }
            for (int v = 0; v < levels; v++) {
                if (size[v] >= minSize && size[v] < parentSize) {
                    int[] childColumns = java.util.Arrays.copyOf(parent.columns(), parent.columns().length + 1);
                    int[] childCodes = java.util.Arrays.copyOf(parent.codes(), parent.codes().length + 1);
                    childColumns[childColumns.length - 1] = c;
                    childCodes[childCodes.length - 1] = v;
                    children.add(new Node(childColumns, childCodes, members[v], size[v], sum[v], squares[v]));
                }
            }
        }
        return children;
    }

    private static List<Predicate> predicates(Node node, List<SliceColumn> columns) {
        List<Predicate> predicates = new ArrayList<>();
        for (int i = 0; i < node.columns().length; i++) {
            SliceColumn column = columns.get(node.columns()[i]);
            predicates.add(new Predicate(column.name(), column.levels().get(node.codes()[i])));
        }
        return predicates;
    }

    /** A slice of errors against the rest, by Welch's t-test; its interval is filled in once it is listed. */
    private static Slice errorSlice(Node node, List<SliceColumn> columns, Whole whole) {
        int size = node.size();
        int restSize = whole.n() - size;
        double mean = node.mean();
        double restSum = whole.sum() - node.sum();
        double restMean = restSize == 0 ? Double.NaN : restSum / restSize;
        double p = restSize < 2 || size < 2 ? 1 : WelchTest.pValue(size, mean, variance(size, node.sum(),
                node.squares()), restSize, restMean, variance(restSize, restSum, whole.squares() - node.squares()));
        return new Slice(predicates(node, columns), size, 0, mean, restMean, Double.NaN, Double.NaN, p,
                mean - restMean);
    }

    /** The sample variance (n − 1) from a sum and a sum of squares, never below 0. */
    private static double variance(int n, double sum, double squares) {
        return n < 2 ? Double.NaN : Math.max(0, (squares - sum * sum / n) / (n - 1));
    }

    /**
     * The listed slice with the 95% t interval of its mean absolute error, its variance taken two-pass from its
     * rows (the one-pass sums lose digits when the errors are large and alike).
     */
    private static Slice withInterval(Slice s, double[] values, List<SliceColumn> columns) {
        double mean = s.accuracy();
        double squares = 0;
        int size = 0;
        for (int row = 0; row < values.length; row++) {
            if (in(s, row, columns)) {
                squares += (values[row] - mean) * (values[row] - mean);
                size++;
            }
        }
        double half = size < 2 ? Double.NaN
                : WelchTest.quantile(0.975, size - 1) * Math.sqrt(squares / (size - 1) / size);
        return new Slice(s.predicates(), s.n(), 0, mean, s.restAccuracy(), mean - half, mean + half, s.pValue(),
                s.effect());
    }

    private static boolean in(Slice s, int row, List<SliceColumn> columns) {
        for (Predicate p : s.predicates()) {
            SliceColumn column = columns.stream().filter(c -> c.name().equals(p.column())).findFirst().orElseThrow();
            int code = column.codes()[row];
            if (code < 0 || !column.levels().get(code).equals(p.value())) {
                return false;
            }
        }
        return true;
    }

    private static Slice slice(Node node, List<SliceColumn> columns, int n, int totalCorrect) {
        List<Predicate> predicates = predicates(node, columns);
        int size = node.size();
        int restSize = n - size;
        int restCorrect = totalCorrect - node.correct();
        double accuracy = (double) node.correct() / size;
        double rest = restSize == 0 ? Double.NaN : (double) restCorrect / restSize;
        double z = restSize == 0 ? 0 : TwoProportionTest.z(node.correct(), size, restCorrect, restSize);
        // Two-sided: 2 (1 − Φ(|z|)) = erfc(|z| / √2), computed directly so that small p-values keep their digits.
        double p = TwoProportionTest.erfc(Math.abs(z) / Math.sqrt(2));
        double[] wilson = WilsonInterval.of(accuracy, size);
        return new Slice(predicates, size, node.correct(), accuracy, rest, wilson[0], wilson[1], p, rest - accuracy);
    }
}
