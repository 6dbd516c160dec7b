package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A twin that replays its model's training rows says so even when the file is not the one trained on: the 1996
 * election study trained on (755 of its 944 rows, the rest held out) and replayed from a pandas re-export in
 * another order (src/test/resources/file-order/make_data.py). Replaying rows the model never saw says nothing.
 */
class TrainingRowsRunTest {

    static final Path DIR = Path.of("src/test/resources/file-order");

    private static String scenario(String data) {
        return """
                {"format": "twinbench.scenario", "version": 1, "name": "voters", "seed": 5,
                 "nodes": [
                  {"id": "voters", "type": "source.dataset", "params": {"path": "%s", "batch_size": 50, "steps": 4,
                   "split": "shuffled"}},
                  {"id": "model", "type": "model.bundle", "params": {"path": "vote.twinmodel"}}],
                 "edges": [{"from": "voters", "to": "model"}]}
                """.formatted(data);
    }

    private static JsonNode run(Path dir, String data) throws Exception {
        Path file = dir.resolve(data.replace(".csv", ".twin.json"));
        Files.writeString(file, scenario(data));
        CliRunner run = CliRunner.run("run", file.toString(), "--out", dir.resolve("out-" + data).toString(),
                "--no-store", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.MAPPER.readTree(run.out());
    }

    @Test
    void aReExportOfTheTrainingFileIsFoundByItsRows(@TempDir Path dir) throws Exception {
        Files.copy(DIR.resolve("anes96.csv"), dir.resolve("anes96.csv"));
        Files.copy(DIR.resolve("anes96-shuffled.csv"), dir.resolve("anes96-shuffled.csv"));
        assertThat(CliRunner.run("train", "--data", dir.resolve("anes96.csv").toString(), "--target", "vote",
                "--out", dir.resolve("vote.twinmodel").toString()).exitCode()).isZero();
        JsonNode run = run(dir, "anes96-shuffled.csv");
        assertThat(run.at("/model/replays_training_rows").asBoolean()).isTrue();
        // 755 of 944 rows, within twice the estimate's binomial standard error (about 640 rows in range).
        assertThat(run.at("/model/training_rows_share").asDouble()).isCloseTo(755 / 944.0, within(0.035));
        List<String> notes = Json.MAPPER.convertValue(run.get("notes"), List.class);
        // the shuffled split replays half the rows: 78% of them, estimated from the 319 in the sketch's range
        assertThat(notes).anyMatch(n -> n.matches("about (7[6-9]|8[0-4])% of the rows replayed from anes96-shuffled"
                + "\\.csv are rows vote\\.twinmodel was trained on \\(estimated from \\d+ rows.*"));
    }

    /**
     * A model trained on the first 600 rows of a file, and a run of the whole file whose reference is those
     * same 600 rows: the run replays only rows 601 to 944, none of them training rows. The share counts the
     * rows replayed (it was 0.63, the whole file's, with a note that the figures were optimistic).
     */
    @Test
    void trainingRowsKeptInTheReferenceAreNotCountedAsReplayed(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve("anes96-shuffled.csv"));
        Files.write(dir.resolve("first.csv"), lines.subList(0, 601));
        Files.write(dir.resolve("all.csv"), lines);
        assertThat(CliRunner.run("train", "--data", dir.resolve("first.csv").toString(), "--target", "vote",
                "--holdout", "0", "--out", dir.resolve("vote.twinmodel").toString()).exitCode()).isZero();
        Path file = dir.resolve("all.twin.json");
        Files.writeString(file, scenario("all.csv").replace("\"split\": \"shuffled\"",
                "\"reference_share\": " + (600 / 944.0)));
        CliRunner run = CliRunner.run("run", file.toString(), "--out", dir.resolve("out-all").toString(),
                "--no-store", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.at("/model/replays_training_rows").asBoolean()).isFalse();
        assertThat(json.at("/model/training_rows_share").asDouble()).isLessThan(0.01);
        assertThat(json.get("notes").toString()).doesNotContain("trained on");
    }

    @Test
    void rowsTheModelNeverSawSayNothing(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve("anes96-shuffled.csv"));
        Files.write(dir.resolve("first.csv"), lines.subList(0, 601));
        List<String> rest = new java.util.ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(601, lines.size()));
        Files.write(dir.resolve("rest.csv"), rest);
        assertThat(CliRunner.run("train", "--data", dir.resolve("first.csv").toString(), "--target", "vote",
                "--out", dir.resolve("vote.twinmodel").toString()).exitCode()).isZero();
        JsonNode run = run(dir, "rest.csv");
        assertThat(run.at("/model/replays_training_rows").asBoolean()).isFalse();
        assertThat(run.at("/model/training_rows_share").asDouble()).isLessThan(0.01);
        assertThat(run.get("notes").toString()).doesNotContain("trained on");
    }
}
