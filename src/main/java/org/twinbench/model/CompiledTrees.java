package org.twinbench.model;

import java.util.ArrayDeque;
import java.util.List;
import org.twinbench.data.Frame;

/**
 * A tree ensemble ({@link TreeEnsemble}) compiled into flat arrays of nodes, scored a block of rows
 * at a time, tree by tree, several rows walking each tree side by side.
 *
 * <p>Layout: node {@code k} is 12 bytes, its threshold {@code threshold[k]} and one int {@code link[k]}: its
 * feature in the low {@code featureBits} bits and its first child, counted from its tree's root, above them
 * (a 2,557-node tree of a multiclass forest takes 30 KB, within a core's 32 KB first-level cache, where two
 * longs a node took 41 KB and scored about a fifth slower). Each tree is laid out breadth first, so a split's
 * two children are adjacent: a step is {@code root + child + (x[feature] <= threshold ? 0 : 1)}, with no branch
 * to mispredict (a NaN goes to the second child, as in Smile). A leaf is its own first child and tests the
 * block's extra column, always −∞, against its threshold: a row that reached a leaf stays there, so every row
 * of a group can take the same number of steps. A leaf's threshold holds its value already multiplied by the
 * tree's scale when the ensemble has one value per leaf (boosting, regression forests: the sum reads the leaf
 * node alone), else the position of its values in {@code leafValues}, which hold them multiplied by the scale
 * too. {@code scale × value} is computed once here instead of once per row: the same product, so the sums are
 * unchanged.
 *
 * <p>Scoring encodes {@value #BLOCK} rows into one reused row-major array (the encoded row's cells are
 * adjacent), walks one tree over the whole block (the tree stays in cache) {@value #LANES} rows at a time
 * (their walks are independent, so the processor overlaps them), and adds the leaves' values to per-row sums
 * in tree order, which is Smile's order: the scores are bit-for-bit Smile's own {@code predict}. Nothing is
 * allocated per row. An ensemble of small trees (boosting: at most six leaves a tree) is not walked: its block is
 * encoded column by column, each cell replaced by its rank among its column's thresholds, and every tree scored by
 * its {@link SplitTables} (each split an int comparison over the block, the outcome bits picking the leaf), adding
 * the same values in the same order.
 */
final class CompiledTrees {

    /** Rows encoded and scored together. */
    static final int BLOCK = 1024;
    /** Rows walking a tree side by side. */
    static final int LANES = 4;
    /** Trees up to this depth are walked their full depth without testing whether every row has stopped. */
    static final int FIXED_WALK_DEPTH = 10;

    private final TreeEnsemble.Kind kind;
    private final int width;
    private final int outputs;
    private final double[] base;
    private final double[] threshold;
    private final int[] link;
    /**
     * The same nodes as two longs each, for the shallow trees walked eight rows at a time: {@code shallow[2k]} the
     * threshold's bits, {@code shallow[2k+1]} the feature (low 32 bits) and the first child's position (high 32
     * bits). A small tree fits the cache either way, and one array and no root to add per step score it fastest
     * (multiclass boosting took a third longer from the 12-byte nodes). Empty when every tree is deeper.
     */
    private final long[] shallow;
    /** Bits of {@link #link} holding the feature: enough for the extra column {@code width}. */
    private final int featureBits;
    private final double[] leafValues;
    private final int leafWidth;
    private final int[] roots;
    private final int[] depths;
    private final int[] targets;
    private final int trees;
    /** The trees as split tables ({@link SplitTables}) when every tree is small enough; null to walk them. */
    private final SplitTables tables;

    private CompiledTrees(TreeEnsemble ensemble, int width) {
        this.kind = ensemble.kind();
        this.width = width;
        this.outputs = ensemble.outputs();
        this.base = ensemble.base();
        List<TreeEnsemble.Tree> all = ensemble.trees();
        this.trees = all.size();
        this.roots = new int[trees];
        this.depths = new int[trees];
        this.targets = new int[trees];
        int nodeCount = 0;
        int shallowCount = 0;
        int leafCount = 0;
        int leafWidth = 1;
        for (TreeEnsemble.Tree tree : all) {
            nodeCount += tree.size();
            shallowCount += tree.depth() <= FIXED_WALK_DEPTH ? tree.size() : 0;
            for (double[] leaf : tree.leaf()) {
                if (leaf != null) {
                    leafCount++;
                    leafWidth = leaf.length;
                }
            }
        }
        this.leafWidth = leafWidth;
        this.threshold = new double[nodeCount];
        this.link = new int[nodeCount];
        this.shallow = new long[shallowCount == 0 ? 0 : 2 * nodeCount];
        this.featureBits = 32 - Integer.numberOfLeadingZeros(width);
        this.leafValues = new double[leafCount * leafWidth];
        this.tables = SplitTables.of(ensemble, width);
        int next = 0;
        int slot = 0;
        for (int t = 0; t < trees; t++) {
            TreeEnsemble.Tree tree = all.get(t);
            roots[t] = next;
            depths[t] = tree.depth();
            if ((long) tree.size() << featureBits > Integer.MAX_VALUE) {
                throw new ModelException("tree " + (t + 1) + " has " + tree.size() + " nodes over " + width
                        + " encoded columns, more than the compiled scorer addresses (nodes × 2^"
                        + featureBits + " must stay below 2^31)");
            }
            targets[t] = tree.target();
            // Breadth first: the children of the node at position p get the next two positions.
            int[] position = new int[tree.size()];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(0);
            position[0] = next++;
            while (!queue.isEmpty()) {
                int k = queue.poll();
                int at = position[k];
                if (tree.feature()[k] < 0) {
                    for (int c = 0; c < leafWidth; c++) {
                        leafValues[slot * leafWidth + c] = tree.scale() * tree.leaf()[k][c];
                    }
                    set(at, width, leafWidth == 1 ? leafValues[slot] : slot * leafWidth, at, roots[t]);
                    slot++;
                } else {
                    position[tree.left()[k]] = next++;
                    position[tree.right()[k]] = next++;
                    queue.add(tree.left()[k]);
                    queue.add(tree.right()[k]);
                    set(at, tree.feature()[k], tree.threshold()[k], position[tree.left()[k]], roots[t]);
                }
            }
        }
    }

    private void set(int at, int feature, double threshold, int firstChild, int root) {
        this.threshold[at] = threshold;
        link[at] = firstChild - root << featureBits | feature;
        if (shallow.length > 0) {
            shallow[2 * at] = Double.doubleToRawLongBits(threshold);
            shallow[2 * at + 1] = ((long) firstChild << 32) | (feature & 0xffffffffL);
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
        return link.length;
    }

    /** How many splits of the ensemble test encoded column {@code column}. */
    int splitsOn(int column) {
        int count = 0;
        int mask = (1 << featureBits) - 1;
        for (int t = 0; t < trees; t++) {
            int end = t + 1 < trees ? roots[t + 1] : nodeCount();
            for (int k = roots[t]; k < end; k++) {
                count += (link[k] & mask) == column && roots[t] + (link[k] >>> featureBits) != k ? 1 : 0;
            }
        }
        return count;
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
        final int rows;
        final boolean byClass;

        Scratch(int rows) {
            this.rows = Math.max(rows, 1);
            x = new double[this.rows * (width + 1)];
            acc = new double[this.rows * outputs];
            leaves = new int[this.rows];
            code = tables == null ? null : new int[this.rows];
            ranks = tables == null ? null : new int[width][this.rows];
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
        int stride = width + 1;
        encoder.encodeRows(batch, from, to, x, stride);
        for (int i = 0; i < n; i++) {
            x[i * stride + width] = Double.NEGATIVE_INFINITY;
        }
        int[] leaves = scratch.leaves;
        for (int t = 0; t < trees; t++) {
            walk(roots[t], depths[t], x, stride, n, leaves);
            int target = targets[t];
            if (leafWidth == 1) {
                int first = scratch.at(0, target);
                for (int i = 0; i < n; i++) {
                    acc[first + i] += threshold[leaves[i]];
                }
            } else if (leafWidth == 2) {
                for (int i = 0; i < n; i++) {
                    int slot = (int) threshold[leaves[i]];
                    int at = i * outputs + target;
                    acc[at] += leafValues[slot];
                    acc[at + 1] += leafValues[slot + 1];
                }
            } else {
                // Class by class: each pass adds one class's leaf values to adjacent sums, with no loop per row.
                for (int i = 0; i < n; i++) {
                    leaves[i] = (int) threshold[leaves[i]];
                }
                for (int c = 0; c < leafWidth; c++) {
                    int first = scratch.at(0, target + c);
                    for (int i = 0; i < n; i++) {
                        acc[first + i] += leafValues[leaves[i] + c];
                    }
                }
            }
        }
        return acc;
    }

    /**
     * A shallow tree: eight rows at a time, each its full depth (a row at a leaf stays there); returns the
     * first row left for {@link #walk}.
     */
    private int walkEight(int root, int depth, double[] x, int stride, int n, int[] leaves) {
        long[] nodes = shallow;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int a = root;
            int b = root;
            int c = root;
            int d = root;
            int e = root;
            int f = root;
            int g = root;
            int h = root;
            int xa = i * stride;
            for (int s = 0; s < depth; s++) {
                a = step(nodes, x, a, xa);
                b = step(nodes, x, b, xa + stride);
                c = step(nodes, x, c, xa + 2 * stride);
                d = step(nodes, x, d, xa + 3 * stride);
                e = step(nodes, x, e, xa + 4 * stride);
                f = step(nodes, x, f, xa + 5 * stride);
                g = step(nodes, x, g, xa + 6 * stride);
                h = step(nodes, x, h, xa + 7 * stride);
            }
            leaves[i] = a;
            leaves[i + 1] = b;
            leaves[i + 2] = c;
            leaves[i + 3] = d;
            leaves[i + 4] = e;
            leaves[i + 5] = f;
            leaves[i + 6] = g;
            leaves[i + 7] = h;
        }
        return i;
    }

    /** One step down from {@code node} for the row whose encoded cells start at {@code row} ({@link #shallow}). */
    private static int step(long[] nodes, double[] x, int node, int row) {
        long meta = nodes[2 * node + 1];
        return (int) (meta >>> 32) + (x[row + (int) meta] <= Double.longBitsToDouble(nodes[2 * node]) ? 0 : 1);
    }

    /** One step down from {@code node} of the tree at {@code root} for the row whose cells start at {@code row}. */
    private static int step(double[] threshold, int[] link, int shift, int root, double[] x, int node, int row) {
        int l = link[node];
        return root + (l >>> shift) + (x[row + (l & (1 << shift) - 1)] <= threshold[node] ? 0 : 1);
    }

    /** The leaf each of rows {@code [0, n)} of the block reaches from {@code root}, into {@code leaves}. */
    private void walk(int root, int depth, double[] x, int stride, int n, int[] leaves) {
        double[] threshold = this.threshold;
        int[] link = this.link;
        int shift = featureBits;
        int mask = (1 << shift) - 1;
        int i = 0;
        if (depth <= FIXED_WALK_DEPTH) {
            i = walkEight(root, depth, x, stride, n, leaves);
        }
        for (; i + LANES <= n; i += LANES) {
            int a = root;
            int b = root;
            int c = root;
            int d = root;
            int xa = i * stride;
            int xb = xa + stride;
            int xc = xb + stride;
            int xd = xc + stride;
            for (int s = 0; s < depth; s++) {
                int la = link[a];
                int lb = link[b];
                int lc = link[c];
                int ld = link[d];
                int na = root + (la >>> shift) + (x[xa + (la & mask)] <= threshold[a] ? 0 : 1);
                int nb = root + (lb >>> shift) + (x[xb + (lb & mask)] <= threshold[b] ? 0 : 1);
                int nc = root + (lc >>> shift) + (x[xc + (lc & mask)] <= threshold[c] ? 0 : 1);
                int nd = root + (ld >>> shift) + (x[xd + (ld & mask)] <= threshold[d] ? 0 : 1);
                if (depth > FIXED_WALK_DEPTH && na == a && nb == b && nc == c && nd == d) {
                    break;
                }
                a = na;
                b = nb;
                c = nc;
                d = nd;
            }
            leaves[i] = a;
            leaves[i + 1] = b;
            leaves[i + 2] = c;
            leaves[i + 3] = d;
        }
        for (; i < n; i++) {
            int a = root;
            int xa = i * stride;
            for (int s = 0; s < depth; s++) {
                a = step(threshold, link, shift, root, x, a, xa);
            }
            leaves[i] = a;
        }
    }
}
