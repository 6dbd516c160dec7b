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
