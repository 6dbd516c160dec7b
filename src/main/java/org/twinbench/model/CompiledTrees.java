package org.twinbench.model;

import java.util.ArrayDeque;
import java.util.List;
import org.twinbench.data.Frame;

/**
 * A tree ensemble ({@link TreeEnsemble}) compiled for scoring a block of rows at a time, tree by tree.
 *
 * <p>Scoring encodes {@value #BLOCK} rows into one reused array and replaces each cell by its rank among the
 * ensemble's distinct thresholds on its column (how many are below it; a NaN above all of them), so that every split
 * is an int comparison that decides exactly as Smile's {@code x <= t} does, a NaN going to the second child. An
 * ensemble of small trees (boosting: at most six leaves a tree) is not walked: its block is encoded column by column
 * and every tree scored by its {@link SplitTables} (each split an int comparison over the block, the outcome bits
 * picking the leaf). Deeper trees (random forests) are walked ({@link RankWalk}): flat breadth-first nodes of one
 * long each, the block row-major, eight rows walking a tree side by side.
 *
 * <p>Then each tree's leaves add their values to per-row sums in tree order, which is Smile's order: the scores are
 * bit-for-bit Smile's own {@code predict}. A leaf's values are held already multiplied by the tree's scale ({@code
 * scale × value} computed once here instead of once per row: the same product, so the sums are unchanged): one value
 * per leaf (boosting, regression forests) read by the leaf's node; a binary forest's two values side by side; the
 * values of a forest of more classes class by class ({@code leafValues[c * leaves + slot]}), so that each class's
 * pass over the block reads one compact array. Nothing is allocated per row.
 */
final class CompiledTrees {

    /** Rows encoded and scored together. */
    static final int BLOCK = 1024;

    private final TreeEnsemble.Kind kind;
    private final int width;
    private final int outputs;
    private final double[] base;
    private final int trees;
    private final int[] targets;
    private final int nodeCount;
    /** Per encoded column, how many splits test it. */
    private final int[] splitsOn;
    private final int leafWidth;
    private final int leafCount;
    /** Per node, its leaf's value when a leaf has one value (else empty). */
    private final double[] leafValue;
    /** Per node, its leaf's position among the leaves when a leaf has several values (else empty). */
    private final int[] leafSlot;
    /** A binary forest's leaf values side by side ({@code 2 slot + c}); more classes class by class. */
    private final double[] leafValues;
    /** The trees as split tables ({@link SplitTables}) when every tree is small enough; null to walk them. */
    private final SplitTables tables;
    /** The walk down the trees when they are not split tables. */
    private final RankWalk walk;

    private CompiledTrees(TreeEnsemble ensemble, int width) {
        this.kind = ensemble.kind();
        this.width = width;
        this.outputs = ensemble.outputs();
        this.base = ensemble.base();
        List<TreeEnsemble.Tree> all = ensemble.trees();
        this.trees = all.size();
        this.targets = new int[trees];
        int[] roots = new int[trees];
        int[] depths = new int[trees];
        int nodes = 0;
        int leaves = 0;
        int leafWidth = 1;
        for (TreeEnsemble.Tree tree : all) {
            nodes += tree.size();
            for (double[] leaf : tree.leaf()) {
                if (leaf != null) {
                    leaves++;
                    leafWidth = leaf.length;
                }
            }
        }
        this.nodeCount = nodes;
        this.leafWidth = leafWidth;
        this.leafCount = leaves;
        this.leafValue = new double[leafWidth == 1 ? nodes : 0];
        this.leafSlot = new int[leafWidth == 1 ? 0 : nodes];
        this.leafValues = new double[leafWidth == 1 ? 0 : leaves * leafWidth];
        this.splitsOn = new int[width];
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        int[] firstChild = new int[nodes];
        int next = 0;
        int slot = 0;
        for (int t = 0; t < trees; t++) {
            TreeEnsemble.Tree tree = all.get(t);
            roots[t] = next;
            depths[t] = tree.depth();
            targets[t] = tree.target();
            // Breadth first: the children of the node at position p get the next two positions.
            int[] position = new int[tree.size()];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(0);
            position[0] = next++;
            while (!queue.isEmpty()) {
                int k = queue.poll();
                int at = position[k];
                feature[at] = tree.feature()[k];
                if (feature[at] < 0) {
                    setLeaf(at, slot++, tree.scale(), tree.leaf()[k]);
                } else {
                    position[tree.left()[k]] = next++;
                    position[tree.right()[k]] = next++;
                    queue.add(tree.left()[k]);
                    queue.add(tree.right()[k]);
                    threshold[at] = tree.threshold()[k];
                    firstChild[at] = position[tree.left()[k]];
                    splitsOn[feature[at]]++;
                }
            }
        }
        this.tables = SplitTables.of(ensemble, width);
        this.walk = tables == null ? new RankWalk(width, roots, depths, feature, threshold, firstChild) : null;
    }

    /** Leaf number {@code slot} at node {@code at}, its values multiplied by its tree's {@code scale}. */
    private void setLeaf(int at, int slot, double scale, double[] values) {
        if (leafWidth == 1) {
            leafValue[at] = scale * values[0];
            return;
        }
        leafSlot[at] = slot;
        for (int c = 0; c < leafWidth; c++) {
            leafValues[leafWidth == 2 ? 2 * slot + c : c * leafCount + slot] = scale * values[c];
        }
    }

    /** Compiles a Smile tree ensemble whose rows are {@code width} encoded features. */
    static CompiledTrees of(Object fitted, int width) {
        return new CompiledTrees(TreeEnsemble.of(fitted), width);
    }

    /** Compiles an ensemble read into arrays whose rows are {@code width} encoded features. */
    static CompiledTrees of(TreeEnsemble ensemble, int width) {
        return new CompiledTrees(ensemble, width);
    }

    int nodeCount() {
        return nodeCount;
    }

    /** How many splits of the ensemble test encoded column {@code column}. */
    int splitsOn(int column) {
        return splitsOn[column];
    }

    /**
     * One number per row: a binary classifier's positive-class probability, or a regression's prediction.
     */
    double[] values(FeatureEncoder encoder, Frame batch) {
        if (outputs != 1 && kind != TreeEnsemble.Kind.FOREST_CLASSES || kind == TreeEnsemble.Kind.FOREST_CLASSES
                && outputs != 2) {
            throw new IllegalStateException("a " + outputs + "-class ensemble gives probabilities per class");
        }
        int n = batch.rowCount();
        double[] out = new double[n];
        Scratch scratch = new Scratch(Math.min(n, BLOCK));
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            double[] acc = sums(encoder, batch, from, to, scratch);
            for (int i = 0; i < to - from; i++) {
                out[from + i] = finish(acc, i);
            }
        }
        return out;
    }

    /** {@code p[i][c]}: the probability of class {@code c} for row {@code i}, as Smile gives it. */
    double[][] probabilities(FeatureEncoder encoder, Frame batch) {
        int n = batch.rowCount();
        double[][] out = new double[n][];
        Scratch scratch = new Scratch(Math.min(n, BLOCK));
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            double[] acc = sums(encoder, batch, from, to, scratch);
            for (int i = 0; i < to - from; i++) {
                double[] p = new double[outputs];
                for (int c = 0; c < outputs; c++) {
                    p[c] = acc[scratch.at(i, c)];
                }
                if (kind == TreeEnsemble.Kind.BOOSTING_CLASSES) {
                    softmax(p);
                } else {
                    unitize(p);
                }
                out[from + i] = p;
            }
        }
        return out;
    }

    private double finish(double[] acc, int i) {
        return switch (kind) {
            case FOREST_CLASSES -> acc[2 * i + 1] / (Math.abs(acc[2 * i]) + Math.abs(acc[2 * i + 1]));
            case BOOSTING_BINARY -> 1 - 1 / (1 + Math.exp(2 * acc[i]));
            case FOREST_REGRESSION -> acc[i] / trees;
            default -> acc[i];
        };
    }

    /** Smile's {@code MathEx.unitize1}: divided by the sum of absolute values. */
    private static void unitize(double[] p) {
        double norm = 0;
        for (double v : p) {
            norm += Math.abs(v);
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= norm;
        }
    }

    /** Smile's multiclass boosting: exp of each sum less the largest, divided by their total. */
    private static void softmax(double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    /**
     * What one scoring call reuses from block to block. The sums of an ensemble of several classes are laid
     * out class by class, {@code acc[c * rows + i]}, so each tree adds to adjacent cells (multiclass boosting:
     * each tree adds to one class; a multiclass forest's leaf adds to every class, one class after another);
     * a binary forest's two sums row by row, {@code acc[2 * i + c]}, added together.
     */
    private final class Scratch {
        final double[] x;
        final double[] acc;
        final int[] leaves;
        /** The split tables' outcome codes of the block's rows, and the ranks of its cells, column by column. */
        final int[] code;
        final int[][] ranks;
        /** The walk's ranks of the block's cells, row by row, and the leaves' extra column of zeros. */
        final int[] rowRanks;
        final int rows;
        final boolean byClass;

        Scratch(int rows) {
            this.rows = Math.max(rows, 1);
            x = new double[this.rows * Math.max(width, 1)];
            acc = new double[this.rows * outputs];
            leaves = new int[this.rows];
            code = tables == null ? null : new int[this.rows];
            ranks = tables == null ? null : new int[width][this.rows];
            rowRanks = walk == null ? null : new int[this.rows * walk.stride()];
            byClass = leafWidth != 2 && outputs > 1;
        }

        /** Where the sum of row {@code i} of the block and class {@code c} is in {@link #acc}. */
        int at(int i, int c) {
            return byClass ? c * rows + i : i * outputs + c;
        }
    }

    /** The sums of rows {@code [from, to)}, laid out as {@link Scratch#at} says. */
    private double[] sums(FeatureEncoder encoder, Frame batch, int from, int to, Scratch scratch) {
        int n = to - from;
        double[] acc = scratch.acc;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < outputs; c++) {
                acc[scratch.at(i, c)] = base[c];
            }
        }
        double[] x = scratch.x;
        if (tables != null) {
            encoder.encodeColumnsInto(batch, from, to, x, scratch.rows);
            tables.rank(x, scratch.rows, n, scratch.ranks);
            for (int t = 0; t < trees; t++) {
                tables.add(t, scratch.ranks, n, scratch.code, acc, scratch.at(0, targets[t]));
            }
            return acc;
        }
        encoder.encodeRows(batch, from, to, x, width);
        walk.rank(x, width, n, scratch.rowRanks);
        int[] leaves = scratch.leaves;
        for (int t = 0; t < trees; t++) {
            walk.walk(t, scratch.rowRanks, n, leaves);
            int target = targets[t];
            if (leafWidth == 1) {
                int first = scratch.at(0, target);
                for (int i = 0; i < n; i++) {
                    acc[first + i] += leafValue[leaves[i]];
                }
            } else if (leafWidth == 2) {
                for (int i = 0; i < n; i++) {
                    int slot = 2 * leafSlot[leaves[i]];
                    int at = i * outputs + target;
                    acc[at] += leafValues[slot];
                    acc[at + 1] += leafValues[slot + 1];
                }
            } else {
                // Class by class: each pass adds one class's leaf values, a compact array, to adjacent sums.
                for (int i = 0; i < n; i++) {
                    leaves[i] = leafSlot[leaves[i]];
                }
                for (int c = 0; c < leafWidth; c++) {
                    int first = scratch.at(0, target + c);
                    int values = c * leafCount;
                    for (int i = 0; i < n; i++) {
                        acc[first + i] += leafValues[values + leaves[i]];
                    }
                }
            }
        }
        return acc;
    }
}
