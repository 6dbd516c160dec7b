package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model given a column that gives the outcome away is never GREEN for several classes or amounts either: wine's
 * cultivars with a planted copy of the class (a one-feature tree gives it, 100% against 45% always answering
 * 'class_1' in the reference half), diabetes with a planted target × 2 + 1 (R² = 1 of a straight line).
 */
class LeakedTaskRunTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            {"format":"twinbench.scenario","version":1,"name":"NAME","seed":3,
            "nodes":[
            {"id":"data","type":"source.dataset","params":{"path":"DATA","batch_size":30,"steps":10,
              "reference_share":0.5,"split":"shuffled"}},
            MODEL,
            {"id":"slices","type":"monitor.slice-metrics","params":{"slices":[]}}],
            "edges":[{"from":"data","to":"m"},{"from":"m","to":"slices"}]}
            """;

    /** The engine test table with one more column: {@code value} of each data line's fields. */
    private Path planted(String resource, String column, java.util.function.Function<String[], String> value)
            throws Exception {
        return TrainLeakedTaskTest.planted(Path.of("src/test/resources/tasks/engine/" + resource), dir, column, value);
    }

    private JsonNode run(String name, String data, String model) throws Exception {
        Path scenario = dir.resolve(name + ".twin.json");
        Files.writeString(scenario, SCENARIO.replace("NAME", name).replace("DATA", data).replace("MODEL", model));
        CliRunner result = CliRunner.run("run", scenario.toString(), "--out", dir.resolve(name).toString(),
                "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(dir.resolve(name).resolve("run.json").toFile());
    }

    /**
     * MASS's Cars93: Price is the midpoint of Min.Price and Max.Price (scikit-learn: R² 0.999991 of a line of the two,
     * {@code pair_leakage_reference.py}); a model given both is optimistic, and both are named once.
     */
    @Test
    void twoColumnsThatGiveThePriceBetweenThemMakeTheFiguresOptimistic() throws Exception {
        Files.copy(Path.of("src/test/resources/rdata/cars93.csv"), dir.resolve("cars93.csv"));
        JsonNode json = run("cars", "cars93.csv", """
                {"id":"m","type":"model.linear","params":{"target":"Price","features":["Min.Price","Max.Price",
                  "Horsepower","EngineSize"]}}""");
        String headline = json.path("summary").path("headline").asText();
        assertThat(json.path("summary").path("verdict").asText()).as(headline).isIn("amber", "red");
        assertThat(headline).startsWith("Optimistic figures: Features 'Min.Price' and 'Max.Price' together give "
                + "'Price' almost exactly (a straight line of the two explains R² = 0.99999 of it); it is probably "
                + "computed from them. The model was given 'Min.Price', 'Max.Price', so the run's");
        assertThat(json.path("leaked_columns")).extracting(n -> n.path("column").asText())
                .containsExactly("Min.Price", "Max.Price");
    }

    @Test
    void aCopyOfTheCultivarMakesTheFiguresOptimistic() throws Exception {
        // cultivar is the 15th field: class_0 -> 0, class_1 -> 1, class_2 -> 2.
        planted("wine-replay.csv", "cultivar_code", f -> f[14].substring("class_".length()));
        JsonNode json = run("wine", "wine-replay.csv", """
                {"id":"m","type":"model.logistic","params":{"target":"cultivar","features":["alcohol","flavanoids",
                  "proline","cultivar_code"]}}""");
        String headline = json.path("summary").path("headline").asText();
        assertThat(json.path("summary").path("verdict").asText()).as(headline).isIn("amber", "red");
        assertThat(headline).startsWith("Optimistic figures: Feature 'cultivar_code' alone predicts 'cultivar' "
                + "almost perfectly (a tree on it alone gives it with 100.0% accuracy, against ");
        assertThat(json.path("leaked_columns").get(0).path("column").asText()).isEqualTo("cultivar_code");
        // Without the copy: nothing optimistic to say.
        JsonNode fair = run("wine-fair", "wine-replay.csv", """
                {"id":"m","type":"model.logistic","params":{"target":"cultivar","features":["alcohol","flavanoids",
                  "proline"]}}""");
        assertThat(fair.path("summary").path("headline").asText()).doesNotContain("Optimistic");
        assertThat(fair.has("leaked_columns")).isFalse();
    }

    @Test
    void aLinearCopyOfTheAmountMakesTheFiguresOptimistic() throws Exception {
        // target is the 12th field.
        Path data = planted("diabetes-replay.csv", "twice", f -> String.valueOf(Double.parseDouble(f[11]) * 2 + 1));
        CliRunner trained = CliRunner.run("train", "--data", data.toString(), "--target", "target", "--task",
                "regression", "--exclude", "row", "--keep-leaky", "--out", dir.resolve("d.twinmodel").toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode json = run("diabetes", "diabetes-replay.csv",
                "{\"id\":\"m\",\"type\":\"model.bundle\",\"params\":{\"path\":\"d.twinmodel\"}}");
        String headline = json.path("summary").path("headline").asText();
        assertThat(json.path("summary").path("verdict").asText()).as(headline).isIn("amber", "red");
        assertThat(headline).startsWith("Optimistic figures: Feature 'twice' alone predicts 'target' almost "
                + "perfectly (a straight line of it explains R² = 1.0000 of it)");
        assertThat(json.path("leaked_columns").get(0).path("column").asText()).isEqualTo("twice");
    }
}
