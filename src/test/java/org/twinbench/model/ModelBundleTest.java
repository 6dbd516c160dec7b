package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;

class ModelBundleTest {

    @TempDir
    Path dir;

    static Path corpus(String name) {
        try {
            return Path.of(ModelBundleTest.class.getResource("/bad-input/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("corpus file " + name + " is missing", e);
        }
    }

    private static void refused(Path file, String... fragments) {
        assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContainingAll(fragments)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void everyAlgorithmRoundTripsWithIdenticalScores() {
        Frame data = ModelTrainingTest.planted(5, 800);
        for (Algorithm algorithm : Algorithm.values()) {
            BinaryClassifier model = ModelTrainer.train(data, ModelTrainingTest.options(algorithm, 2));
            Path file = dir.resolve(algorithm.id() + ".twinmodel");
            ModelBundle.write(model, file);
            BinaryClassifier read = ModelBundle.read(file);
            assertThat(read.scorePositive(data)).as(algorithm.id()).containsExactly(model.scorePositive(data));
            assertThat(read.card()).isEqualTo(model.card());
        }
    }

    @Test
    void cardIsReadableJsonWithEncodingAndTrainingHash() throws IOException {
        Path file = dir.resolve("m.twinmodel");
        ModelBundle.write(ModelTrainer.train(ModelTrainingTest.planted(5, 300),
                ModelTrainingTest.options(Algorithm.LOGISTIC, 2)), file);
        String card = new String(BadModelFiles.entries(file).get("model.json"), StandardCharsets.UTF_8);
        assertThat(card).contains("\"format\" : \"twinbench.model\"", "\"sha256\" : \"abc\"", "\"levels\" : [ \"a\", \"b\" ]",
                "\"holdout_metrics\"", "\"roc_auc\"");
    }

    @Test
    void tamperedCardIsRefused() {
        refused(corpus("tampered-card.twinmodel"), "model.json was changed after the bundle was written");
    }

    @Test
    void foreignClassIsRefusedByTheAllowList() {
        refused(corpus("foreign-class.twinmodel"), "not allowed", "java.net.URL");
    }

    @Test
    void zipSlipEntryIsRefused() {
        refused(corpus("zip-slip.twinmodel"), "'../../model.json'", "has a path");
    }

    @Test
    void entryThatInflatesPastTheLimitIsRefused() {
        // 20 MiB of zeros: refused by the compression ratio after its first megabyte, before the 16 MiB limit.
        refused(corpus("zip-bomb.twinmodel"), "'model.json' inflates to more than 100 times its compressed size");
    }

    @Test
    void fileThatIsNotAZipIsRefused() {
        refused(corpus("not-a-zip.twinmodel"), "not a TwinBench model bundle");
    }

    @Test
    void alteredBinaryIsRefused() throws IOException {
        Path file = dir.resolve("m.twinmodel");
        ModelBundle.write(ModelTrainer.train(ModelTrainingTest.planted(5, 300),
                ModelTrainingTest.options(Algorithm.LOGISTIC, 2)), file);
        Map<String, byte[]> entries = BadModelFiles.entries(file);
        byte[] binary = entries.get("model.bin");
        binary[binary.length - 3] ^= 1;
        Path altered = dir.resolve("altered.twinmodel");
        BadModelFiles.zip(altered, entries);
        refused(altered, "model.bin does not match the SHA-256");
    }

    @Test
    void newerFormatVersionAndUnknownAlgorithmAreNamed() throws IOException {
        Path file = dir.resolve("m.twinmodel");
        ModelBundle.write(ModelTrainer.train(ModelTrainingTest.planted(5, 300),
                ModelTrainingTest.options(Algorithm.LOGISTIC, 2)), file);
        Map<String, byte[]> entries = BadModelFiles.entries(file);
        String card = new String(entries.get("model.json"), StandardCharsets.UTF_8);
        byte[] fitted = java.util.Arrays.copyOfRange(entries.get("model.bin"), 72, entries.get("model.bin").length);
        Path newer = dir.resolve("newer.twinmodel");
        BadModelFiles.zip(newer, BadModelFiles.consistent(card.replace("\"version\" : 1", "\"version\" : 9"), fitted));
        refused(newer, "version 9", "newer TwinBench");
        Path unknown = dir.resolve("unknown.twinmodel");
        BadModelFiles.zip(unknown, BadModelFiles.consistent(card.replace("\"logistic\"", "\"xgboost\""), fitted));
        refused(unknown, "field 'algorithm'", "'xgboost'");
    }

    @Test
    void filterAllowsModelClassesOnly() {
        assertThat(ModelBinaryFilter.allowed("smile.classification.RandomForest")).isTrue();
        assertThat(ModelBinaryFilter.allowed("java.lang.Double")).isTrue();
        assertThat(ModelBinaryFilter.allowed("java.net.URL")).isFalse();
        assertThat(ModelBinaryFilter.allowed("java.lang.Runtime")).isFalse();
        assertThat(ModelBinaryFilter.allowed("org.apache.commons.collections.functors.InvokerTransformer")).isFalse();
        assertThat(Files.exists(corpus("foreign-class.twinmodel"))).isTrue();
    }
}
