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
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.regression.RegressionTree;

/**
 * A fitted Smile tree ensemble read into plain arrays, the one description both the compiled scorer
 * ({@link CompiledTrees}) and the ONNX export ({@link OnnxExport}) are built from.
 *
 * <p>Every tree's nodes are in pre-order; a split sends a row to {@code left} when its encoded feature is
 * {@code <= threshold} (Smile's {@code OrdinalNode}; NaN goes right) and to {@code right} otherwise. A leaf
 * has feature −1 and {@code leafWidth} values. The ensemble's output for a row, before {@link #kind}'s
 * final transform, is {@code acc[c] = base[c] + sum_t scale_t * leaf_t[c - target_t]} over the trees in
 * order, for the {@code outputs()} values {@code c}:
 * <ul>
 *   <li>{@link Kind#FOREST_CLASSES}: leaf values are the leaf posteriors of every class, scale the tree's
 *       weight, and the probabilities are {@code acc} divided by its sum (Smile's {@code unitize1});</li>
 *   <li>{@link Kind#BOOSTING_BINARY}: one value, scale the shrinkage, base the intercept {@code b};
 *       the positive probability is {@code 1 − 1/(1 + exp(2 acc))};</li>
 *   <li>{@link Kind#BOOSTING_CLASSES}: each tree adds to one class, the probabilities are the softmax;</li>
 *   <li>{@link Kind#FOREST_REGRESSION}: the mean of the trees' outputs;</li>
 *   <li>{@link Kind#BOOSTING_REGRESSION}: {@code b} plus the shrunk outputs.</li>
 * </ul>
 */
final class TreeEnsemble {

    /** What the accumulated sums mean. */
    enum Kind { FOREST_CLASSES, BOOSTING_BINARY, BOOSTING_CLASSES, FOREST_REGRESSION, BOOSTING_REGRESSION }

    /** One tree: parallel node arrays in pre-order, its root at 0. */
    record Tree(int target, double scale, int[] feature, double[] threshold, int[] left, int[] right,
                double[][] leaf, int depth) {
        int size() {
            return feature.length;
        }
    }

    private final Kind kind;
    private final int outputs;
    private final double[] base;
    private final List<Tree> trees;

    TreeEnsemble(Kind kind, int outputs, double[] base, List<Tree> trees) {
        this.kind = kind;
        this.outputs = outputs;
        this.base = base;
        this.trees = List.copyOf(trees);
    }

    Kind kind() {
        return kind;
    }

    /** How many sums a row has: the classes of a classifier (1 for binary boosting), 1 for a regression. */
    int outputs() {
        return outputs;
    }

    double[] base() {
        return base.clone();
    }

    List<Tree> trees() {
        return trees;
    }

    /** Reads a Smile random forest or gradient-boosted ensemble, of classes or of amounts. */
    static TreeEnsemble of(Object fitted) {
        if (fitted instanceof RandomForest forest) {
            RandomForest.Model[] models = forest.models();
            List<Tree> trees = new ArrayList<>();
            int classes = -1;
            for (RandomForest.Model model : models) {
                Tree tree = read(model.tree.root(), 0, model.weight);
                classes = tree.leaf[firstLeaf(tree)].length;
                trees.add(tree);
            }
            return new TreeEnsemble(Kind.FOREST_CLASSES, Math.max(classes, 2), new double[Math.max(classes, 2)], trees);
        }
        if (fitted instanceof GradientTreeBoost boost) {
            double shrinkage = doubleField(boost, "shrinkage");
            List<Tree> trees = new ArrayList<>();
            if (((Number) field(boost, "k")).intValue() == 2) {
                for (RegressionTree tree : boost.trees()) {
                    trees.add(read(tree.root(), 0, shrinkage));
                }
                return new TreeEnsemble(Kind.BOOSTING_BINARY, 1, new double[] {doubleField(boost, "b")}, trees);
            }
            RegressionTree[][] forest = (RegressionTree[][]) field(boost, "forest");
            for (int c = 0; c < forest.length; c++) {
                for (RegressionTree tree : forest[c]) {
                    trees.add(read(tree.root(), c, shrinkage));
                }
            }
            return new TreeEnsemble(Kind.BOOSTING_CLASSES, forest.length, new double[forest.length], trees);
        }
        if (fitted instanceof smile.regression.RandomForest forest) {
            List<Tree> trees = new ArrayList<>();
            for (RegressionTree tree : forest.trees()) {
                trees.add(read(tree.root(), 0, 1.0));
            }
            return new TreeEnsemble(Kind.FOREST_REGRESSION, 1, new double[1], trees);
        }
        if (fitted instanceof smile.regression.GradientTreeBoost boost) {
            List<Tree> trees = new ArrayList<>();
            double shrinkage = doubleField(boost, "shrinkage");
            for (RegressionTree tree : boost.trees()) {
                trees.add(read(tree.root(), 0, shrinkage));
            }
            return new TreeEnsemble(Kind.BOOSTING_REGRESSION, 1, new double[] {doubleField(boost, "b")}, trees);
        }
        throw new ModelException("not a tree ensemble: " + fitted.getClass().getSimpleName());
    }

    /** Whether {@code fitted} is one of the ensembles {@link #of} reads. */
    static boolean isEnsemble(Object fitted) {
        return fitted instanceof RandomForest || fitted instanceof GradientTreeBoost
                || fitted instanceof smile.regression.RandomForest || fitted instanceof smile.regression.GradientTreeBoost;
    }

    private static int firstLeaf(Tree tree) {
        int k = 0;
        while (tree.feature[k] >= 0) {
            k++;
        }
        return k;
    }

    private static Tree read(Node root, int target, double scale) {
        Nodes nodes = new Nodes();
        nodes.add(root);
        int n = nodes.feature.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        for (int k = 0; k < n; k++) {
            feature[k] = nodes.feature.get(k);
            threshold[k] = nodes.threshold.get(k);
            left[k] = nodes.left.get(k);
            right[k] = nodes.right.get(k);
        }
        return new Tree(target, scale, feature, threshold, left, right, nodes.leaf.toArray(new double[0][]),
                root.depth());
    }

    /** Appends a tree's nodes in pre-order. */
    private static final class Nodes {
        final List<Integer> feature = new ArrayList<>();
        final List<Double> threshold = new ArrayList<>();
        final List<Integer> left = new ArrayList<>();
        final List<Integer> right = new ArrayList<>();
        final List<double[]> leaf = new ArrayList<>();

        int add(Node node) {
            int index = feature.size();
            feature.add(-1);
            threshold.add(Double.NaN);
            left.add(-1);
            right.add(-1);
            leaf.add(null);
            if (node instanceof OrdinalNode split) {
                feature.set(index, split.feature());
                threshold.set(index, doubleField(split, "value"));
                left.set(index, add(split.trueChild()));
                right.set(index, add(split.falseChild()));
            } else if (node instanceof InternalNode other) {
                throw new ModelException("cannot read a " + other.getClass().getSimpleName()
                        + " split: the encoded features are all numeric");
            } else if (node instanceof DecisionNode decision) {
                leaf.set(index, decision.posteriori(new double[decision.count().length]));
            } else if (node instanceof RegressionNode regression) {
                leaf.set(index, new double[] {regression.output()});
            } else {
                throw new ModelException("cannot read a " + ((LeafNode) node).getClass().getSimpleName() + " leaf");
            }
            return index;
        }
    }

    /** Smile keeps a split's threshold, the boosting intercept and shrinkage in non-public fields. */
    static double doubleField(Object owner, String name) {
        return ((Number) field(owner, name)).doubleValue();
    }

    private static Object field(Object owner, String name) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ModelException("cannot read the " + name + " of a Smile " + owner.getClass().getSimpleName()
                    + " (unexpected Smile version?): " + e.getMessage());
        }
    }
}
