package org.twinbench.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class labels a classifier's nodes carry, by the outputs those nodes write: what a ZipMap's keys,
 * a LinearClassifier's, TreeEnsembleClassifier's or SVMClassifier's labels are, in the order of their
 * probabilities. ONNX Runtime does not report node attributes, so this reads the top graph's nodes from
 * the protobuf (field numbers of {@code onnx.proto}): ModelProto graph 7; GraphProto node 1; NodeProto
 * output 2, attribute 5; AttributeProto name 1, ints 8 (packed or not), strings 9. The attributes read
 * are {@code classlabels_int64s}, {@code classlabels_ints} and {@code classlabels_strings}. The bytes
 * were already walked whole by {@link OnnxExternalData}; a field that does not parse ends the reading
 * with what was found.
 *
 * <p>It also finds the tensor a ZipMap reads ({@link #zipMapInputs}) and writes a copy of the model that
 * returns that tensor too ({@link #withFloatOutputs}): ONNX Runtime's Java API hands a ZipMap over as one
 * map object per row, about 45 µs each, while the tensor it zips holds the same numbers in the same
 * class order and comes over in one piece.
 */
final class OnnxClassLabels {

    private final byte[] bytes;

    private OnnxClassLabels(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Every labelled node's labels (as text) by each output the node writes, in graph order. */
    static Map<String, List<String>> byOutput(byte[] model) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        OnnxClassLabels reader = new OnnxClassLabels(model);
        try {
            for (int[] graph : reader.fields(0, model.length, 7)) {
                for (int[] node : reader.fields(graph[0], graph[1], 1)) {
                    reader.node(node[0], node[1], labels);
                }
            }
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            // Malformed bytes were refused before; a reader that stops here simply knows fewer labels.
        }
        return labels;
    }

    /** The operator type (NodeProto op_type, field 4) of the node that writes each output of the top graph. */
    static Map<String, String> producers(byte[] model) {
        Map<String, String> producers = new LinkedHashMap<>();
        OnnxClassLabels reader = new OnnxClassLabels(model);
        try {
            for (int[] graph : reader.fields(0, model.length, 7)) {
                for (int[] node : reader.fields(graph[0], graph[1], 1)) {
                    List<int[]> type = reader.fields(node[0], node[1], 4);
                    String op = type.size() == 1 ? reader.text(type.get(0)) : "";
                    reader.fields(node[0], node[1], 2).forEach(out -> producers.put(reader.text(out), op));
                }
            }
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            // As in byOutput: an output whose node is not found is judged by its name and type alone.
        }
        return producers;
    }

    /**
     * For each ZipMap of the top graph: its output's name and the name of the tensor it reads, when that
     * tensor is not a graph output already.
     */
    static Map<String, String> zipMapInputs(byte[] model) {
        Map<String, String> inputs = new LinkedHashMap<>();
        OnnxClassLabels reader = new OnnxClassLabels(model);
        try {
            for (int[] graph : reader.fields(0, model.length, 7)) {
                java.util.Set<String> outputs = new java.util.HashSet<>();
                for (int[] output : reader.fields(graph[0], graph[1], 12)) {
                    reader.fields(output[0], output[1], 1).forEach(name -> outputs.add(reader.text(name)));
                }
                for (int[] node : reader.fields(graph[0], graph[1], 1)) {
                    List<int[]> type = reader.fields(node[0], node[1], 4);
                    List<int[]> in = reader.fields(node[0], node[1], 1);
                    List<int[]> out = reader.fields(node[0], node[1], 2);
                    if (type.size() == 1 && reader.text(type.get(0)).equals("ZipMap") && in.size() == 1 && out.size() == 1
                            && !outputs.contains(reader.text(in.get(0)))) {
                        inputs.put(reader.text(out.get(0)), reader.text(in.get(0)));
                    }
                }
            }
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            // As in byOutput: fewer ZipMaps found means they are read as maps.
        }
        return inputs;
    }

    /**
     * The model with {@code names} added to its graph's outputs as float tensors (GraphProto output 12:
     * ValueInfoProto name 1, type 2; TypeProto tensor_type 1; elem_type 1 = FLOAT), or null when the
     * model does not hold exactly one graph.
     */
    static byte[] withFloatOutputs(byte[] model, List<String> names) {
        OnnxClassLabels reader = new OnnxClassLabels(model);
        try {
            List<int[]> graphs = reader.fields(0, model.length, 7);
            if (graphs.size() != 1) {
                return null;
            }
            java.io.ByteArrayOutputStream extra = new java.io.ByteArrayOutputStream();
            byte[] tensorType = {0x08, 0x01};
            for (String name : names) {
                byte[] text = name.getBytes(StandardCharsets.UTF_8);
                java.io.ByteArrayOutputStream info = new java.io.ByteArrayOutputStream();
                field(info, 1, text);
                field(info, 2, delimited(1, tensorType));
                field(extra, 12, info.toByteArray());
            }
            int[] graph = graphs.get(0);
            int keyStart = keyStart(model, graph[0]);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(model, 0, keyStart);
            byte[] body = new byte[graph[1] - graph[0] + extra.size()];
            System.arraycopy(model, graph[0], body, 0, graph[1] - graph[0]);
            System.arraycopy(extra.toByteArray(), 0, body, graph[1] - graph[0], extra.size());
            field(out, 7, body);
            out.write(model, graph[1], model.length - graph[1]);
            return out.toByteArray();
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return null;
        }
    }

    /** Where the key of the field whose value starts at {@code valueStart} begins: back over the length, then the key. */
    private static int keyStart(byte[] model, int valueStart) {
        int at = valueStart - 1;
        while (at > 0 && model[at - 1] < 0) {
            at--;
        }
        // at: first byte of the length varint; the key of field 7, wire type 2, is the one byte 0x3A
        if (at < 1 || model[at - 1] != 0x3A) {
            throw new IllegalStateException("graph key not found");
        }
        return at - 1;
    }

    private static byte[] delimited(int field, byte[] value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        field(out, field, value);
        return out.toByteArray();
    }

    private static void field(java.io.ByteArrayOutputStream out, int field, byte[] value) {
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
    }

    private static void writeVarint(java.io.ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private void node(int from, int to, Map<String, List<String>> labels) {
        List<String> outputs = new ArrayList<>();
        for (int[] output : fields(from, to, 2)) {
            outputs.add(text(output));
        }
        for (int[] attribute : fields(from, to, 5)) {
            List<int[]> names = fields(attribute[0], attribute[1], 1);
            String name = names.isEmpty() ? "" : text(names.get(0));
            if (name.equals("classlabels_strings")) {
                List<String> values = new ArrayList<>();
                fields(attribute[0], attribute[1], 9).forEach(s -> values.add(text(s)));
                outputs.forEach(o -> labels.put(o, List.copyOf(values)));
            } else if (name.equals("classlabels_int64s") || name.equals("classlabels_ints")) {
                List<String> values = new ArrayList<>();
                integers(attribute[0], attribute[1], values);
                outputs.forEach(o -> labels.put(o, List.copyOf(values)));
            }
        }
    }

    /** The values of field 8 (repeated int64) of an AttributeProto, packed or one by one. */
    private void integers(int from, int to, List<String> values) {
        int[] at = {from};
        while (at[0] < to) {
            long key = varint(at);
            int wire = (int) (key & 7);
            if ((key >>> 3) == 8 && wire == 0) {
                values.add(Long.toString(varint(at)));
            } else if ((key >>> 3) == 8 && wire == 2) {
                int length = length(at, to);
                int end = at[0] + length;
                while (at[0] < end) {
                    values.add(Long.toString(varint(at)));
                }
            } else {
                skip(at, wire);
            }
        }
    }

    /** {@code [start, end)} of every length-delimited occurrence of {@code field} in the message {@code [from, to)}. */
    private List<int[]> fields(int from, int to, int field) {
        List<int[]> out = new ArrayList<>();
        int[] at = {from};
        while (at[0] < to) {
            long key = varint(at);
            int wire = (int) (key & 7);
            if ((key >>> 3) == field && wire == 2) {
                int length = length(at, to);
                out.add(new int[] {at[0], at[0] + length});
                at[0] += length;
            } else {
                skip(at, wire);
            }
        }
        return out;
    }

    private void skip(int[] at, int wire) {
        switch (wire) {
            case 0 -> varint(at);
            case 1 -> at[0] += 8;
            case 5 -> at[0] += 4;
            case 2 -> {
                int length = length(at, bytes.length);
                at[0] += length;
            }
            default -> throw new IllegalStateException("wire type " + wire);
        }
    }

    private int length(int[] at, int to) {
        long length = varint(at);
        if (length < 0 || length > to - at[0]) {
            throw new IllegalStateException("a field runs past its message");
        }
        return (int) length;
    }

    private String text(int[] range) {
        return new String(bytes, range[0], range[1] - range[0], StandardCharsets.UTF_8);
    }

    private long varint(int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("varint too long");
    }
}
