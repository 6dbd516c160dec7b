package org.twinbench.model;

import java.util.List;
import java.util.Arrays;

/**
 * Small trees (at most {@value #MAX_SPLITS} splits each; gradient boosting grows trees of six leaves, five splits)
 * scored without walking them: every split of a tree is tested for a whole block of rows, one split after
 * another, and the tests' outcomes, one bit per split, pick the row's leaf value from a table of the tree's
 * {@code 2^splits} outcomes.
 *
 * <p>A walk down a tree is a chain of dependent loads (the next node is known only once the row's cell is
 * compared), and a boosting tree of a handful of nodes gives the processor little else to overlap. Here the
 * splits are independent, and each is a loop the JIT turns into vector instructions: the block's cells are first
 * replaced by their ranks among the ensemble's thresholds on their column — {@code r(x)}, how many of the column's
 * distinct thresholds are {@code < x} (a NaN: all of them, so it goes right as in Smile) — and split {@code s},
 * {@code x <= t}, where {@code t} is the column's threshold number {@code q} (from 0, in increasing order), sends a
 * row right exactly when {@code r(x) > q}. That is an int comparison, {@code (q − r) >>> 31}, over one int array
 * per column (an array of its own, so no offset stops the vectorising). A row's outcome code is built Horner's way,
 * {@code code = 2 code + bit}, the first split's bit highest, so every row reaches the leaf Smile's walk reaches.
 * (On one core of the 2-core test machine, 1,200 trees of five splits: the splits 0.2 ns a tree and row, the leaf
 * look-up 0.7 ns; the sign bit of {@code t − x} in doubles, which does not vectorise in Java 17, 2.1 ns for the
 * splits, and {@code Math.min}/{@code Math.max} of doubles 13–21 ns.)
 *
 * <p>The table holds each leaf's value already multiplied by the tree's scale, the same product
 * {@link CompiledTrees} adds, and the trees add to the sums in the same order: the sums are bit for bit the walk's.
 */
final class SplitTables {

    /** The most splits a tree may have: a table of 2^6 = 64 outcomes (512 bytes). */
    static final int MAX_SPLITS = 6;
    /** Per tree, its first split in {@link #column} and {@link #rank}, and one past its last. */
    private final int[] splitsFrom;
    private final int[] column;
    /** Per split, its threshold's position among its column's distinct thresholds, in increasing order. */
    private final int[] rank;
    /** Per encoded column, the distinct thresholds of its splits in increasing order (−0 counted as +0). */
    private final double[][] thresholds;
    /** Per tree, where its table starts in {@link #table}: {@code 2^splits} leaf values. */
    private final int[] tableFrom;
    private final double[] table;

    private SplitTables(int[] splitsFrom, int[] column, int[] rank, double[][] thresholds, int[] tableFrom,
                        double[] table) {
        this.splitsFrom = splitsFrom;
        this.column = column;
        this.rank = rank;
        this.thresholds = thresholds;
        this.tableFrom = tableFrom;
        this.table = table;
    }

    /**
     * The tables of an ensemble whose trees have one value a leaf, at most {@value #MAX_SPLITS} splits each and
     * finite thresholds; null for any other ensemble.
     */
    static SplitTables of(TreeEnsemble ensemble, int width) {
        List<TreeEnsemble.Tree> trees = ensemble.trees();
        int splits = 0;
        int cells = 0;
        for (TreeEnsemble.Tree tree : trees) {
            int m = 0;
            for (int k = 0; k < tree.size(); k++) {
                if (tree.feature()[k] >= 0) {
                    m++;
                    if (!Double.isFinite(tree.threshold()[k])) {
                        return null;
                    }
                } else if (tree.leaf()[k].length != 1) {
                    return null;
                }
            }
            if (m > MAX_SPLITS) {
                return null;
            }
            splits += m;
            cells += 1 << m;
        }
        int[] splitsFrom = new int[trees.size() + 1];
        int[] column = new int[splits];
        double[] threshold = new double[splits];
        int[] tableFrom = new int[trees.size()];
        double[] table = new double[cells];
        int s = 0;
        int cell = 0;
        for (int t = 0; t < trees.size(); t++) {
            TreeEnsemble.Tree tree = trees.get(t);
            splitsFrom[t] = s;
            tableFrom[t] = cell;
            // Splits numbered in pre-order: split j is bit (m − 1 − j) of the code.
            int[] index = new int[tree.size()];
            int m = 0;
            for (int k = 0; k < tree.size(); k++) {
                if (tree.feature()[k] >= 0) {
                    index[k] = m++;
                    column[s] = tree.feature()[k];
                    threshold[s] = tree.threshold()[k] + 0.0;
                    s++;
                }
            }
            for (int code = 0; code < 1 << m; code++) {
                int k = 0;
                while (tree.feature()[k] >= 0) {
                    boolean right = (code >>> (m - 1 - index[k]) & 1) == 1;
                    k = right ? tree.right()[k] : tree.left()[k];
                }
                table[cell + code] = tree.scale() * tree.leaf()[k][0];
            }
            cell += 1 << m;
        }
        splitsFrom[trees.size()] = s;
        double[][] thresholds = cuts(width, column, threshold);
        int[] rank = new int[splits];
        for (int k = 0; k < splits; k++) {
            rank[k] = Arrays.binarySearch(thresholds[column[k]], threshold[k]);
        }
        return new SplitTables(splitsFrom, column, rank, thresholds, tableFrom, table);
    }

    /**
     * The ranks of the block's cells, {@code ranks[j][i]} for column {@code j} of row {@code i}, from the
     * column-major block {@code x[j * rows + i]} of {@code n} rows: how many of the column's thresholds are below the
     * cell (all of them for a NaN).
     */
    void rank(double[] x, int rows, int n, int[][] ranks) {
        for (int j = 0; j < thresholds.length; j++) {
            double[] t = thresholds[j];
            if (t.length == 0) {
                continue;
            }
            int[] out = ranks[j];
            int at = j * rows;
            for (int i = 0; i < n; i++) {
                out[i] = below(t, x[at + i]);
            }
        }
    }

    /**
     * Per encoded column {@code j < width}, the distinct thresholds of the splits {@code k} with {@code feature[k] ==
     * j}, in increasing order, −0 counted as +0 and a NaN left out ({@code feature[k] < 0}: a leaf, left out).
     */
    static double[][] cuts(int width, int[] feature, double[] threshold) {
        int[] count = new int[width];
        double[][] cuts = new double[width][];
        for (int f : feature) {
            if (f >= 0) {
                count[f]++;
            }
        }
        for (int j = 0; j < width; j++) {
            cuts[j] = new double[count[j]];
            count[j] = 0;
        }
        for (int k = 0; k < feature.length; k++) {
            if (feature[k] >= 0 && !Double.isNaN(threshold[k])) {
                cuts[feature[k]][count[feature[k]]++] = threshold[k] + 0.0;
            }
        }
        for (int j = 0; j < width; j++) {
            cuts[j] = Arrays.stream(cuts[j], 0, count[j]).sorted().distinct().toArray();
        }
        return cuts;
    }

    /** How many of the increasing {@code t} are {@code < v}; all of them for a NaN. */
    static int below(double[] t, double v) {
        if (v != v) {
            return t.length;
        }
        // Halving a window of len thresholds from base, which always holds the answer: the window's number half − 1
        // is < v or not. Both sides assign, so the JIT can use conditional moves instead of an unpredictable branch.
        int base = 0;
        int len = t.length;
        while (len > 1) {
            int half = len >>> 1;
            base = t[base + half - 1] < v ? base + half : base;
            len -= half;
        }
        return len == 1 && t[base] < v ? base + 1 : base;
    }

    /**
     * Adds tree {@code t}'s leaf value of each of rows {@code [0, n)} to {@code acc[first + i]}, from the block's
     * ranks ({@link #rank}); {@code code} is scratch of at least {@code n} cells.
     */
    void add(int t, int[][] ranks, int n, int[] code, double[] acc, int first) {
        int from = splitsFrom[t];
        int to = splitsFrom[t + 1];
        double[] leaf = table;
        int start = tableFrom[t];
        if (from == to) {
            double value = leaf[start];
            for (int i = 0; i < n; i++) {
                acc[first + i] += value;
            }
            return;
        }
        firstBits(ranks[column[from]], rank[from], n, code);
        for (int s = from + 1; s < to; s++) {
            nextBits(ranks[column[s]], rank[s], n, code);
        }
        for (int i = 0; i < n; i++) {
            acc[first + i] += leaf[start + code[i]];
        }
    }

    private static void firstBits(int[] r, int q, int n, int[] code) {
        for (int i = 0; i < n; i++) {
            code[i] = (q - r[i]) >>> 31;
        }
    }

    private static void nextBits(int[] r, int q, int n, int[] code) {
        for (int i = 0; i < n; i++) {
            code[i] = code[i] << 1 | (q - r[i]) >>> 31;
        }
    }
}
