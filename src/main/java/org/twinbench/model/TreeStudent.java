package org.twinbench.model;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.Frame;

/**
 * A shallow regression tree learnt from a teacher's positive-class scores (a distilled student,
 * {@link Distillation}): CART with squared error, as scikit-learn's {@code DecisionTreeRegressor(max_depth=d)}
 * grows it. At each node every encoded feature is tried; rows are sorted by it, and each cut between two
 * neighbouring different values (at their midpoint, rows at or below going left) that leaves at least
 * {@code minLeaf} rows on each side is scored by the drop in the sum of squared errors; the best cut is taken
 * (the first feature on a tie). A node is a leaf at the depth limit, with fewer than {@code 2·minLeaf} rows, or
 * when its scores are all equal. A leaf scores the mean teacher score of its rows, so the student's scores are
 * in [0, 1] like the teacher's. The tree is held flat (breadth of arrays, no objects per node) and scores a
 * block of encoded rows at a time.
 */
public final class TreeStudent implements BinaryClassifier {

    /** The name of this student's kind in its model card. */
    public static final String ALGORITHM = "distilled-tree";
    private static final int BLOCK = 256;
    /** Neighbouring values closer than this are not cut between (scikit-learn's FEATURE_THRESHOLD). */
    private static final double TIE = 1e-7;

    private final FeatureEncoder encoder;
    private final ModelCard card;
    /** Per node: the encoded feature tested (-1 for a leaf), the cut, the children, the leaf value. */
    private final int[] feature;
    private final double[] cut;
    private final int[] left;
    private final int[] right;
    private final double[] value;

    private TreeStudent(FeatureEncoder encoder, ModelCard card, int[] feature, double[] cut, int[] left,
                        int[] right, double[] value) {
        this.encoder = encoder;
        this.card = card;
        this.feature = feature;
        this.cut = cut;
        this.left = left;
        this.right = right;
        this.value = value;
    }

    /** Grows a tree of at most {@code maxDepth} levels of cuts on encoded rows {@code x} and the teacher's scores. */
    public static TreeStudent fit(FeatureEncoder encoder, ModelCard card, double[][] x, double[] scores,
                                  int maxDepth, int minLeaf) {
        if (x.length != scores.length) {
            throw new IllegalArgumentException(x.length + " rows but " + scores.length + " scores");
        }
        Grower grower = new Grower(x, scores, maxDepth, Math.max(1, minLeaf));
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        grower.grow(all, 0);
        return grower.build(encoder, card);
    }

    @Override
    public double[] scorePositive(Frame batch) {
        int n = batch.rowCount();
        double[] out = new double[n];
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            double[][] columns = encoder.encodeColumns(batch, from, to);
            for (int i = 0; i < to - from; i++) {
                int node = 0;
                while (feature[node] >= 0) {
                    node = columns[feature[node]][i] <= cut[node] ? left[node] : right[node];
                }
                out[from + i] = value[node];
            }
        }
        return out;
    }

    /** The scores of rows already encoded by this tree's encoder ({@code x[i][j]}: feature j of row i). */
    public double[] score(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[i][feature[node]] <= cut[node] ? left[node] : right[node];
            }
            out[i] = value[node];
        }
        return out;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    FeatureEncoder encoder() {
        return encoder;
    }

    /** Nodes in the tree, leaves included. */
    public int nodes() {
        return feature.length;
    }

    /** Levels of cuts from the root to the deepest leaf. */
    public int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return feature[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /**
     * The tree a bundle stored ({@link #arrays()}), checked before it scores anything: five arrays of one length,
     * whole-number features (-1 for a leaf) within the encoder's columns, and children numbered after their parent
     * (as the grower numbers them) within the tree, so every walk ends at a leaf.
     */
    static TreeStudent of(FeatureEncoder encoder, ModelCard card, double[][] arrays, java.nio.file.Path file) {
        int n = arrays.length == 5 && arrays[0] != null ? arrays[0].length : -1;
        for (int r = 0; n > 0 && r < 5; r++) {
            n = arrays[r] != null && arrays[r].length == n ? n : -1;
        }
        if (n <= 0) {
            throw new ModelException(file + ": " + ModelBundle.BINARY_ENTRY + " does not hold a tree student's five "
                    + "arrays of nodes");
        }
        int[] feature = new int[n];
        int[] left = new int[n];
        int[] right = new int[n];
        for (int k = 0; k < n; k++) {
            feature[k] = (int) arrays[0][k];
            left[k] = (int) arrays[2][k];
            right[k] = (int) arrays[3][k];
            boolean leaf = feature[k] == -1;
            boolean valid = feature[k] == arrays[0][k] && feature[k] >= -1 && feature[k] < encoder.width()
                    && (leaf || left[k] == arrays[2][k] && right[k] == arrays[3][k] && left[k] > k && right[k] > k
                    && left[k] < n && right[k] < n && !Double.isNaN(arrays[1][k]))
                    && Double.isFinite(arrays[4][k]);
            if (!valid) {
                throw new ModelException(file + ": " + ModelBundle.BINARY_ENTRY + ": node " + k + " of the tree "
                        + "student is not a valid node");
            }
        }
        return new TreeStudent(encoder, card, feature, arrays[1].clone(), left, right, arrays[4].clone());
    }

    /** What a bundle stores: per node the feature (-1 for a leaf), cut, left child, right child and value. */
    double[][] arrays() {
        double[][] out = new double[5][feature.length];
        for (int k = 0; k < feature.length; k++) {
            out[0][k] = feature[k];
            out[1][k] = cut[k];
            out[2][k] = left[k];
            out[3][k] = right[k];
            out[4][k] = value[k];
        }
        return out;
    }

    /** Grows the tree depth first, numbering nodes in the order they are made. */
    private static final class Grower {
        private final double[][] x;
        private final double[] y;
        private final int maxDepth;
        private final int minLeaf;
        private final List<double[]> nodes = new ArrayList<>();

        Grower(double[][] x, double[] y, int maxDepth, int minLeaf) {
            this.x = x;
            this.y = y;
            this.maxDepth = maxDepth;
            this.minLeaf = minLeaf;
        }

        /** Every row, sorted once by each feature: a node's rows by a feature are the parent's, in order. */
        int[][] sortedByFeature() {
            int width = x.length == 0 ? 0 : x[0].length;
            int[][] out = new int[width][];
            for (int j = 0; j < width; j++) {
                final int f = j;
                out[j] = java.util.stream.IntStream.range(0, x.length).boxed()
                        .sorted((a, b) -> Double.compare(x[a][f], x[b][f])).mapToInt(Integer::intValue).toArray();
            }
            return out;
        }

        /** Makes the node of {@code rows} (one ordering by each feature, or none without features) and its subtree. */
        int grow(int[] rows, int depth) {
            return grow(rows, depth, rows.length == x.length && x.length > 0 ? sortedByFeature() : new int[0][]);
        }

        private int grow(int[] rows, int depth, int[][] sorted) {
            int id = nodes.size();
            double[] node = {-1, 0, -1, -1, mean(rows)};
            nodes.add(node);
            if (depth >= maxDepth || rows.length < 2 * minLeaf || rows.length < 2 || pure(rows, node[4])) {
                return id;
            }
            double total = 0;
            for (int r : rows) {
                total += y[r];
            }
            double best = Double.NEGATIVE_INFINITY;
            int bestFeature = -1;
            double bestCut = 0;
            for (int f = 0; f < sorted.length; f++) {
                int[] order = sorted[f];
                double leftSum = 0;
                for (int p = 1; p < order.length; p++) {
                    leftSum += y[order[p - 1]];
                    if (p < minLeaf || order.length - p < minLeaf) {
                        continue;
                    }
                    double below = x[order[p - 1]][f];
                    double above = x[order[p]][f];
                    if (above <= below + TIE) {
                        continue;
                    }
                    double rightSum = total - leftSum;
                    // Maximising this is minimising the children's summed squared error.
                    double proxy = leftSum * leftSum / p + rightSum * rightSum / (order.length - p);
                    if (proxy > best) {
                        best = proxy;
                        bestFeature = f;
                        double mid = below / 2 + above / 2;
                        bestCut = mid >= above ? below : mid;
                    }
                }
            }
            if (bestFeature < 0) {
                return id;
            }
            final int chosen = bestFeature;
            final double at = bestCut;
            java.util.function.IntPredicate goesLeft = r -> x[r][chosen] <= at;
            int[][] leftSorted = new int[sorted.length][];
            int[][] rightSorted = new int[sorted.length][];
            for (int f = 0; f < sorted.length; f++) {
                leftSorted[f] = java.util.Arrays.stream(sorted[f]).filter(goesLeft).toArray();
                rightSorted[f] = java.util.Arrays.stream(sorted[f]).filter(goesLeft.negate()).toArray();
            }
            node[0] = bestFeature;
            node[1] = bestCut;
            node[2] = grow(java.util.Arrays.stream(rows).filter(goesLeft).toArray(), depth + 1, leftSorted);
            node[3] = grow(java.util.Arrays.stream(rows).filter(goesLeft.negate()).toArray(), depth + 1, rightSorted);
            return id;
        }

        private double mean(int[] rows) {
            double sum = 0;
            for (int r : rows) {
                sum += y[r];
            }
            return rows.length == 0 ? Double.NaN : sum / rows.length;
        }

        private boolean pure(int[] rows, double mean) {
            double ss = 0;
            for (int r : rows) {
                ss += (y[r] - mean) * (y[r] - mean);
            }
            // scikit-learn stops at an impurity (variance) within machine epsilon of zero.
            return ss / rows.length <= Math.ulp(1.0);
        }

        TreeStudent build(FeatureEncoder encoder, ModelCard card) {
            int n = nodes.size();
            int[] feature = new int[n];
            double[] cut = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            double[] value = new double[n];
            for (int k = 0; k < n; k++) {
                double[] node = nodes.get(k);
                feature[k] = (int) node[0];
                cut[k] = node[1];
                left[k] = (int) node[2];
                right[k] = (int) node[3];
                value[k] = node[4];
            }
            return new TreeStudent(encoder, card, feature, cut, left, right, value);
        }
    }
}
