package org.twinbench.model;

import static org.twinbench.model.OnnxProto.BOOL;
import static org.twinbench.model.OnnxProto.DOUBLE;
import static org.twinbench.model.OnnxProto.FLOAT;
import static org.twinbench.model.OnnxProto.INT64;
import static org.twinbench.model.OnnxProto.STRING;
import static org.twinbench.model.OnnxProto.attribute;
import static org.twinbench.model.OnnxProto.doubleTensor;
import static org.twinbench.model.OnnxProto.node;
import static org.twinbench.model.OnnxProto.tensorInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The ONNX export of a logistic regression, binary or multinomial, computed in 64-bit doubles with standard
 * ONNX operators, so its probabilities agree with the bundle's to about 1e-15 rather than the 1e-6 of
 * {@code ai.onnx.ml}'s float {@code LinearClassifier}: the numeric columns come in as one double tensor
 * {@value #INPUT} (skl2onnx's name for a double input); a missing value is the training mean
 * ({@code IsNaN}, {@code Where}); each column is centred and scaled as TwinBench does ({@code (x − mean) ×
 * (w / sd)}, a {@code MatMul} with double weights); each categorical column passes {@code OneHotEncoder}
 * and a {@code Cast} to double; a binary model's linear predictor goes through {@code Sigmoid}, a multinomial's
 * through {@code Softmax}. Outputs as every TwinBench classifier export: {@code label} (binary: int64 [N], 1
 * when the probability of class 1 is above 0.5; multiclass: the class name, string [N]) and
 * {@code probabilities} double [N, classes].
 */
final class OnnxLogistic {

    /** The double input of the numeric features, as skl2onnx names a double input. */
    static final String INPUT = "double_input";

    private OnnxLogistic() {
    }

    /** Adds the graph of a binary model's weights {@code w} (Smile's layout: the encoded features' weights, then the intercept). */
    static void add(OnnxExport.Graph graph, FeatureEncoder encoder, double[] w) {
        String eta = linearPredictors(graph, encoder, new double[][] {w});
        graph.initializers.add(doubleTensor("tb_one", new long[] {1}, new double[] {1}));
        graph.initializers.add(doubleTensor("tb_half", new long[] {1}, new double[] {0.5}));
        graph.initializers.add(OnnxProto.int64Tensor("tb_flat", new long[] {-1}));
        graph.add(node("Sigmoid", "", List.of(eta), List.of("tb_p1")));
        graph.add(node("Sub", "", List.of("tb_one", "tb_p1"), List.of("tb_p0")));
        graph.add(node("Concat", "", List.of("tb_p0", "tb_p1"), List.of("probabilities"), attribute("axis", 1L)));
        graph.add(node("Greater", "", List.of("tb_p1", "tb_half"), List.of("tb_positive")));
        graph.add(node("Cast", "", List.of("tb_positive"), List.of("tb_label_column"), attribute("to", (long) INT64)));
        graph.add(node("Reshape", "", List.of("tb_label_column", "tb_flat"), List.of("label")));
        graph.valueInfo.add(tensorInfo("tb_positive", BOOL, -1, 1));
        graph.output(tensorInfo("label", INT64, -1));
        graph.output(tensorInfo("probabilities", DOUBLE, -1, 2));
    }

    /**
     * Adds the graph of a multinomial model of {@code classes}: {@code w[c]} class c's weights in Smile's layout,
     * for every class but the last, whose linear predictor is 0 (Smile's reference class). The predictors go
     * through {@code Softmax}, as Smile's; {@code label} is the most probable class's name ({@code ArgMax},
     * then {@code ai.onnx.ml} {@code LabelEncoder}).
     */
    static void addMultinomial(OnnxExport.Graph graph, FeatureEncoder encoder, double[][] w, List<String> classes) {
        double[][] all = new double[classes.size()][];
        System.arraycopy(w, 0, all, 0, w.length);
        for (int c = w.length; c < all.length; c++) {
            all[c] = new double[w[0].length];
        }
        String eta = linearPredictors(graph, encoder, all);
        graph.add(node("Softmax", "", List.of(eta), List.of("probabilities"), attribute("axis", 1L)));
        graph.add(node("ArgMax", "", List.of("probabilities"), List.of("tb_best"), attribute("axis", 1L),
                attribute("keepdims", 0L)));
        long[] codes = new long[classes.size()];
        for (int c = 0; c < codes.length; c++) {
            codes[c] = c;
        }
        graph.add(node("LabelEncoder", OnnxExport.ML, List.of("tb_best"), List.of("label"),
                attribute("keys_int64s", codes), attribute("values_strings", classes),
                attribute("default_string", "")));
        graph.output(tensorInfo("label", STRING, -1));
        graph.output(tensorInfo("probabilities", DOUBLE, -1, classes.size()));
    }

    /**
     * Adds the inputs and the nodes of the linear predictors {@code b_c + Σ x_j w_cj}, one column per row of
     * {@code w} (Smile's layout), in doubles; returns the name of the {@code [N, rows]} tensor.
     */
    private static String linearPredictors(OnnxExport.Graph graph, FeatureEncoder encoder, double[][] w) {
        int outputs = w.length;
        List<String> terms = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        int offset = 0;
        for (FeatureEncoder.Feature feature : encoder.features()) {
            if (feature instanceof FeatureEncoder.Numeric numeric) {
                means.add(numeric.mean());
                double[] row = new double[outputs];
                for (int c = 0; c < outputs; c++) {
                    row[c] = w[c][offset] / numeric.sd();
                }
                weights.add(row);
            }
            offset += feature.width();
        }
        int width = means.size();
        if (width > 0) {
            graph.inputs.add(tensorInfo(INPUT, DOUBLE, -1, width));
            graph.initializers.add(doubleTensor("tb_mean", new long[] {width}, unboxed(means)));
            graph.initializers.add(doubleTensor("tb_weights", new long[] {width, outputs}, flat(weights)));
            graph.add(node("IsNaN", "", List.of(INPUT), List.of("tb_missing")));
            graph.add(node("Where", "", List.of("tb_missing", "tb_mean", INPUT), List.of("tb_imputed")));
            graph.add(node("Sub", "", List.of("tb_imputed", "tb_mean"), List.of("tb_centred")));
            graph.add(node("MatMul", "", List.of("tb_centred", "tb_weights"), List.of("tb_numeric_eta")));
            terms.add("tb_numeric_eta");
        }
        offset = 0;
        for (FeatureEncoder.Feature feature : encoder.features()) {
            if (feature instanceof FeatureEncoder.Categorical categorical && categorical.width() > 0) {
                String at = "_" + terms.size();
                graph.inputs.add(tensorInfo(feature.name(), STRING, -1, 1));
                graph.add(node("OneHotEncoder", OnnxExport.ML, List.of(feature.name()), List.of("tb_onehot3" + at),
                        attribute("cats_strings", categorical.levels()), attribute("zeros", 1L)));
                graph.valueInfo.add(tensorInfo("tb_onehot3" + at, FLOAT, -1, 1, categorical.width()));
                graph.initializers.add(OnnxProto.int64Tensor("tb_shape" + at, new long[] {-1, categorical.width()}));
                graph.add(node("Reshape", "", List.of("tb_onehot3" + at, "tb_shape" + at), List.of("tb_onehot" + at)));
                graph.add(node("Cast", "", List.of("tb_onehot" + at), List.of("tb_indicators" + at),
                        attribute("to", (long) DOUBLE)));
                List<double[]> levelWeights = new ArrayList<>();
                for (int l = 0; l < categorical.width(); l++) {
                    double[] row = new double[outputs];
                    for (int c = 0; c < outputs; c++) {
                        row[c] = w[c][offset + l];
                    }
                    levelWeights.add(row);
                }
                graph.initializers.add(doubleTensor("tb_weights" + at, new long[] {categorical.width(), outputs},
                        flat(levelWeights)));
                graph.add(node("MatMul", "", List.of("tb_indicators" + at, "tb_weights" + at), List.of("tb_eta" + at)));
                terms.add("tb_eta" + at);
            }
            offset += feature.width();
        }
        if (terms.isEmpty()) {
            throw new ModelException("the model has no features to export");
        }
        double[] intercepts = new double[outputs];
        for (int c = 0; c < outputs; c++) {
            intercepts[c] = w[c][w[c].length - 1];
        }
        graph.initializers.add(doubleTensor("tb_intercept", new long[] {outputs}, intercepts));
        terms.add(0, "tb_intercept");
        // b + the numeric part + each categorical's part, in TwinBench's order of the features
        String eta = terms.get(0);
        for (int k = 1; k < terms.size(); k++) {
            String sum = "tb_sum_" + k;
            graph.add(node("Add", "", List.of(eta, terms.get(k)), List.of(sum)));
            eta = sum;
        }
        return eta;
    }

    private static double[] flat(List<double[]> rows) {
        return rows.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
