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
 */
public final class SliceFinder {

    /** Level-2 slices extended to level 3. */
    public static final int BEAM = 200;

    /** One condition of a slice. */
    public record Predicate(String column, String value) {
    }

    /**
     * A slice and how it compares with the rest of the rows.
     *
     * @param effect the rest's accuracy minus the slice's (positive: the slice is worse)
     * @param pValue the two-sided p-value of the two-proportion z-test, not adjusted
     */
    public record Slice(List<Predicate> predicates, int n, int correct, double accuracy, double restAccuracy,
                        double low, double high, double pValue, double effect) {
        public Slice {
            predicates = List.copyOf(predicates);
        }
    }

    /** What the search found and how many slices it tested (the Bonferroni factor). */
    public record Result(List<Slice> slices, int tested, int rows, double accuracy) {
        public Result {
            slices = List.copyOf(slices);
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
     * A slice under construction: its columns and codes in column order, its size and correct rows, and
     * its rows (null for the root, which is every row, and for slices that will not be extended).
     */
    private record Node(int[] columns, int[] codes, int[] rows, int size, int correct) {
        int lastColumn() {
            return columns[columns.length - 1];
        }
    }

    /**
     * @param columns the slicings, one code per row ({@code -1}: the row has no value), all of one length
     * @param correct whether the model was right on each row
     */
    public static Result find(List<SliceColumn> columns, boolean[] correct, Options options) {
        int n = correct.length;
        int totalCorrect = 0;
        for (boolean c : correct) {
            totalCorrect += c ? 1 : 0;
        }
        double overallError = n == 0 ? 0 : 1 - (double) totalCorrect / n;
        List<Slice> found = new ArrayList<>();
        int tested = 0;
        Node root = new Node(new int[0], new int[0], null, n, totalCorrect);
        List<Node> level = extend(root, columns, correct, options.minSize(), options.maxDepth() > 1);
        for (int depth = 1; depth <= options.maxDepth() && !level.isEmpty(); depth++) {
            List<Slice> scored = new ArrayList<>();
            for (Node node : level) {
                scored.add(slice(node, columns, n, totalCorrect));
            }
            tested += level.size();
            found.addAll(scored);
            if (depth == options.maxDepth()) {
                break;
            }
            List<Node> parents = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                Node node = level.get(i);
                // A child keeps at most the parent's errors on at least minSize rows.
                double bestChildError = Math.min(1.0, (double) (node.size() - node.correct()) / options.minSize());
                if (bestChildError > overallError) {
                    parents.add(node);
                }
            }
            if (depth == 2 && parents.size() > BEAM) {
                parents = worst(parents, n, totalCorrect);
            }
            List<Node> next = new ArrayList<>();
            for (Node parent : parents) {
                next.addAll(extend(parent, columns, correct, options.minSize(), depth + 1 < options.maxDepth()));
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
        for (Slice s : worse) {
            if (listed.size() >= options.top()) {
                break;
            }
            boolean refinesListed = listed.stream().anyMatch(l -> s.predicates().containsAll(l.predicates()));
            if (!refinesListed) {
                listed.add(s);
            }
        }
        return new Result(listed, tested, n, n == 0 ? Double.NaN : (double) totalCorrect / n);
    }

    /** The {@value #BEAM} nodes with the largest accuracy gap to the rest. */
    private static List<Node> worst(List<Node> nodes, int n, int totalCorrect) {
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingDouble(node -> -gap(node, n, totalCorrect)));
        return new ArrayList<>(sorted.subList(0, BEAM));
    }

    private static double gap(Node node, int n, int totalCorrect) {
        int size = node.size();
        double rest = n - size == 0 ? 0 : (double) (totalCorrect - node.correct()) / (n - size);
        return rest - (double) node.correct() / size;
    }

    /**
     * The children of {@code parent}: a value of each later column, counted in one pass over its rows;
     * their own rows are kept only when they will be extended ({@code keepRows}).
     */
    private static List<Node> extend(Node parent, List<SliceColumn> columns, boolean[] correct, int minSize,
                                     boolean keepRows) {
        int parentSize = parent.size();
        int[] parentRows = parent.rows();
        int first = parent.columns().length == 0 ? 0 : parent.lastColumn() + 1;
        List<Node> children = new ArrayList<>();
        for (int c = first; c < columns.size(); c++) {
            SliceColumn column = columns.get(c);
            int levels = column.levels().size();
            int[] size = new int[levels];
            int[] right = new int[levels];
            int[] codes = column.codes();
            for (int k = 0; k < parentSize; k++) {
                int row = parentRows == null ? k : parentRows[k];
                int code = codes[row];
                if (code >= 0) {
                    size[code]++;
                    right[code] += correct[row] ? 1 : 0;
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
                    children.add(new Node(childColumns, childCodes, members[v], size[v], right[v]));
                }
            }
        }
        return children;
    }

    private static Slice slice(Node node, List<SliceColumn> columns, int n, int totalCorrect) {
        List<Predicate> predicates = new ArrayList<>();
        for (int i = 0; i < node.columns().length; i++) {
            SliceColumn column = columns.get(node.columns()[i]);
            predicates.add(new Predicate(column.name(), column.levels().get(node.codes()[i])));
        }
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
