package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * ONNX models that would read files of the machine (tensors stored as "external data") or give
 * scores that are no probabilities: written by {@code src/test/resources/hostile-onnx/make_hostile_onnx.py}
 * with onnx.helper, and generated here byte by byte ({@link OnnxBytes}) for random locations and places.
 */
class HostileOnnxTest {

    /** The committed external-data models and the location each asks for. */
    static final Map<String, String> EXTERNAL = Map.of(
            "external-absolute.onnx", "/etc/passwd",
            "external-dotdot.onnx", "../../../../../../../../etc/passwd",
            "external-relative.onnx", "secret.txt",
            "external-without-flag.onnx", "/etc/hostname",
            "external-sparse.onnx", "/etc/passwd",
            "external-attribute.onnx", "/etc/passwd",
            "external-subgraph.onnx", "/etc/shadow",
            "external-function.onnx", "/proc/self/environ",
            "external-training-info.onnx", "/etc/passwd");

    @TempDir
    Path dir;

    static Path hostile(String name) {
        try {
            return Path.of(HostileOnnxTest.class.getResource("/hostile-onnx/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("hostile model " + name + " is missing", e);
        }
    }

    @Test
    void everyModelWithExternalDataIsRefusedNamingTheModelAndThePath() {
        EXTERNAL.forEach((name, location) -> {
            Path file = hostile(name);
            assertThatThrownBy(() -> OnnxModel.load(file)).isInstanceOf(ModelException.class)
                    .hasMessageStartingWith(file + ": tensor '")
                    .hasMessageContaining("asks for data outside the model, in '" + location + "'")
                    .hasMessageContaining("external data is refused")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        });
    }

    @Test
    void relativeExternalDataIsRefusedEvenWhenTheFileExistsBesideTheModel() throws IOException {
        // The runtime would find secret.txt beside the model (or in the working folder) and read it.
        Path file = dir.resolve("external-relative.onnx");
        Files.copy(hostile("external-relative.onnx"), file);
        Files.writeString(dir.resolve("secret.txt"), "SECRET!!");
        assertThatThrownBy(() -> OnnxModel.load(file)).hasMessageContaining("in 'secret.txt'");
    }

    @Test
    void generatedExternalDataInEveryPlaceATensorCanBeIsRefused() throws IOException {
        Random random = new Random(17);
        Path file = dir.resolve("generated.onnx");
        for (int i = 0; i < 300; i++) {
            String location = OnnxBytes.location(random);
            int place = random.nextInt(7);
            int nesting = place >= 5 ? 0 : random.nextInt(5);
            boolean flag = location.isEmpty() || random.nextBoolean();
            Files.write(file, OnnxBytes.model(OnnxBytes.externalTensor("t" + i, location, flag), place, nesting));
            String shown = location.replaceAll("\\p{Cntrl}", "?");
            assertThatThrownBy(() -> OnnxModel.load(file)).as("place %d, nesting %d, '%s'", place, nesting, location)
                    .isInstanceOf(ModelException.class)
                    .hasMessageStartingWith(file + ": tensor 't" + i + "' asks for data outside the model")
                    .hasMessageContaining(location.isEmpty() ? "refused" : "in '" + shown + "'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u001b"));
        }
    }

    @Test
    void theSampleModelsHaveNoExternalDataAndMalformedBytesAreNoModel() throws Exception {
        for (String name : new String[] {"loans-logistic.onnx", "churn-logistic.onnx"}) {
            assertThat(OnnxExternalData.find(Files.readAllBytes(Path.of("sample-data", name)))).isEmpty();
        }
        byte[] good = Files.readAllBytes(Path.of("sample-data", "loans-logistic.onnx"));
        // Cut inside a field: the walker says where reading stopped, as the runtime would refuse it.
        assertThatThrownBy(() -> OnnxExternalData.find(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(OnnxExternalData.Malformed.class);
        // Graphs nested 100 deep through If branches: no real model, refused without deep recursion.
        byte[] deep = OnnxBytes.model(OnnxBytes.innerTensor("w"), 0, 100);
        assertThatThrownBy(() -> OnnxExternalData.find(deep)).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void scoresThatAreNoProbabilitiesAreRefusedNamingTheModelAndTheRow() {
        double[] x = {0.25, -3, 7};
        Frame rows = new Frame(java.util.List.of(new NumericColumn("x", x)));
        Map<String, String> gives = Map.of("score-above-one.onnx", "gave 5.25 for row 1",
                "score-below-zero.onnx", "gave -1.25 for row 1",
                "score-nan.onnx", "gave NaN for row 1",
                "score-infinite.onnx", "gave Infinity for row 1");
        gives.forEach((name, what) -> {
            Path file = hostile(name);
            try (OnnxModel model = OnnxModel.load(file)) {
                assertThatThrownBy(() -> model.scorePositive(rows)).isInstanceOf(ModelException.class)
                        .hasMessage(file + ": output 'probability' " + what
                                + "; a score must be a probability in [0, 1]");
            }
        });
    }

    @Test
    void theFirstBadRowIsNamedInALaterBatch() {
        // x + 5 is above 1 on every row; with -4.5 and -4.2 first the first two scores are 0.5 and 0.8.
        Frame rows = new Frame(java.util.List.of(new NumericColumn("x", new double[] {-4.5, -4.2, -3})));
        try (OnnxModel model = OnnxModel.load(hostile("score-above-one.onnx")).withBatchSize(2)) {
            assertThatThrownBy(() -> model.scorePositive(rows)).hasMessageContaining("gave 2.0 for row 3");
        }
    }
}
