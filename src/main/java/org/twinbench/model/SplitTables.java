package org.twinbench.model;

import java.util.List;

/**
 * Small trees (at most {@value #MAX_SPLITS} splits each; gradient boosting grows trees of six leaves, five splits)
 * scored without walking them: every split of a tree is tested for a whole block of rows, one split after
 * another, and the tests' outcomes, one bit per split, pick the row's leaf value from a table of the tree's
 * {@code 2^splits} outcomes.
 *
 * <p>A walk down a tree is a chain of dependent loads (the next node is known only once the row's cell is
 * compared), and a boosting tree of a handful of nodes gives the processor little else to overlap. Here the
 * splits are independent: split {@code s} reads one column of the block (the block is column-major, so its
 * cells are adjacent) against one threshold, with no branch and no table inside the loop. A row's outcome code
 * is built Horner's way, {@code code = 2 code + bit}, the first split's bit highest; the bit is the sign bit of
 * {@code t − x}, which is 1 exactly when {@code x > t}: {@code t − x} is 0 only when {@code x == t}, and then
 * +0, once a threshold of −0 is made +0 (the same split). So every row reaches the leaf Smile's walk reaches
 * ({@code x <= t} goes left). A NaN goes right, as in Smile: the block's NaN cells are made +∞ first, which goes
 * right of every finite threshold; an ensemble with a threshold that is not finite is not compiled here
 * ({@link #of} gives null) and is walked. (On one core of the 2-core test machine, 1,200 trees of five splits:
 * 2.4 ns a tree and row, where {@code Math.min}/{@code Math.max} of doubles took 13–21 ns and {@code x > t ? 1 :
 * 0} 3.3 ns.)
 *
 * <p>The table holds each leaf's value already multiplied by the tree's scale, the same product
 * {@link CompiledTrees} adds, and the trees add to the sums in the same order: the sums are bit for bit the walk's.
 */
final class SplitTables {

    /** The most splits a tree may have: a table of 2^6 = 64 outcomes (512 bytes). */
    static final int MAX_SPLITS = 6;
    /** Per tree, its first split in {@link #column} and {@link #threshold}, and one past its last. */
    private final int[] splitsFrom;
    private final int[] column;
    private final double[] threshold;
    /** Per tree, where its table starts in {@link #table}: {@code 2^splits} leaf values. */
    private final int[] tableFrom;
    private final double[] table;

    private SplitTables(int[] splitsFrom, int[] column, double[] threshold, int[] tableFrom, double[] table) {
        this.splitsFrom = splitsFrom;
        this.column = column;
        this.threshold = threshold;
        this.tableFrom = tableFrom;
        this.table = table;
    }

    /**
     * The tables of an ensemble whose trees have one value a leaf, at most {@value #MAX_SPLITS} splits each and
     * finite thresholds; null for any other ensemble.
     */
    static SplitTables of(TreeEnsemble ensemble) {
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
        return new SplitTables(splitsFrom, column, threshold, tableFrom, table);
    }

    /** Makes the block's NaN cells +∞, which goes right of every finite threshold as NaN does. */
    static void missingGoesRight(double[] x, int cells) {
        for (int k = 0; k < cells; k++) {
            if (x[k] != x[k]) {
                x[k] = Double.POSITIVE_INFINITY;
            }
        }
    }

    /**
     * Adds tree {@code t}'s leaf value of each of rows {@code [0, n)} to {@code acc[first + i]}. The block {@code x}
     * is column-major, {@code x[j * rows + i]}, without NaN ({@link #missingGoesRight}); {@code code} is scratch
     * of at least {@code n} cells.
     */
    void add(int t, double[] x, int rows, int n, int[] code, double[] acc, int first) {
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
        firstBits(x, column[from] * rows, threshold[from], n, code);
        for (int s = from + 1; s < to; s++) {
            nextBits(x, column[s] * rows, threshold[s], n, code);
        }
        for (int i = 0; i < n; i++) {
            acc[first + i] += leaf[start + code[i]];
        }
    }

    private static void firstBits(double[] x, int at, double t, int n, int[] code) {
        for (int i = 0; i < n; i++) {
            code[i] = (int) (Double.doubleToRawLongBits(t - x[at + i]) >>> 63);
        }
    }

    private static void nextBits(double[] x, int at, double t, int n, int[] code) {
        for (int i = 0; i < n; i++) {
            code[i] = code[i] << 1 | (int) (Double.doubleToRawLongBits(t - x[at + i]) >>> 63);
        }
    }
}
