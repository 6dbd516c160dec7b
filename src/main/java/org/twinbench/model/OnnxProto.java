package org.twinbench.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the protobuf messages of an ONNX model without a protobuf library: one message is built field by
 * field (varints, 32-bit floats, length-delimited bytes and sub-messages, packed repeated numbers), by the
 * field numbers of {@code onnx.proto}. The static helpers build the messages a graph needs: nodes,
 * attributes, tensors and the types of inputs and outputs.
 */
final class OnnxProto {

    /** ONNX tensor element types ({@code TensorProto.DataType}). */
    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int STRING = 8;
    static final int BOOL = 9;
    static final int DOUBLE = 11;

    // AttributeProto.AttributeType
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_STRING = 3;
    private static final int ATTRIBUTE_FLOATS = 6;
    private static final int ATTRIBUTE_INTS = 7;
    private static final int ATTRIBUTE_STRINGS = 8;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    byte[] toByteArray() {
        return out.toByteArray();
    }

    OnnxProto varint(int field, long value) {
        key(field, 0);
        raw(value);
        return this;
    }

    OnnxProto string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    OnnxProto bytes(int field, byte[] value) {
        key(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    OnnxProto message(int field, OnnxProto message) {
        return bytes(field, message.toByteArray());
    }

    OnnxProto float32(int field, float value) {
        key(field, 5);
        little(Float.floatToRawIntBits(value));
        return this;
    }

    /** A packed repeated float field (parsers of proto2's unpacked fields accept it too). */
    OnnxProto floats(int field, float[] values) {
        OnnxProto packed = new OnnxProto();
        for (float v : values) {
            packed.little(Float.floatToRawIntBits(v));
        }
        return bytes(field, packed.toByteArray());
    }

    /** A packed repeated int64 field. */
    OnnxProto int64s(int field, long[] values) {
        OnnxProto packed = new OnnxProto();
        for (long v : values) {
            packed.raw(v);
        }
        return bytes(field, packed.toByteArray());
    }

    private void key(int field, int wire) {
        raw(((long) field << 3) | wire);
    }

    private void raw(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private void little(int bits) {
        out.write(bits);
        out.write(bits >>> 8);
        out.write(bits >>> 16);
        out.write(bits >>> 24);
    }

    // ---- ONNX messages ----

    /** A {@code NodeProto}: {@code op(inputs) -> outputs} in {@code domain} ("" for the default one). */
    static OnnxProto node(String op, String domain, List<String> inputs, List<String> outputs, OnnxProto... attributes) {
        OnnxProto node = new OnnxProto();
        inputs.forEach(i -> node.string(1, i));
        outputs.forEach(o -> node.string(2, o));
        node.string(3, op + "_" + String.join("_", outputs));
        node.string(4, op);
        for (OnnxProto attribute : attributes) {
            node.message(5, attribute);
        }
        if (!domain.isEmpty()) {
            node.string(7, domain);
        }
        return node;
    }

    static OnnxProto attribute(String name, long value) {
        return new OnnxProto().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    static OnnxProto attribute(String name, float value) {
        return new OnnxProto().string(1, name).float32(2, value).varint(20, ATTRIBUTE_FLOAT);
    }

    static OnnxProto attribute(String name, String value) {
        return new OnnxProto().string(1, name).string(4, value).varint(20, ATTRIBUTE_STRING);
    }

    static OnnxProto attribute(String name, float[] values) {
        return new OnnxProto().string(1, name).floats(7, values).varint(20, ATTRIBUTE_FLOATS);
    }

    static OnnxProto attribute(String name, long[] values) {
        return new OnnxProto().string(1, name).int64s(8, values).varint(20, ATTRIBUTE_INTS);
    }

    static OnnxProto attribute(String name, List<String> values) {
        OnnxProto attribute = new OnnxProto().string(1, name);
        values.forEach(v -> attribute.string(9, v));
        return attribute.varint(20, ATTRIBUTE_STRINGS);
    }

    /** An int64 {@code TensorProto} initializer. */
    static OnnxProto int64Tensor(String name, long[] values) {
        OnnxProto tensor = new OnnxProto().varint(1, values.length).varint(2, INT64);
        return tensor.int64s(7, values).string(8, name);
    }

    /** A double {@code TensorProto} initializer of shape {@code dims}, its values little-endian in raw_data. */
    static OnnxProto doubleTensor(String name, long[] dims, double[] values) {
        OnnxProto tensor = new OnnxProto();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        java.nio.ByteBuffer raw = java.nio.ByteBuffer.allocate(values.length * Double.BYTES)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            raw.putDouble(v);
        }
        return tensor.varint(2, DOUBLE).string(8, name).bytes(9, raw.array());
    }

    /**
     * A {@code ValueInfoProto} of a tensor: {@code shape[d] < 0} is the batch dimension, named {@code N}.
     */
    static OnnxProto tensorInfo(String name, int elementType, long... shape) {
        OnnxProto dims = new OnnxProto();
        for (long d : shape) {
            dims.message(1, d < 0 ? new OnnxProto().string(2, "N") : new OnnxProto().varint(1, d));
        }
        OnnxProto tensor = new OnnxProto().varint(1, elementType).message(2, dims);
        return new OnnxProto().string(1, name).message(2, new OnnxProto().message(1, tensor));
    }

    static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
