package org.twinbench.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.twinbench.data.Task;

/**
 * Which output of an ONNX model TwinBench reads, what task that makes the model, and how a runtime
 * value of that output becomes numbers.
 *
 * <ul>
 *   <li>Class probabilities: a ZipMap {@code seq(map(int64|string, float))} (exporters' default), or a
 *       float or double tensor {@code [N, C]}; a tensor {@code [N]} or {@code [N, 1]} is the positive
 *       class's probability of a binary model. The classes are the model's own labels in their order (the
 *       ZipMap's keys, or the labels of the classifier node), renamed by the sidecar's {@code classes}.
 *       Two classes make a binary model, three or more a multiclass one.</li>
 *   <li>Amounts: the output {@code variable} (as skl2onnx and onnxmltools name a regressor's output), a
 *       float or double tensor {@code [N]} or {@code [N, 1]}, when no node of the model carries class
 *       labels; or any such output when the sidecar says {@code "task": "regression"}.</li>
 * </ul>
 * The sidecar's {@code output} picks the output by name; without it a ZipMap is read first, then a
 * tensor whose name holds "prob", then the first float or double tensor.
 */
final class OnnxOutputs {

    private final String output;
    /** The output asked of the runtime: {@link #output}, or the tensor a ZipMap output zips. */
    private final String fetched;
    private final Task task;
    /** Columns read per row: the classes, or 1 (amounts; the positive class's probability alone). */
    private final int width;
    /** ZipMap keys in class order (Long or String), or null for a tensor output. */
    private final Object[] keys;
    private final boolean floats;
    /** The target's values of the classes, in class order; empty for regression or an unnamed single column. */
    private final List<String> classes;
    private final int positive;
    private final String positiveLabel;
    /** A label-only model: each label's class index (labels as text), else null. */
    private Map<String, Integer> labelIndex;
    /** A label-only binary model: the index of the positive class among the labels. */
    private int labelPositive = -1;

    private OnnxOutputs(String output, String fetched, Task task, int width, Object[] keys, boolean floats,
                        List<String> classes, int positive, String positiveLabel) {
        this.output = output;
        this.fetched = fetched;
        this.task = task;
        this.width = width;
        this.keys = keys;
        this.floats = floats;
        this.classes = classes;
        this.positive = positive;
        this.positiveLabel = positiveLabel;
    }

    /**
     * The reading of the model's outputs, or null with the reasons added to {@code problems}. {@code zipMaps}
     * names, for a ZipMap output, the float tensor [N, C] it zips that the runtime also returns.
     */
    static OnnxOutputs choose(Map<String, NodeInfo> outputs, OnnxMapping mapping, Map<String, List<String>> labels,
                              Map<String, String> producers, Map<String, String> zipMaps, List<String> problems) {
        String chosen = pick(outputs, mapping, labels);
        String labelOutput = chosen != null && !readable(outputs.get(chosen).getInfo()) ? chosen
                : chosen == null && mapping.output() == null ? labelOutput(outputs) : null;
        if (labelOutput != null && labelTensor(outputs.get(labelOutput).getInfo()) && mapping.task() != Task.REGRESSION) {
            return labelsOnly(labelOutput, (TensorInfo) outputs.get(labelOutput).getInfo(), mapping, labels, problems);
        }
        if (chosen == null) {
            problems.add(mapping.output() != null && !outputs.containsKey(mapping.output())
                    ? mapping.name() + " names output '" + mapping.output() + "', which the model does not have"
                    : "no output holds class probabilities or amounts");
            return null;
        }
        ValueInfo info = outputs.get(chosen).getInfo();
        if (!readable(info)) {
            problems.add("output '" + chosen + "' is " + OnnxSignature.type(info) + ", which TwinBench cannot read");
            return null;
        }
        boolean zipmap = info instanceof SequenceInfo;
        boolean floats = zipmap || ((TensorInfo) info).type == OnnxJavaType.FLOAT;
        long[] shape = zipmap ? new long[] {-1} : ((TensorInfo) info).getShape();
        if (shape.length > 2) {
            problems.add("output '" + chosen + "' has " + shape.length + " dimensions; TwinBench reads [N] or [N, C]");
            return null;
        }
        long columns = zipmap ? -1 : shape.length == 2 ? shape[1] : 1;
        Task declared = mapping.task();
        boolean amounts = declared == null && !zipmap && columns <= 1 && labels.isEmpty()
                && (chosen.equals("variable") || REGRESSORS.contains(producers.getOrDefault(chosen, "")));
        if (declared == null && !zipmap && columns <= 1 && labels.isEmpty() && !amounts
                && !chosen.toLowerCase(java.util.Locale.ROOT).contains("prob")
                && !PROBABILITY_NODES.contains(producers.getOrDefault(chosen, ""))) {
            problems.add("output '" + chosen + "' is " + OnnxSignature.type(info) + " with no classifier or regressor "
                    + "node: it could be amounts or one class's probability; say which in " + mapping.name()
                    + " ({\"task\": \"regression\"} or {\"task\": \"binary\"})");
            return null;
        }
        if (declared == Task.REGRESSION || amounts) {
            if (zipmap || columns > 1) {
                problems.add("output '" + chosen + "' is " + OnnxSignature.type(info) + "; a regression's amounts are [N] "
                        + "or [N, 1]");
                return null;
            }
            return new OnnxOutputs(chosen, chosen, Task.REGRESSION, 1, null, floats, List.of(), 0, "");
        }
        List<String> modelClasses = labels.get(chosen);
        if (modelClasses == null && new LinkedHashSet<>(labels.values()).size() == 1) {
            modelClasses = labels.values().iterator().next();
        }
        if (modelClasses == null && zipmap) {
            modelClasses = mapping.classes();
        }
        int count = columns > 0 ? (int) columns : modelClasses != null ? modelClasses.size()
                : mapping.classes() != null ? mapping.classes().size() : -1;
        if (count < 1 || (zipmap && modelClasses == null)) {
            problems.add("output '" + chosen + "' holds class probabilities but the model names no classes; list them "
                    + "in " + mapping.name() + " ({\"classes\": [...]}, in the model's order)");
            return null;
        }
        if (count > 1 && modelClasses != null && modelClasses.size() != count) {
            problems.add("output '" + chosen + "' has " + count + " columns but the model names " + modelClasses.size()
                    + " classes " + modelClasses);
            return null;
        }
        List<String> classes = mapping.classes() != null ? mapping.classes() : modelClasses;
        if (classes != null && classes.size() != Math.max(count, 2)) {
            problems.add(mapping.name() + " names " + classes.size() + " classes; the model has " + Math.max(count, 2));
            return null;
        }
        Task task = count <= 2 ? Task.BINARY : Task.MULTICLASS;
        if (declared != null && declared != task) {
            problems.add(mapping.name() + " says the task is " + declared.id() + ", but output '" + chosen + "' gives "
                    + (count == 1 ? "one probability" : count + " class probabilities"));
            return null;
        }
        Object[] keys = zipmap ? keys(modelClasses, ((SequenceInfo) info).mapInfo.keyType) : null;
        String fetched = zipmap ? zipMaps.getOrDefault(chosen, chosen) : chosen;
        if (zipmap && keys == null) {
            problems.add("output '" + chosen + "' is a ZipMap with int64 keys, but its classes " + modelClasses
                    + " are not all whole numbers");
            return null;
        }
        if (task == Task.MULTICLASS) {
            if (classes == null) {
                problems.add("output '" + chosen + "' gives " + count + " class probabilities but the model names no "
                        + "classes; list them in " + mapping.name() + " ({\"classes\": [...]}, in the model's order)");
                return null;
            }
            return new OnnxOutputs(chosen, fetched, task, count, keys, floats, List.copyOf(classes), -1, "");
        }
        int positive = count == 1 ? 0 : positive(mapping, modelClasses, classes, problems);
        if (positive < 0) {
            return null;
        }
        String label = mapping.positiveLabel() != null ? mapping.positiveLabel()
                : classes != null ? classes.get(count == 1 ? 1 : positive) : "1";
        return new OnnxOutputs(chosen, fetched, task, count, keys, floats,
                classes == null ? List.of() : List.copyOf(classes), positive, label);
    }

    /**
     * The outputs of these nodes are amounts even when not named {@code variable}; the outputs of
     * {@link #PROBABILITY_NODES} are probabilities.
     */
    private static final java.util.Set<String> REGRESSORS = java.util.Set.of("LinearRegressor", "TreeEnsembleRegressor",
            "SVMRegressor", "TreeEnsemble");
    private static final java.util.Set<String> PROBABILITY_NODES = java.util.Set.of("Sigmoid", "Softmax",
            "LinearClassifier", "TreeEnsembleClassifier", "SVMClassifier", "Normalizer");

    /** The first int64 or string tensor [N] or [N, 1], preferring one whose name holds "label"; or null. */
    private static String labelOutput(Map<String, NodeInfo> outputs) {
        String first = null;
        for (Map.Entry<String, NodeInfo> entry : outputs.entrySet()) {
            if (labelTensor(entry.getValue().getInfo())) {
                if (entry.getKey().toLowerCase(java.util.Locale.ROOT).contains("label")) {
                    return entry.getKey();
                }
                first = first == null ? entry.getKey() : first;
            }
        }
        return first;
    }

    private static boolean labelTensor(ValueInfo info) {
        if (!(info instanceof TensorInfo tensor)
                || (tensor.type != OnnxJavaType.INT64 && tensor.type != OnnxJavaType.STRING)) {
            return false;
        }
        long[] shape = tensor.getShape();
        return shape.length == 1 || (shape.length == 2 && shape[1] <= 1);
    }

    /**
     * A classifier that gives only its predicted class: each row scores 1 for that class and 0 for the
     * others. The classes are the classifier node's labels (renamed by the sidecar's {@code classes}), or
     * the sidecar's {@code classes} as the label values.
     */
    private static OnnxOutputs labelsOnly(String output, TensorInfo info, OnnxMapping mapping,
                                          Map<String, List<String>> labels, List<String> problems) {
        List<String> modelClasses = labels.get(output);
        if (modelClasses == null && new LinkedHashSet<>(labels.values()).size() == 1) {
            modelClasses = labels.values().iterator().next();
        }
        List<String> classes = mapping.classes() != null ? mapping.classes() : modelClasses;
        modelClasses = modelClasses != null ? modelClasses : classes;
        if (classes == null) {
            problems.add("output '" + output + "' gives class labels only and the model names no classes; list them in "
                    + mapping.name() + " ({\"classes\": [...]}, as the labels read)");
            return null;
        }
        if (classes.size() != modelClasses.size() || classes.size() < 2) {
            problems.add(mapping.name() + " names " + classes.size() + " classes; the model's labels are " + modelClasses);
            return null;
        }
        Task task = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        if (mapping.task() != null && mapping.task() != task) {
            problems.add(mapping.name() + " says the task is " + mapping.task().id() + ", but output '" + output
                    + "' gives labels of " + classes.size() + " classes");
            return null;
        }
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int c = 0; c < modelClasses.size(); c++) {
            index.put(modelClasses.get(c), c);
        }
        OnnxOutputs out;
        if (task == Task.MULTICLASS) {
            out = new OnnxOutputs(output, output, task, classes.size(), null, false, List.copyOf(classes), -1, "");
        } else {
            int positive = positive(mapping, modelClasses, classes, problems);
            if (positive < 0) {
                return null;
            }
            String label = mapping.positiveLabel() != null ? mapping.positiveLabel() : classes.get(positive);
            out = new OnnxOutputs(output, output, task, 1, null, false, List.copyOf(classes), 0, label);
            out.labelPositive = positive;
        }
        out.labelIndex = index;
        return out;
    }

    private static String pick(Map<String, NodeInfo> outputs, OnnxMapping mapping, Map<String, List<String>> labels) {
        if (mapping.output() != null) {
            return outputs.containsKey(mapping.output()) ? mapping.output() : null;
        }
        String firstNumbers = null;
        String named = null;
        for (Map.Entry<String, NodeInfo> entry : outputs.entrySet()) {
            ValueInfo info = entry.getValue().getInfo();
            if (info instanceof SequenceInfo && readable(info) && mapping.task() != Task.REGRESSION) {
                return entry.getKey();
            }
            if (info instanceof TensorInfo && readable(info)) {
                firstNumbers = firstNumbers == null ? entry.getKey() : firstNumbers;
                boolean wanted = mapping.task() == Task.REGRESSION || labels.isEmpty() && mapping.task() == null
                        ? entry.getKey().equals("variable") : entry.getKey().toLowerCase(java.util.Locale.ROOT).contains("prob");
                named = named == null && wanted ? entry.getKey() : named;
            }
        }
        return named != null ? named : firstNumbers;
    }

    private static boolean readable(ValueInfo info) {
        if (info instanceof TensorInfo tensor) {
            return tensor.type == OnnxJavaType.FLOAT || tensor.type == OnnxJavaType.DOUBLE;
        }
        return info instanceof SequenceInfo sequence && sequence.isSequenceOfMaps()
                && (sequence.mapInfo.keyType == OnnxJavaType.INT64 || sequence.mapInfo.keyType == OnnxJavaType.STRING)
                && (sequence.mapInfo.valueType == OnnxJavaType.FLOAT || sequence.mapInfo.valueType == OnnxJavaType.DOUBLE);
    }

    /** The ZipMap's keys of the classes (Long or String), or null when int64 keys are not all whole numbers. */
    private static Object[] keys(List<String> labels, OnnxJavaType type) {
        Object[] keys = new Object[labels.size()];
        for (int c = 0; c < keys.length; c++) {
            try {
                keys[c] = type == OnnxJavaType.INT64 ? (Object) Long.valueOf(labels.get(c)) : labels.get(c);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return keys;
    }

    /** The column of the positive class of a two-class output: the sidecar's choice, else the second class. */
    private static int positive(OnnxMapping mapping, List<String> modelClasses, List<String> classes,
                                List<String> problems) {
        String wanted = mapping.positiveClass();
        if (wanted != null) {
            int at = indexIn(wanted, modelClasses, classes);
            if (at < 0 && modelClasses == null && classes == null && (wanted.equals("0") || wanted.equals("1"))) {
                at = Integer.parseInt(wanted);
            }
            if (at < 0) {
                problems.add(mapping.name() + ": positive_class '" + wanted + "' is not one of the model's classes "
                        + (modelClasses != null ? modelClasses : classes != null ? classes : List.of("0", "1")));
            }
            return at;
        }
        int at = mapping.positiveLabel() == null ? -1 : indexIn(mapping.positiveLabel(), modelClasses, classes);
        return at < 0 ? 1 : at;
    }

    private static int indexIn(String label, List<String> first, List<String> second) {
        int at = first == null ? -1 : first.indexOf(label);
        return at >= 0 || second == null ? at : second.indexOf(label);
    }

    String output() {
        return output;
    }

    String fetched() {
        return fetched;
    }

    Task task() {
        return task;
    }

    List<String> classes() {
        return classes;
    }

    int positive() {
        return positive;
    }

    String positiveLabel() {
        return positiveLabel;
    }

    /**
     * Writes a batch's values to {@code out}: {@code out[i * width() + c]} for row {@code i} of the batch
     * and column {@code c}; {@code from} is the batch's first row, for messages.
     */
    void read(OnnxValue value, int from, int rows, double[] out) throws OrtException {
        if (labelIndex != null) {
            readLabels(value, from, rows, out);
            return;
        }
        if (keys != null && fetched.equals(output)) {
            List<? extends OnnxValue> maps = ((OnnxSequence) value).getValue();
            try {
                for (int i = 0; i < rows; i++) {
                    Map<?, ?> map = ((OnnxMap) maps.get(i)).getValue();
                    for (int c = 0; c < width; c++) {
                        Object cell = map.get(keys[c]);
                        if (!(cell instanceof Number number)) {
                            throw new ModelException("ONNX output '" + output + "' has no probability for class '"
                                    + keys[c] + "' in row " + (from + i + 1));
                        }
                        out[i * width + c] = number.doubleValue();
                    }
                }
            } finally {
                maps.forEach(OnnxValue::close);
            }
            return;
        }
        if (!(value instanceof OnnxTensor tensor) || (keys != null && tensor.getInfo().type != OnnxJavaType.FLOAT)) {
            throw new ModelException("ONNX output '" + fetched + "' is not a " + (keys != null ? "float " : "") + "tensor");
        }
        long[] shape = tensor.getInfo().getShape();
        int stride = shape.length == 2 ? (int) shape[1] : 1;
        if (stride != width || shape[0] != rows) {
            throw new ModelException("ONNX output '" + output + "' gave shape " + java.util.Arrays.toString(shape) + " for "
                    + rows + " rows; expected " + width + (width == 1 ? " value" : " columns") + " per row");
        }
        if (floats) {
            FloatBuffer buffer = tensor.getFloatBuffer();
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < width; c++) {
                    out[i * width + c] = buffer.get(i * width + c);
                }
            }
        } else {
            DoubleBuffer buffer = tensor.getDoubleBuffer();
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < width; c++) {
                    out[i * width + c] = buffer.get(i * width + c);
                }
            }
        }
    }

    /** A label-only model's rows: 1 for the predicted class, 0 for the others (binary: 1 when it is the positive class). */
    private void readLabels(OnnxValue value, int from, int rows, double[] out) throws OrtException {
        Object cells = value instanceof OnnxTensor tensor ? tensor.getValue() : null;
        java.util.Arrays.fill(out, 0, rows * width, 0.0);
        for (int i = 0; i < rows; i++) {
            Object cell = cells instanceof long[] longs ? (Object) longs[i]
                    : cells instanceof long[][] longs ? (Object) longs[i][0]
                    : cells instanceof String[] texts ? texts[i]
                    : cells instanceof String[][] texts ? texts[i][0] : null;
            Integer at = cell == null ? null : labelIndex.get(cell.toString());
            if (at == null) {
                throw new ModelException("ONNX output '" + output + "' gave " + (cell == null ? "no label"
                        : "'" + cell + "'") + " for row " + (from + i + 1) + ", which is none of the model's classes "
                        + labelIndex.keySet());
            }
            if (labelPositive >= 0) {
                out[i] = at == labelPositive ? 1 : 0;
            } else {
                out[i * width + at] = 1;
            }
        }
    }

    /** The label output, when the model gives only labels (its scores are then 0 or 1); else null. */
    String labelsOnlyOutput() {
        return labelIndex == null ? null : output;
    }

    /** Columns read per row. */
    int width() {
        return width;
    }

    /** A value as the runtime gave it: float outputs printed as floats ({@code 5.25}, not 5.25000…). */
    String shown(double value) {
        return floats ? Float.toString((float) value) : Double.toString(value);
    }

    /** Whether the output's element type is float (else double). */
    boolean floats() {
        return floats;
    }
}
