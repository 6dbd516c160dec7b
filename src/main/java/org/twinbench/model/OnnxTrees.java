package org.twinbench.model;

import static org.twinbench.model.OnnxProto.FLOAT;
import static org.twinbench.model.OnnxProto.attribute;
import static org.twinbench.model.OnnxProto.node;
import static org.twinbench.model.OnnxProto.tensorInfo;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.Task;

/**
 * The {@code TreeEnsembleClassifier}/{@code TreeEnsembleRegressor} node of an exported tree ensemble
 * ({@link OnnxExport}). Splits test the raw values: a numeric threshold {@code t} on the standardised scale
 * becomes {@code mean + sd * t}, and a missing value follows the branch the mean (0 on that scale) takes;
 * an indicator split keeps its threshold. Leaf weights give the ensemble's formula ({@link TreeEnsemble}):
 * <ul>
 *   <li>forest of classes: each class's posterior times the tree's share of the total tree weight, summed;</li>
 *   <li>binary boosting: as {@code skl2onnx} writes it, {@code 2·shrinkage·out} on class 0 only, base {@code 2b},
 *       then the logistic function, which ONNX Runtime gives as {@code [1 − p1, p1]}, {@code p1 = 1/(1 + exp(−2y))};</li>
 *   <li>multiclass boosting: {@code shrinkage·out} on the tree's class, then the softmax;</li>
 *   <li>regression: the forest's average of the leaf outputs, or boosting's {@code b + shrinkage·sum}.</li>
 * </ul>
 */
final class OnnxTrees {

    private OnnxTrees() {
    }

    static void add(OnnxExport.Graph graph, TreeEnsemble ensemble, FeatureEncoder encoder, String features,
                    ModelCard card) {
        double[] mean = new double[encoder.width()];
        double[] sd = new double[encoder.width()];
        boolean[] numeric = new boolean[encoder.width()];
        int offset = 0;
        for (FeatureEncoder.Feature feature : encoder.features()) {
            if (feature instanceof FeatureEncoder.Numeric n) {
                numeric[offset] = true;
                mean[offset] = n.mean();
                sd[offset] = n.sd();
            }
            offset += feature.width();
        }
        Columns nodes = new Columns();
        Columns leaves = new Columns();
        double totalWeight = 0;
        for (TreeEnsemble.Tree tree : ensemble.trees()) {
            totalWeight += tree.scale();
        }
        TreeEnsemble.Kind kind = ensemble.kind();
        for (int t = 0; t < ensemble.trees().size(); t++) {
            TreeEnsemble.Tree tree = ensemble.trees().get(t);
            for (int k = 0; k < tree.size(); k++) {
                int j = tree.feature()[k];
                nodes.tree.add((long) t);
                nodes.node.add((long) k);
                if (j < 0) {
                    nodes.mode.add("LEAF");
                    nodes.feature.add(0L);
                    nodes.value.add(0.0);
                    nodes.trueNode.add(0L);
                    nodes.falseNode.add(0L);
                    nodes.missingTrue.add(0L);
                    double[] leaf = tree.leaf()[k];
                    switch (kind) {
                        case FOREST_CLASSES -> {
                            for (int c = 0; c < leaf.length; c++) {
                                leaves.leaf(t, k, c, tree.scale() * leaf[c] / totalWeight);
                            }
                        }
                        case BOOSTING_BINARY -> leaves.leaf(t, k, 0, 2 * tree.scale() * leaf[0]);
                        default -> leaves.leaf(t, k, tree.target(), tree.scale() * leaf[0]);
                    }
                } else {
                    double threshold = tree.threshold()[k];
                    nodes.mode.add("BRANCH_LEQ");
                    nodes.feature.add((long) graph.position[j]);
                    nodes.value.add(numeric[j] ? rawThreshold(mean[j], sd[j], threshold) : threshold);
                    nodes.trueNode.add((long) tree.left()[k]);
                    nodes.falseNode.add((long) tree.right()[k]);
                    nodes.missingTrue.add(numeric[j] && 0 <= threshold ? 1L : 0L);
                }
            }
        }
        List<OnnxProto> attributes = new ArrayList<>(List.of(
                attribute("nodes_treeids", longs(nodes.tree)), attribute("nodes_nodeids", longs(nodes.node)),
                attribute("nodes_featureids", longs(nodes.feature)), attribute("nodes_values", floats(nodes.value)),
                attribute("nodes_modes", nodes.mode), attribute("nodes_truenodeids", longs(nodes.trueNode)),
                attribute("nodes_falsenodeids", longs(nodes.falseNode)),
                attribute("nodes_missing_value_tracks_true", longs(nodes.missingTrue))));
        double[] base = ensemble.base();
        boolean regression = card.task() == Task.REGRESSION;
        String prefix = regression ? "target_" : "class_";
        attributes.add(attribute(prefix + "treeids", longs(leaves.tree)));
        attributes.add(attribute(prefix + "nodeids", longs(leaves.node)));
        attributes.add(attribute(prefix + "ids", longs(leaves.feature)));
        attributes.add(attribute(prefix + "weights", floats(leaves.value)));
        if (regression) {
            attributes.add(attribute("n_targets", 1L));
            attributes.add(attribute("aggregate_function", kind == TreeEnsemble.Kind.FOREST_REGRESSION ? "AVERAGE" : "SUM"));
            if (kind == TreeEnsemble.Kind.BOOSTING_REGRESSION) {
                attributes.add(attribute("base_values", new float[] {(float) base[0]}));
            }
            attributes.add(attribute("post_transform", "NONE"));
            graph.add(node("TreeEnsembleRegressor", OnnxExport.ML, List.of(features), List.of("variable"),
                    attributes.toArray(new OnnxProto[0])));
            graph.output(tensorInfo("variable", FLOAT, -1, 1));
            return;
        }
        attributes.add(OnnxExport.labels(card, "classlabels_int64s"));
        switch (kind) {
            case BOOSTING_BINARY -> {
                attributes.add(attribute("base_values", new float[] {(float) (2 * base[0])}));
                attributes.add(attribute("post_transform", "LOGISTIC"));
            }
            case BOOSTING_CLASSES -> attributes.add(attribute("post_transform", "SOFTMAX"));
            default -> attributes.add(attribute("post_transform", "NONE"));
        }
        graph.add(node("TreeEnsembleClassifier", OnnxExport.ML, List.of(features), List.of("label", "probabilities"),
                attributes.toArray(new OnnxProto[0])));
        graph.classifierOutputs(card);
    }

    /**
     * The float threshold on the raw scale that decides as the standardised threshold {@code t} does: the
     * largest float {@code f} whose value, read as the shortest decimal that prints it (as a CSV cell holds
     * it), standardises ({@code (v - mean) / sd}, as {@link FeatureEncoder} computes it) to at most {@code t}.
     * Smile's thresholds can fall within a rounding error of a training value, so {@code mean + sd * t}
     * rounded to a float alone could send that value the other way.
     */
    static double rawThreshold(double mean, double sd, double t) {
        float f = (float) (mean + sd * t);
        for (int guard = 0; guard < 64 && (decimal(f) - mean) / sd > t; guard++) {
            f = Math.nextDown(f);
        }
        for (int guard = 0; guard < 64 && (decimal(Math.nextUp(f)) - mean) / sd <= t; guard++) {
            f = Math.nextUp(f);
        }
        return f;
    }

    private static double decimal(float f) {
        return Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f;
    }

    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static float[] floats(List<Double> values) {
        return OnnxProto.floats(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Attribute columns being collected: per node, or per leaf weight (tree, node, class in {@code feature}). */
    private static final class Columns {
        final List<Long> tree = new ArrayList<>();
        final List<Long> node = new ArrayList<>();
        final List<Long> feature = new ArrayList<>();
        final List<Double> value = new ArrayList<>();
        final List<String> mode = new ArrayList<>();
        final List<Long> trueNode = new ArrayList<>();
        final List<Long> falseNode = new ArrayList<>();
        final List<Long> missingTrue = new ArrayList<>();

        void leaf(int t, int k, int target, double weight) {
            tree.add((long) t);
            node.add((long) k);
            feature.add((long) target);
            value.add(weight);
        }
    }
}
