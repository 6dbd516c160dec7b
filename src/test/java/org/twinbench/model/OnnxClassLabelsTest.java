package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The class labels read from a model's protobuf ({@link OnnxClassLabels}), on bytes written field by
 * field ({@link OnnxBytes}): int64 labels packed or one by one (protobuf allows both for a repeated
 * int64), string labels, negative numbers (ten-byte varints), and bytes cut short.
 */
class OnnxClassLabelsTest {

    private static byte[] model(OnnxBytes attribute) {
        OnnxBytes node = OnnxBytes.message().text(1, "probability_tensor").text(2, "output_probability")
                .text(4, "ZipMap").message(5, attribute).text(7, "ai.onnx.ml");
        return OnnxBytes.message().varint(1, 8).message(7, OnnxBytes.message().message(1, node)).toBytes();
    }

    @Test
    void int64LabelsArePackedOrOneByOneAndMayBeNegative() {
        byte[] packed = model(OnnxBytes.message().text(1, "classlabels_int64s").bytes(8, new byte[] {0, 1, 7})
                .varint(20, 7));
        byte[] single = model(OnnxBytes.message().text(1, "classlabels_int64s").varint(8, -1).varint(8, 300)
                .varint(20, 7));
        assertThat(OnnxClassLabels.byOutput(packed)).isEqualTo(Map.of("output_probability", List.of("0", "1", "7")));
        assertThat(OnnxClassLabels.byOutput(single)).isEqualTo(Map.of("output_probability", List.of("-1", "300")));
    }

    @Test
    void stringLabelsKeepTheirOrder() {
        byte[] bytes = model(OnnxBytes.message().text(1, "classlabels_strings").text(9, "yes").text(9, "no")
                .varint(20, 8));
        assertThat(OnnxClassLabels.byOutput(bytes)).isEqualTo(Map.of("output_probability", List.of("yes", "no")));
    }

    @Test
    void bytesCutShortGiveWhatWasReadAndNoError() {
        byte[] whole = model(OnnxBytes.message().text(1, "classlabels_strings").text(9, "a").text(9, "b"));
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            assertThat(OnnxClassLabels.byOutput(cut)).as("first %d bytes", length).isEmpty();
        }
    }
}
