package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} means {@code run} will start: the four failures of issue 19 (a column the data lacks,
 * a numeric shift on a text column, a missing data file, an ONNX model under a retraining policy) and a
 * few more are all found at once, with the exact lines, and {@code run} refuses with the same lines.
 */
class ValidateCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void copySamples() throws IOException {
        for (String name : List.of("loans.csv", "loans-logistic.onnx", "loans-logistic.onnx.json")) {
            Files.copy(Path.of("sample-data", name), dir.resolve(name));
        }
    }

    /** The retraining loans sample with {@code edit} applied to its nodes, written beside the data. */
    private static Path scenario(String name, java.util.function.Consumer<ArrayNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(
                Path.of("sample-data", "loans-recession-retrain.twin.json").toFile());
        edit.accept((ArrayNode) root.get("nodes"));
        Path file = dir.resolve(name);
        Files.writeString(file, Json.MAPPER.writeValueAsString(root));
        return file;
    }

    private static ObjectNode node(ArrayNode nodes, String id) {
        for (JsonNode node : nodes) {
            if (node.get("id").asText().equals(id)) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no node " + id);
    }

    private static ObjectNode params(ArrayNode nodes, String id) {
        return (ObjectNode) node(nodes, id).get("params");
    }

    @Test
    void everyProblemIsPrintedAtOnceAndRunRefusesWithTheSameLines() throws IOException {
        Path file = scenario("broken.twin.json", nodes -> {
            params(nodes, "recession").put("column", "region");
            params(nodes, "new-region").put("column", "regoin");
            params(nodes, "feature-drift").putArray("features").add("income").add("salary");
            ObjectNode model = node(nodes, "credit-model").put("type", "model.onnx");
            model.putObject("params").put("path", "loans-logistic.onnx");
        });
        List<String> lines = List.of(
                "node recession (perturbation.covariate-shift) parameter column: \"region\" is text; Covariate shift"
                        + " needs a numeric column",
                "node new-region (perturbation.category-mix) parameter column: the data has no column \"regoin\""
                        + " (did you mean \"region\"?)",
                "node feature-drift (monitor.feature-drift) parameter features: the data has no column \"salary\"",
                "node retrain (policy.retrain): cannot retrain the model of node credit-model (ONNX models and logged"
                        + " scores cannot be refitted in TwinBench); use a .twinmodel or logistic model node, or remove"
                        + " the retrain policy");

        CliRunner validate = CliRunner.run("validate", file.toString());
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.out()).isEmpty();
        assertThat(validate.err().lines()).containsExactlyElementsOf(lines.stream().map(l -> file + ": " + l).toList());

        Path out = dir.resolve("broken-run");
        CliRunner run = CliRunner.run("run", file.toString(), "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactlyElementsOf(lines.stream().map(l -> "twinbench: " + file + ": " + l)
                .toList());
        assertThat(out).doesNotExist();
    }

    @Test
    void jsonListsTheProblemsWithNodeParameterColumnAndMessage() throws IOException {
        Path file = scenario("json.twin.json", nodes -> {
            params(nodes, "loans").put("path", "gone.csv");
            params(nodes, "credit-model").put("target", "default");
        });
        CliRunner validate = CliRunner.run("validate", file.toString(), "--json");
        assertThat(validate.exitCode()).isEqualTo(2);
        JsonNode problems = Json.MAPPER.readTree(validate.out()).get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("node").asText()).isEqualTo("loans");
        assertThat(problems.get(0).get("parameter").asText()).isEqualTo("path");
        assertThat(problems.get(0).get("column").isNull()).isTrue();
        assertThat(problems.get(0).get("message").asText())
                .isEqualTo("node loans (source.dataset) parameter path: " + dir.resolve("gone.csv") + ": file not found");

        Path noLabel = scenario("label.twin.json", nodes -> params(nodes, "credit-model").put("target", "default"));
        JsonNode label = Json.MAPPER.readTree(CliRunner.run("validate", noLabel.toString(), "--json").out())
                .get("problems").get(0);
        assertThat(Arrays.asList(label.get("node").asText(), label.get("parameter").asText(),
                label.get("column").asText())).containsExactly("credit-model", "target", "default");

        CliRunner valid = CliRunner.run("validate", scenario("ok.twin.json", nodes -> { }).toString(), "--json");
        assertThat(valid.exitCode()).isZero();
        assertThat(Json.MAPPER.readTree(valid.out()).get("problems")).isEmpty();
    }

    @Test
    void aMissingModelFileAndAWrongKindOfColumnAreNamed() throws IOException {
        Path file = scenario("model.twin.json", nodes -> {
            node(nodes, "credit-model").put("type", "model.bundle").putObject("params").put("path", "gone.twinmodel");
            params(nodes, "new-region").put("column", "age");
            params(nodes, "accuracy-by-region").putArray("slices").add("region").add("age");
        });
        CliRunner validate = CliRunner.run("validate", file.toString());
        assertThat(validate.err().lines()).containsExactly(
                file + ": node new-region (perturbation.category-mix) parameter column: \"age\" is numeric; Category mix"
                        + " shift needs a categorical (text) column",
                file + ": node credit-model (model.bundle) parameter path: model file " + dir.resolve("gone.twinmodel")
                        + " not found");
    }

    @Test
    void aScenarioValidateAcceptsRunsWithANumericSliceBinned() throws IOException {
        Path file = scenario("sliced.twin.json", nodes ->
                params(nodes, "accuracy-by-region").putArray("slices").add("region").add("age"));
        CliRunner validate = CliRunner.run("validate", file.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).isEqualTo(file + ": valid (10 nodes, 11 edges)\n");
        Path out = dir.resolve("sliced-run");
        CliRunner run = CliRunner.run("run", file.toString(), "--steps", "3", "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("steps.csv"))).contains("\"age=[33, 41)\",accuracy,");
    }
}
