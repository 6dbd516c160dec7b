package org.twinbench.model;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the first tensor of an ONNX model that keeps its data outside the model file ("external
 * data": {@code data_location = EXTERNAL} or {@code external_data} entries naming a {@code location}).
 * ONNX Runtime would read that location, any path on the machine, and its bytes would come out as
 * scores; so TwinBench looks for such tensors before it creates a session and refuses the model.
 *
 * <p>No protobuf library is needed: this walks the wire format (varints, fixed 32/64-bit values and
 * length-delimited fields) through every message that can hold a tensor, by the field numbers of
 * {@code onnx.proto}: ModelProto (graph 7, training_info 20, functions 25), GraphProto (node 1,
 * initializer 5, sparse_initializer 15), NodeProto (attribute 5), AttributeProto (t 5, g 6,
 * tensors 10, graphs 11, sparse_tensor 22, sparse_tensors 23), SparseTensorProto (values 1,
 * indices 2), TrainingInfoProto (initialization 1, algorithm 2), FunctionProto (node 7,
 * attribute_proto 11) and TensorProto (name 8, external_data 13, data_location 14);
 * StringStringEntryProto is key 1, value 2. Every occurrence of a field is visited, so a field
 * repeated to be merged by the runtime is checked too. Bytes that are not a well-formed protobuf
 * are refused, as the runtime would refuse them.
 */
final class OnnxExternalData {

    /** Graphs nest through node attributes (If, Loop, Scan); deeper than this is no real model. */
    static final int MAX_NESTING = 64;

    /** A tensor that asks for data outside the model, and the location it names ("" when none). */
    record Reference(String tensor, String location) {
    }

    /** Bytes that are not a well-formed ONNX protobuf, with the offset where reading stopped. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private enum Kind { MODEL, GRAPH, NODE, ATTRIBUTE, TENSOR, SPARSE, TRAINING, FUNCTION, ENTRY }

    private final byte[] bytes;
    private Reference found;

    private OnnxExternalData(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The first tensor of the model that refers to external data, if any. */
    static Optional<Reference> find(byte[] model) throws Malformed {
        OnnxExternalData walker = new OnnxExternalData(model);
        walker.message(Kind.MODEL, 0, model.length, 0);
        return Optional.ofNullable(walker.found);
    }

    /** The message kind a length-delimited field of {@code kind} holds, or null for a field not walked. */
    private static Kind child(Kind kind, int field) {
        return switch (kind) {
            case MODEL -> field == 7 ? Kind.GRAPH : field == 20 ? Kind.TRAINING : field == 25 ? Kind.FUNCTION : null;
            case GRAPH -> field == 1 ? Kind.NODE : field == 5 ? Kind.TENSOR : field == 15 ? Kind.SPARSE : null;
            case NODE -> field == 5 ? Kind.ATTRIBUTE : null;
            case ATTRIBUTE -> field == 5 || field == 10 ? Kind.TENSOR : field == 6 || field == 11 ? Kind.GRAPH
                    : field == 22 || field == 23 ? Kind.SPARSE : null;
            case SPARSE -> field == 1 || field == 2 ? Kind.TENSOR : null;
            case TRAINING -> field == 1 || field == 2 ? Kind.GRAPH : null;
            case FUNCTION -> field == 7 ? Kind.NODE : field == 11 ? Kind.ATTRIBUTE : null;
            case TENSOR -> field == 13 ? Kind.ENTRY : null;
            case ENTRY -> null;
        };
    }

    /** Walks the message in {@code [from, to)}; for a tensor, notes whether it is stored outside. */
    private void message(Kind kind, int from, int to, int nesting) throws Malformed {
        if (nesting > MAX_NESTING) {
            throw new Malformed("messages nested deeper than " + MAX_NESTING + " levels at byte " + from);
        }
        int[] at = {from};
        String name = "";
        boolean external = false;
        String location = null;
        while (at[0] < to) {
            long key = varint(at, to);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (field <= 0) {
                throw new Malformed("field number 0 at byte " + at[0]);
            }
            switch (wire) {
                case 0 -> {
                    long value = varint(at, to);
                    if (kind == Kind.TENSOR && field == 14 && value != 0) {
                        external = true;
                    }
                }
                case 1 -> skip(at, 8, to);
                case 5 -> skip(at, 4, to);
                case 2 -> {
                    long length = varint(at, to);
                    if (length < 0 || length > to - at[0]) {
                        throw new Malformed("a field runs past its message at byte " + at[0]);
                    }
                    int start = at[0];
                    int end = start + (int) length;
                    Kind inner = child(kind, field);
                    if (kind == Kind.TENSOR && field == 8) {
                        name = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                    } else if (kind == Kind.TENSOR && field == 13) {
                        external = true;
                        String entryLocation = location(start, end);
                        location = location == null ? entryLocation : location;
                    } else if (inner != null) {
                        message(inner, start, end, nesting + 1);
                    }
                    at[0] = end;
                }
                default -> throw new Malformed("wire type " + wire + " at byte " + at[0]);
            }
        }
        if (at[0] != to) {
            throw new Malformed("a message runs past its end at byte " + to);
        }
        if (external && found == null) {
            found = new Reference(name, location == null ? "" : location);
        }
    }

    /** The value of a {@code StringStringEntryProto} whose key is "location", or null. */
    private String location(int from, int to) throws Malformed {
        int[] at = {from};
        String key = null;
        String value = null;
        while (at[0] < to) {
            long tag = varint(at, to);
            int wire = (int) (tag & 7);
            if (wire == 0) {
                varint(at, to);
            } else if (wire == 1 || wire == 5) {
                skip(at, wire == 1 ? 8 : 4, to);
            } else if (wire == 2) {
                long length = varint(at, to);
                if (length < 0 || length > to - at[0]) {
                    throw new Malformed("a field runs past its message at byte " + at[0]);
                }
                String text = new String(bytes, at[0], (int) length, StandardCharsets.UTF_8);
                if ((tag >>> 3) == 1) {
                    key = text;
                } else if ((tag >>> 3) == 2) {
                    value = text;
                }
                at[0] += (int) length;
            } else {
                throw new Malformed("wire type " + wire + " at byte " + at[0]);
            }
        }
        return "location".equals(key) ? value : null;
    }

    private long varint(int[] at, int to) throws Malformed {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= to) {
                throw new Malformed("the file ends inside a number at byte " + at[0]);
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new Malformed("a number longer than ten bytes at byte " + at[0]);
    }

    private static void skip(int[] at, int count, int to) throws Malformed {
        if (to - at[0] < count) {
            throw new Malformed("the file ends inside a value at byte " + at[0]);
        }
        at[0] += count;
    }
}
