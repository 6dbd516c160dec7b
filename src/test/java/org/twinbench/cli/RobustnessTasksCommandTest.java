package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code robustness} on a multiclass and a regression model, equal to the exact crossing walks numpy computes from
 * the models' ONNX exports (src/test/resources/robustness/wine_walk.py, diabetes_walk.py) on the same rows: the
 * wine logistic model (exported in doubles) on wine-replay.csv rows 89 to 177, to 1e-6 sd; the diabetes linear
 * model on diabetes-replay.csv rows 221 to 420 against MAE and RMSE × 1.1, to 1e-8, overall and per sex with
 * {@code --slice sex} (the walk refits the ridge in doubles with scikit-learn, whose predictions equal TwinBench's to
 * about 1e-12; the MAE, RMSE and limits to 1e-9).
 */
class RobustnessTasksCommandTest {

    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");
    private static final Path WALKS = Path.of("src/test/resources/robustness");

    @TempDir
    Path dir;

    /** The rows of {@code file} whose {@code row} column is in [from, to], written to a file of their own. */
    private Path rows(String file, int from, int to) throws IOException {
        List<String> lines = Files.readAllLines(ENGINE.resolve(file));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            int row = Integer.parseInt(line.substring(0, line.indexOf(',')));
            if (row >= from && row <= to) {
                kept.add(line);
            }
        }
        Path out = dir.resolve(file);
        Files.write(out, kept);
        return out;
    }

    private static JsonNode run(String... args) throws IOException {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    private static void same(JsonNode found, JsonNode exact, double tolerance) {
        if (exact == null || exact.isNull()) {
            assertThat(found == null || found.isNull()).as("no crossing expected, found %s", found).isTrue();
        } else {
            assertThat(found.asDouble()).isCloseTo(exact.asDouble(), within(tolerance));
        }
    }

    @Test
    void multiclassProfileEqualsTheWalkOnWine() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(WALKS.resolve("wine-walk.json").toFile());
        JsonNode json = run("robustness", "--model", ENGINE.resolve("wine-logistic.twinmodel").toString(), "--data",
                rows("wine-replay.csv", 89, 177).toString(), "--json");
        assertThat(json.get("metric").asText()).isEqualTo("accuracy");
        assertThat(json.get("rows").asInt()).isEqualTo(expected.get("rows").asInt());
        assertThat(json.get("accuracy").asDouble()).isCloseTo(expected.get("accuracy").asDouble(), within(1e-12));
        int checked = 0;
        for (JsonNode f : json.get("features")) {
            JsonNode walk = expected.get("features").get(f.get("feature").asText());
            if (walk == null) {
                continue;
            }
            same(f.get("shift_up_sd"), walk.get("shift_up_sd"), 1e-6);
            same(f.get("shift_down_sd"), walk.get("shift_down_sd"), 1e-6);
            same(f.get("scale"), walk.get("scale"), 1e-6);
            checked++;
        }
        assertThat(checked).isEqualTo(expected.get("features").size());
    }

    /** A profile's level, limit and every numeric feature's crossings equal the walk's on the same rows. */
    private static void profileEqualsTheWalk(JsonNode found, JsonNode walk, String metric) {
        assertThat(found.get("rows").asInt()).isEqualTo(walk.get("rows").asInt());
        assertThat(found.get(metric).asDouble()).isCloseTo(walk.get(metric).asDouble(), within(1e-9));
        assertThat(found.get("limit").asDouble()).isCloseTo(1.1 * walk.get(metric).asDouble(), within(1e-9));
        int checked = 0;
        for (JsonNode f : found.get("features")) {
            JsonNode exact = walk.get("features").get(f.get("feature").asText());
            if (exact == null) {
                assertThat(f.get("feature").asText()).isEqualTo("sex");
                continue;
            }
            exact = exact.get(metric);
            same(f.get("shift_up_sd"), exact.get("shift_up_sd"), 1e-8);
            same(f.get("shift_down_sd"), exact.get("shift_down_sd"), 1e-8);
            same(f.get("scale"), exact.get("scale"), 1e-8);
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void regressionProfilesEqualTheWalkOnDiabetes() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(WALKS.resolve("diabetes-walk.json").toFile());
        Path data = rows("diabetes-replay.csv", 221, 420);
        for (String metric : List.of("mae", "rmse")) {
            JsonNode json = run("robustness", "--model", ENGINE.resolve("diabetes-linear.twinmodel").toString(),
                    "--data", data.toString(), "--metric", metric, "--slice", "sex", "--json");
            assertThat(json.get("metric").asText()).isEqualTo(metric);
            profileEqualsTheWalk(json, expected, metric);
            assertThat(json.get("slices")).hasSize(2);
            for (JsonNode slice : json.get("slices")) {
                assertThat(slice.get("column").asText()).isEqualTo("sex");
                profileEqualsTheWalk(slice, expected.get("slices").get(slice.get("value").asText()), metric);
            }
        }
        CliRunner text = CliRunner.run("robustness", "--model", ENGINE.resolve("diabetes-linear.twinmodel").toString(),
                "--data", data.toString());
        assertThat(text.out()).contains("MAE on 200 labelled rows: 46.3427; limit 50.9769 (--rise 0.1)");
        CliRunner bad = CliRunner.run("robustness", "--model", ENGINE.resolve("diabetes-linear.twinmodel").toString(),
                "--data", data.toString(), "--metric", "mape");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--metric one of mae, rmse, not mape").doesNotContain("Exception");
    }
}
