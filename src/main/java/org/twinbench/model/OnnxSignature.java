package org.twinbench.model;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model's inputs and outputs written as ONNX writes types — {@code 'float_input' tensor(float)
 * [N, 30]}, {@code 'output_probability' seq(map(int64, tensor(float)))} — for the one-line message that
 * refuses a model: what it has, and what TwinBench reads.
 */
final class OnnxSignature {

    /** What TwinBench reads, said once in every refusal. */
    static final String NEEDS = "TwinBench needs inputs that are float, double, int64, int32, bool or string tensors "
            + "[N], [N, 1] (one column each, named as the column) or [N, k] (k columns named in the .onnx.json sidecar), "
            + "and an output of class probabilities (a float or double tensor [N, C] or [N], or a ZipMap "
            + "seq(map(int64|string, tensor(float)))), of class labels only (int64 or string [N]), or of amounts "
            + "('variable' or a regressor node's output, float or double [N] or [N, 1]; else \"task\": \"regression\" "
            + "in the sidecar)";

    private OnnxSignature() {
    }

    /** {@code inputs ...; outputs ...}. */
    static String of(Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs) {
        return "it has inputs " + list(inputs) + " and outputs " + list(outputs);
    }

    private static String list(Map<String, NodeInfo> values) {
        List<String> out = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, NodeInfo> entry : values.entrySet()) {
            if (++shown > 12) {
                out.add("… " + (values.size() - 12) + " more");
                break;
            }
            out.add("'" + entry.getKey() + "' " + type(entry.getValue().getInfo()));
        }
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    /** One value's type: {@code tensor(float) [N, 30]}, {@code seq(map(string, tensor(float)))}, … */
    static String type(ValueInfo info) {
        if (info instanceof TensorInfo tensor) {
            StringBuilder shape = new StringBuilder();
            long[] dims = tensor.getShape();
            for (int i = 0; i < dims.length; i++) {
                shape.append(i == 0 ? "" : ", ").append(dims[i] >= 0 ? Long.toString(dims[i]) : i == 0 ? "N" : "?");
            }
            return "tensor(" + element(tensor.type) + ") [" + shape + "]";
        }
        if (info instanceof SequenceInfo sequence) {
            return "seq(" + (sequence.isSequenceOfMaps() ? map(sequence.mapInfo)
                    : "tensor(" + element(sequence.sequenceType) + ")") + ")";
        }
        if (info instanceof MapInfo map) {
            return map(map);
        }
        return String.valueOf(info);
    }

    private static String map(MapInfo map) {
        return "map(" + element(map.keyType) + ", tensor(" + element(map.valueType) + "))";
    }

    static String element(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case INT64 -> "int64";
            case INT32 -> "int32";
            case INT16 -> "int16";
            case INT8 -> "int8";
            case UINT8 -> "uint8";
            case BOOL -> "bool";
            case STRING -> "string";
            case FLOAT16 -> "float16";
            case BFLOAT16 -> "bfloat16";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
