package org.twinbench.model;

import static org.twinbench.model.OnnxProto.FLOAT;
import static org.twinbench.model.OnnxProto.INT64;
import static org.twinbench.model.OnnxProto.STRING;
import static org.twinbench.model.OnnxProto.attribute;
import static org.twinbench.model.OnnxProto.floats;
import static org.twinbench.model.OnnxProto.node;
import static org.twinbench.model.OnnxProto.tensorInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.AtomicFiles;
import org.twinbench.data.Task;
import smile.classification.LogisticRegression;
import smile.regression.LinearModel;

/**
 * Writes a TwinBench-trained model as an ONNX model that ONNX Runtime (and TwinBench's own {@code score
 * --model M.onnx}) scores as the bundle does, laid out as {@code skl2onnx} lays out a scikit-learn pipeline.
 *
 * <p>Inputs: {@value #INPUT}, a float tensor {@code [N, F]} of the numeric features in the model's feature
 * order (NaN for a missing value), and one string tensor {@code [N, 1]} per categorical feature, named like
 * its column (a missing or unseen level encodes as all zeros). Outputs: a classifier's {@code label}
 * (int64 0/1 for a binary model, the class names for a multiclass one) and {@code probabilities}
 * {@code [N, classes]}; a regression's {@code variable} {@code [N, 1]}. Operators from {@code ai.onnx.ml}
 * (opset {@value #ML_OPSET}): a linear model is {@code Imputer} (the training mean for a missing value) and
 * {@code Scaler} (the standardisation) before {@code LinearClassifier}/{@code LinearRegressor}; a tree ensemble
 * is one {@code TreeEnsembleClassifier}/{@code TreeEnsembleRegressor} on the raw values, each threshold
 * mapped back from the standardised scale ({@code mean + sd * t}) and a missing value sent where the mean
 * goes. Categorical features pass {@code OneHotEncoder}, {@code Reshape} and {@code Concat}.
 *
 * <p>Beside the model, {@code MODEL.onnx.json} ({@link OnnxMapping}) names the target, the positive label,
 * the output to read and the columns of {@value #INPUT}. ONNX Runtime's {@code ai.onnx.ml} operators compute
 * in 32-bit floats: scores agree with the bundle's to about 1e-6. A logistic regression (binary or multinomial) is
 * exported in doubles with standard operators instead ({@link OnnxLogistic}): it agrees to about 1e-15.
 */
public final class OnnxExport {

    /** The float input of the numeric features, as {@code skl2onnx} names it. */
    public static final String INPUT = "float_input";
    static final String ML = "ai.onnx.ml";
    static final int IR_VERSION = 8;
    static final int OPSET = 13;
    static final int ML_OPSET = 3;

    private OnnxExport() {
    }

    /**
     * Writes {@code model} to {@code file} and its mapping to {@code file.json}, each atomically; a model
     * not trained by TwinBench (an ONNX model, logged scores) is refused with a {@link ModelException}.
     */
    public static void write(TaskModel model, Path file) {
        byte[] onnx = bytes(model);
        byte[] sidecar;
        try {
            sidecar = ModelBundle.JSON.writeValueAsBytes(sidecar(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mapping always serialises", e);
        }
        try {
            AtomicFiles.write(file, onnx);
            AtomicFiles.write(Path.of(file + ".json"), sidecar);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The names of the exported model's inputs: {@value #INPUT} (if any feature is numeric), then each text column. */
    public static List<String> inputs(TaskModel model) {
        List<String> names = new ArrayList<>();
        sidecar(model).get("inputs").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The mapping written beside the model ({@link OnnxMapping}'s format). */
    static ObjectNode sidecar(TaskModel model) {
        ModelCard card = model.card();
        FeatureEncoder encoder = encoder(model);
        ObjectNode root = ModelBundle.JSON.createObjectNode();
        root.put("format", "twinbench.onnx-mapping");
        root.put("version", 1);
        root.put("target", card.target());
        if (card.task() == Task.BINARY) {
            root.put("positive_label", card.positiveLabel());
        }
        if (TaskModels.fitted(model) instanceof LogisticRegression.Multinomial) {
            // its probability tensor comes from Softmax, not a classifier node naming the classes
            card.classes().forEach(root.putArray("classes")::add);
        }
        root.put("output", card.task() == Task.REGRESSION ? "variable" : "probabilities");
        root.put("training_data_sha256", card.trainingDataSha256());
        ObjectNode inputs = root.putObject("inputs");
        List<String> numeric = numericNames(encoder);
        if (!numeric.isEmpty()) {
            Object fitted = TaskModels.fitted(model);
            boolean logistic = fitted instanceof LogisticRegression.Binomial
                    || fitted instanceof LogisticRegression.Multinomial;
            numeric.forEach(inputs.putArray(logistic ? OnnxLogistic.INPUT : INPUT)::add);
        }
        for (FeatureEncoder.Feature feature : encoder.features()) {
            if (feature instanceof FeatureEncoder.Categorical && feature.width() > 0) {
                inputs.putArray(feature.name()).add(feature.name());
            }
        }
        root.put("note", "exported by TwinBench from a " + card.algorithm() + " " + card.task().id() + " model"
                + " predicting '" + card.target() + "'");
        return root;
    }

    /** The ONNX model's bytes. */
    static byte[] bytes(TaskModel model) {
        FeatureEncoder encoder = encoder(model);
        Object fitted = TaskModels.fitted(model);
        Graph graph = new Graph();
        boolean trees = TreeEnsemble.isEnsemble(fitted);
        ModelCard card = model.card();
        if (fitted instanceof LogisticRegression.Binomial binomial) {
            OnnxLogistic.add(graph, encoder, binomial.coefficients());
            return graph.model(card);
        }
        if (fitted instanceof LogisticRegression.Multinomial multinomial) {
            OnnxLogistic.addMultinomial(graph, encoder, multinomial.coefficients(), card.classes());
            return graph.model(card);
        }
        String features = graph.features(encoder, !trees);
        if (trees) {
            OnnxTrees.add(graph, TreeEnsemble.of(fitted), encoder, features, card);
        } else if (fitted instanceof LinearModel linear) {
            double[] w = linear.coefficients();
            float[] coefficients = new float[graph.width];
            for (int j = 0; j < w.length; j++) {
                coefficients[graph.position[j]] = (float) w[j];
            }
            graph.add(node("LinearRegressor", ML, List.of(features), List.of("variable"),
                    attribute("coefficients", coefficients), attribute("intercepts", new float[] {(float) linear.intercept()}),
                    attribute("targets", 1L)));
            graph.output(tensorInfo("variable", FLOAT, -1, 1));
        } else {
            throw new ModelException("cannot export a " + fitted.getClass().getSimpleName() + " model to ONNX");
        }
        return graph.model(card);
    }

    /**
     * The class labels attribute: 0 and 1 for a binary model ({@code ints}: the linear classifier's name of
     * the attribute, {@code classlabels_int64s} the tree ensemble's), the class names of a multiclass one.
     */
    static OnnxProto labels(ModelCard card, String ints) {
        return card.task() == Task.BINARY ? attribute(ints, new long[] {0, 1})
                : attribute("classlabels_strings", card.classes());
    }

    private static FeatureEncoder encoder(TaskModel model) {
        try {
            return TaskModels.encoder(model);
        } catch (IllegalArgumentException e) {
            throw new ModelException("only a model trained by TwinBench can be exported to ONNX; this one is a "
                    + model.card().algorithm() + " model");
        }
    }

    private static List<String> numericNames(FeatureEncoder encoder) {
        List<String> names = new ArrayList<>();
        for (FeatureEncoder.Feature feature : encoder.features()) {
            if (feature instanceof FeatureEncoder.Numeric) {
                names.add(feature.name());
            }
        }
        return names;
    }

    /** The graph being built: its inputs, nodes, initializers and outputs. */
    static final class Graph {
        private final List<OnnxProto> nodes = new ArrayList<>();
        final List<OnnxProto> inputs = new ArrayList<>();
        private final List<OnnxProto> outputs = new ArrayList<>();
        final List<OnnxProto> initializers = new ArrayList<>();
        /** Types of intermediate tensors that ONNX's shape inference cannot work out (OneHotEncoder's output). */
        final List<OnnxProto> valueInfo = new ArrayList<>();
        /** Where encoded feature {@code j} is in the graph's feature tensor. */
        int[] position;
        int width;

        void add(OnnxProto node) {
            nodes.add(node);
        }

        void output(OnnxProto info) {
            outputs.add(info);
        }

        void classifierOutputs(ModelCard card) {
            int classes = card.task() == Task.BINARY ? 2 : card.classes().size();
            output(tensorInfo("label", card.task() == Task.BINARY ? INT64 : STRING, -1));
            output(tensorInfo("probabilities", FLOAT, -1, classes));
        }

        /**
         * Declares the inputs and the nodes that turn them into one float tensor of every encoded feature
         * (numeric features first, then each categorical's indicators); {@code standardise} adds the
         * imputation and standardisation a linear model needs. Returns the tensor's name.
         */
        String features(FeatureEncoder encoder, boolean standardise) {
            List<FeatureEncoder.Feature> all = encoder.features();
            position = new int[encoder.width()];
            List<Double> means = new ArrayList<>();
            List<Double> scales = new ArrayList<>();
            int offset = 0;
            for (FeatureEncoder.Feature feature : all) {
                if (feature instanceof FeatureEncoder.Numeric numeric) {
                    position[offset] = means.size();
                    means.add(numeric.mean());
                    scales.add(1 / numeric.sd());
                }
                offset += feature.width();
            }
            List<String> parts = new ArrayList<>();
            width = means.size();
            if (width > 0) {
                inputs.add(tensorInfo(INPUT, FLOAT, -1, width));
                String numeric = INPUT;
                if (standardise) {
                    float[] mean = floats(means.stream().mapToDouble(Double::doubleValue).toArray());
                    add(node("Imputer", ML, List.of(INPUT), List.of("tb_imputed"), attribute("imputed_value_floats", mean),
                            attribute("replaced_value_float", Float.NaN)));
                    add(node("Scaler", ML, List.of("tb_imputed"), List.of("tb_scaled"), attribute("offset", mean),
                            attribute("scale", floats(scales.stream().mapToDouble(Double::doubleValue).toArray()))));
                    valueInfo.add(tensorInfo("tb_imputed", FLOAT, -1, width));
                    valueInfo.add(tensorInfo("tb_scaled", FLOAT, -1, width));
                    numeric = "tb_scaled";
                }
                parts.add(numeric);
            }
            offset = 0;
            for (FeatureEncoder.Feature feature : all) {
                if (feature instanceof FeatureEncoder.Categorical categorical && categorical.width() > 0) {
                    int index = parts.size();
                    inputs.add(tensorInfo(feature.name(), STRING, -1, 1));
                    add(node("OneHotEncoder", ML, List.of(feature.name()), List.of("tb_onehot3_" + index),
                            attribute("cats_strings", categorical.levels()), attribute("zeros", 1L)));
                    valueInfo.add(tensorInfo("tb_onehot3_" + index, FLOAT, -1, 1, categorical.width()));
                    initializers.add(OnnxProto.int64Tensor("tb_shape_" + index, new long[] {-1, categorical.width()}));
                    add(node("Reshape", "", List.of("tb_onehot3_" + index, "tb_shape_" + index),
                            List.of("tb_onehot_" + index)));
                    parts.add("tb_onehot_" + index);
                    for (int s = 0; s < categorical.width(); s++) {
                        position[offset + s] = width + s;
                    }
                    width += categorical.width();
                }
                offset += feature.width();
            }
            if (parts.isEmpty()) {
                throw new ModelException("the model has no features to export");
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            add(node("Concat", "", parts, List.of("tb_features"), attribute("axis", 1L)));
            return "tb_features";
        }

        byte[] model(ModelCard card) {
            OnnxProto graph = new OnnxProto();
            nodes.forEach(n -> graph.message(1, n));
            graph.string(2, "twinbench_" + card.algorithm().replace('-', '_'));
            initializers.forEach(t -> graph.message(5, t));
            inputs.forEach(i -> graph.message(11, i));
            outputs.forEach(o -> graph.message(12, o));
            valueInfo.forEach(v -> graph.message(13, v));
            OnnxProto model = new OnnxProto().varint(1, IR_VERSION).string(2, "TwinBench");
            String version = OnnxExport.class.getPackage().getImplementationVersion();
            model.string(3, version == null ? "dev" : version);
            model.string(6, "A " + card.algorithm() + " " + card.task().id() + " model predicting '" + card.target()
                    + "', exported by TwinBench");
            model.message(7, graph);
            model.message(8, new OnnxProto().string(1, "").varint(2, OPSET));
            model.message(8, new OnnxProto().string(1, ML).varint(2, ML_OPSET));
            return model.toByteArray();
        }
    }
}
