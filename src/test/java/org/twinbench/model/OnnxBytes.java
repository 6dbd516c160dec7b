package org.twinbench.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes ONNX protobuf bytes by hand (field numbers of {@code onnx.proto}), for models the Python
 * generator does not cover: random external-data locations in random places. Only what the external
 * data check walks is written; the runtime never sees these models.
 */
public final class OnnxBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private OnnxBytes() {
    }

    static OnnxBytes message() {
        return new OnnxBytes();
    }

    OnnxBytes varint(int field, long value) {
        key(field, 0);
        raw(value);
        return this;
    }

    OnnxBytes bytes(int field, byte[] value) {
        key(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    OnnxBytes text(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    OnnxBytes message(int field, OnnxBytes inner) {
        return bytes(field, inner.toBytes());
    }

    byte[] toBytes() {
        return out.toByteArray();
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

    /** A float tensor named {@code name} whose data is at {@code location} (flag: data_location = EXTERNAL too). */
    public static OnnxBytes externalTensor(String name, String location, boolean flag) {
        OnnxBytes tensor = message().varint(1, 1).varint(2, 1).text(8, name)
                .message(13, message().text(1, "location").text(2, location))
                .message(13, message().text(1, "offset").text(2, "0"));
        return flag ? tensor.varint(14, 1) : tensor;
    }

    /** A plain float tensor with its data inside (raw_data, field 9). */
    static OnnxBytes innerTensor(String name) {
        return message().varint(1, 1).varint(2, 1).text(8, name).bytes(9, new byte[4]);
    }

    /** A graph (nodes, one initializer) with the tensor put in one of the places a tensor can be. */
    public static byte[] model(OnnxBytes tensor, int place, int nesting) {
        OnnxBytes graph = graphHolding(tensor, place, nesting);
        OnnxBytes model = message().varint(1, 8).text(2, "hostile").message(8, message().varint(2, 13));
        return switch (place) {
            case 5 -> model.message(7, innerGraph()).message(25, message().text(1, "f").message(7,
                    message().text(4, "Constant").message(5, message().text(1, "value").varint(20, 4).message(5, tensor))))
                    .toBytes();
            case 6 -> model.message(7, innerGraph()).message(20, message().message(1, graph)).toBytes();
            default -> model.message(7, graph).toBytes();
        };
    }

    private static OnnxBytes graphHolding(OnnxBytes tensor, int place, int nesting) {
        OnnxBytes graph = switch (place) {
            case 0 -> innerGraph().message(5, tensor);
            case 1 -> innerGraph().message(1, message().text(4, "Constant")
                    .message(5, message().text(1, "value").varint(20, 4).message(5, tensor)));
            case 2 -> innerGraph().message(15, message().message(1, tensor).message(2, innerTensor("indices")));
            case 3 -> innerGraph().message(1, message().text(4, "Constant")
                    .message(5, message().text(1, "values").varint(20, 9).message(10, innerTensor("a")).message(10, tensor)));
            default -> innerGraph().message(5, tensor);
        };
        for (int level = 0; level < nesting; level++) {
            // Wrap in the then-branch of an If node: a graph inside a node attribute.
            graph = innerGraph().message(1, message().text(4, "If").message(5,
                    message().text(1, "then_branch").varint(20, 5).message(6, graph)));
        }
        return graph;
    }

    private static OnnxBytes innerGraph() {
        return message().text(2, "g").message(5, innerTensor("w"));
    }

    /** A location of one of the shapes an attacker would write. */
    public static String location(Random random) {
        String[] shapes = {"/etc/passwd", "../../../../etc/shadow", "secret.txt", "./data/../../x", "/proc/self/environ",
            "C:\\Windows\\win.ini", "\\\\server\\share\\f", "~/.ssh/id_rsa", "file:///etc/hosts", "é/ü/ß",
            "a\u001b[2Jb", ""};
        String base = shapes[random.nextInt(shapes.length)];
        return random.nextInt(4) == 0 ? base + "/" + Long.toHexString(random.nextLong()) : base;
    }
}
