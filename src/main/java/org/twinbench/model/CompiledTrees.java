package org.twinbench.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.LeafNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.regression.RegressionTree;

/**
 * A Smile tree ensemble compiled into flat primitive arrays, scored column-batch by column-batch.
 *
 * <p>Every node of every tree is one index into parallel arrays, laid out in pre-order so that a
 * split's "true" child ({@code x <= threshold}, Smile's {@code OrdinalNode.branch}) is the next
 * node and only the "false" child needs a pointer. A leaf points to itself and holds, for a
 * random forest, the leaf posteriors of both classes ({@code (count_k + 1) / (n + 2)}, Smile's
 * {@code DecisionNode.posteriori}) and, for gradient boosting, the regression leaf output.
 *
 * <p>Scoring walks one tree at a time over a block of rows (the tree stays in cache) and adds
 * the tree's contribution to per-row accumulators in tree order, so the sums are formed in the
 * same order as Smile's own {@code predict} and the scores are bit-for-bit Smile's:
 * forest: {@code p_k = sum_t w_t post_t,k}, score {@code p_1 / (p_0 + p_1)} (Smile's {@code unitize1});
 * boosting (binary): {@code y = b + sum_t shrinkage * out_t}, score {@code 1 - 1 / (1 + exp(2y))}.
 *
 * <p>Categorical features reach the trees as one-hot indicator columns ({@link FeatureEncoder}),
 * so a categorical split is "indicator {@code <= 0.5}", i.e. "the row is not in this level".
 */
final class CompiledTrees {

    /** Trees up to this depth are walked a fixed number of steps (see {@link #leaf}). */
    static final int FIXED_WALK_DEPTH = 8;

    private final boolean boosting;
    private final int[] feature;
    private final double[] threshold;
    private final int[] falseChild;
    /** Forest: posterior of the negative class; boosting: the leaf output. */
    private final double[] leafNegative;
    /** Forest: posterior of the positive class; unused for boosting. */
    private final double[] leafPositive;
    private final int[] roots;
    /** The depth of each tree: every walk takes exactly this many steps (leaves loop to themselves). */
    private final int[] depths;
    private final double[] weights;
    private final double intercept;
    private final double shrinkage;

    private CompiledTrees(boolean boosting, Builder nodes, int[] roots, int[] depths, double[] weights,
                          double intercept, double shrinkage) {
        this.boosting = boosting;
        this.feature = nodes.feature.stream().mapToInt(Integer::intValue).toArray();
        this.threshold = nodes.threshold.stream().mapToDouble(Double::doubleValue).toArray();
        this.falseChild = nodes.falseChild.stream().mapToInt(Integer::intValue).toArray();
        this.leafNegative = nodes.leafNegative.stream().mapToDouble(Double::doubleValue).toArray();
        this.leafPositive = nodes.leafPositive.stream().mapToDouble(Double::doubleValue).toArray();
        this.roots = roots;
        this.depths = depths;
        this.weights = weights;
        this.intercept = intercept;
        this.shrinkage = shrinkage;
    }

    /** Compiles a binary random forest or gradient-boosted ensemble as trained by {@link ModelTrainer}. */
    static CompiledTrees of(DataFrameClassifier ensemble) {
        Builder nodes = new Builder();
        if (ensemble instanceof RandomForest forest) {
            RandomForest.Model[] models = forest.models();
            int[] roots = new int[models.length];
            int[] depths = new int[models.length];
            double[] weights = new double[models.length];
            for (int t = 0; t < models.length; t++) {
                roots[t] = nodes.add(models[t].tree.root());
                depths[t] = models[t].tree.root().depth();
                weights[t] = models[t].weight;
            }
            return new CompiledTrees(false, nodes, roots, depths, weights, 0, 0);
        }
        if (ensemble instanceof GradientTreeBoost boost) {
            RegressionTree[] trees = boost.trees();
            if (trees == null) {
                throw new ModelException("only two-class gradient boosting can be compiled");
            }
            int[] roots = new int[trees.length];
            int[] depths = new int[trees.length];
            for (int t = 0; t < trees.length; t++) {
                roots[t] = nodes.add(trees[t].root());
                depths[t] = trees[t].root().depth();
            }
            return new CompiledTrees(true, nodes, roots, depths, new double[0], doubleField(boost, "b"),
                    doubleField(boost, "shrinkage"));
        }
        throw new ModelException("cannot compile a " + ensemble.getClass().getSimpleName() + " model");
    }

    int nodeCount() {
        return feature.length;
    }

    /** How many splits of the ensemble test encoded column {@code column}. */
    int splitsOn(int column) {
        int count = 0;
        for (int k = 0; k < feature.length; k++) {
            count += feature[k] == column && falseChild[k] != k ? 1 : 0;
        }
        return count;
    }

    /**
     * Adds the positive-class score of rows {@code [0, n)} of an encoded block to {@code scores}
     * starting at {@code at}; {@code columns[j][i]} is encoded feature {@code j} of row {@code i}.
     */
    void score(double[][] columns, int n, double[] scores, int at) {
        if (boosting) {
            double[] y = new double[n];
            java.util.Arrays.fill(y, intercept);
            for (int t = 0; t < roots.length; t++) {
                int root = roots[t];
                int depth = depths[t];
                for (int i = 0; i < n; i++) {
                    y[i] += shrinkage * leafNegative[leaf(root, depth, columns, i)];
                }
            }
            for (int i = 0; i < n; i++) {
                scores[at + i] = 1 - 1 / (1 + Math.exp(2 * y[i]));
            }
            return;
        }
        double[] negative = new double[n];
        double[] positive = new double[n];
        for (int t = 0; t < roots.length; t++) {
            int root = roots[t];
            int depth = depths[t];
            double w = weights[t];
            for (int i = 0; i < n; i++) {
                int leaf = leaf(root, depth, columns, i);
                negative[i] += w * leafNegative[leaf];
                positive[i] += w * leafPositive[leaf];
            }
        }
        for (int i = 0; i < n; i++) {
            scores[at + i] = positive[i] / (negative[i] + positive[i]);
        }
    }

    /**
     * The leaf row {@code i} reaches from {@code root}: a NaN value goes to the false child, as in
     * Smile, and a leaf (threshold NaN, false child itself) stays put. A shallow tree (boosting's) is
     * walked in exactly {@code depth} steps, without a data-dependent loop exit; a deep one (a
     * forest's, up to 20 levels, most leaves far shallower) stops at its leaf.
     */
    private int leaf(int root, int depth, double[][] columns, int i) {
        int node = root;
        if (depth <= FIXED_WALK_DEPTH) {
            for (int d = 0; d < depth; d++) {
                node = columns[feature[node]][i] <= threshold[node] ? node + 1 : falseChild[node];
            }
            return node;
        }
        int next;
        while ((next = columns[feature[node]][i] <= threshold[node] ? node + 1 : falseChild[node]) != node) {
            node = next;
        }
        return node;
    }

    /** Smile keeps a split's threshold and the boosting intercept in non-public fields. */
    private static double doubleField(Object owner, String name) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.getDouble(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ModelException("cannot read the " + name + " of a Smile " + owner.getClass().getSimpleName()
                    + " (unexpected Smile version?): " + e.getMessage());
        }
    }

    /** Appends trees in pre-order. */
    private static final class Builder {
        final List<Integer> feature = new ArrayList<>();
        final List<Double> threshold = new ArrayList<>();
        final List<Integer> falseChild = new ArrayList<>();
        final List<Double> leafNegative = new ArrayList<>();
        final List<Double> leafPositive = new ArrayList<>();

        int add(Node node) {
            int index = feature.size();
            // A leaf: any column, a threshold no value passes, and itself as the false child.
            feature.add(0);
            threshold.add(Double.NaN);
            falseChild.add(index);
            leafNegative.add(0.0);
            leafPositive.add(0.0);
            if (node instanceof OrdinalNode split) {
                feature.set(index, split.feature());
                threshold.set(index, doubleField(split, "value"));
                add(split.trueChild());
                falseChild.set(index, add(split.falseChild()));
            } else if (node instanceof InternalNode other) {
                throw new ModelException("cannot compile a " + other.getClass().getSimpleName()
                        + " split: the encoded features are all numeric");
            } else if (node instanceof DecisionNode decision) {
                double[] posterior = decision.posteriori(new double[decision.count().length]);
                if (posterior.length != 2) {
                    throw new ModelException("only two-class forests can be compiled");
                }
                leafNegative.set(index, posterior[0]);
                leafPositive.set(index, posterior[1]);
            } else if (node instanceof RegressionNode regression) {
                leafNegative.set(index, regression.output());
            } else {
                throw new ModelException("cannot compile a " + ((LeafNode) node).getClass().getSimpleName() + " leaf");
            }
            return index;
        }
    }
}
