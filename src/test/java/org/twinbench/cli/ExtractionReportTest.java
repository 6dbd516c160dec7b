package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the trainers' demo "An API that answers scores" (an {@code attack.extraction} node, 20 queries a
 * step for 30 steps): a Model extraction section charts fidelity and surrogate accuracy on one chart and the
 * queries on a chart of their own, and its table after a quarter, half, three quarters and all of the steps
 * gives the values {@code steps.csv} recorded; the Monitors section no longer charts the attacker.
 */
class ExtractionReportTest {

    @Test
    void theReportHasAnExtractionSectionWithQueriesOnTheirOwnScale(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliRunner result = CliRunner.run("run", "sample-data/demos/stealing-scores.twin.json", "--out",
                out.toString());
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<h2>Model extraction</h2>")
                .contains("<title>thief: fidelity and surrogate accuracy</title>")
                .contains("<title>thief: queries answered so far</title>")
                .doesNotContain("<h3>thief, per feature or measure</h3>");
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        Matcher rows = Pattern.compile("<tr><td>([^<]+)</td><td>(\\d+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>")
                .matcher(html.substring(html.indexOf("<h2>Model extraction</h2>")));
        int checked = 0;
        while (rows.find()) {
            int step = Integer.parseInt(rows.group(2));
            assertThat(step).isIn(7, 14, 22, 29);
            assertThat(Double.parseDouble(rows.group(1))).isEqualTo(20.0 * (step + 1));
            assertThat(Double.parseDouble(rows.group(3))).isCloseTo(value(steps, step, "thief.fidelity"),
                    within(5e-4));
            assertThat(Double.parseDouble(rows.group(4))).isCloseTo(value(steps, step, "thief.surrogate_accuracy"),
                    within(5e-4));
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    /**
     * A copy of a model of amounts (the linear diabetes model, a ridge surrogate): the section charts its fidelity
     * (R²) alone, and its table gives the mean difference from the model and the surrogate's MAE from steps.csv.
     */
    @Test
    void aCopyOfAModelOfAmountsIsReportedByItsRSquaredAndMae(@TempDir Path dir) throws IOException {
        Path engine = Path.of("src/test/resources/tasks/engine").toAbsolutePath();
        Path scenario = dir.resolve("amounts.twin.json");
        Files.writeString(scenario, """
                {"format": "twinbench.scenario", "version": 1, "name": "amounts", "seed": 5, "nodes": [
                 {"id": "data", "type": "source.dataset", "params": {"path": "%s", "batch_size": 50, "steps": 4,
                  "replace": true}, "x": 0, "y": 0},
                 {"id": "model", "type": "model.bundle", "params": {"path": "%s"}, "x": 200, "y": 0},
                 {"id": "serving", "type": "deployment.endpoint", "params": {}, "x": 400, "y": 0},
                 {"id": "thief", "type": "attack.extraction", "params": {"budget": 10, "surrogate": "ridge"},
                  "x": 600, "y": 0}],
                 "edges": [{"from": "data", "to": "model"}, {"from": "model", "to": "serving"},
                  {"from": "serving", "to": "thief"}]}
                """.formatted(engine.resolve("diabetes-replay.csv").toString().replace("\\", "/"),
                engine.resolve("diabetes-linear.twinmodel").toString().replace("\\", "/")));
        Path out = dir.resolve("out");
        CliRunner result = CliRunner.run("run", scenario.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<title>thief: fidelity (R² of the copy&#39;s amounts against the model&#39;s)</title>");
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        Matcher rows = Pattern.compile("<tr><td>([^<]+)</td><td>(\\d+)</td><td>([^<]+)</td><td>([^<]+)</td><td>"
                + "([^<]+)</td></tr>").matcher(html.substring(html.indexOf("<h2>Model extraction</h2>")));
        int checked = 0;
        while (rows.find()) {
            int step = Integer.parseInt(rows.group(2));
            assertThat(Double.parseDouble(rows.group(3))).isCloseTo(value(steps, step, "thief.fidelity"),
                    within(5e-4));
            assertThat(Double.parseDouble(rows.group(5))).isCloseTo(value(steps, step, "thief.surrogate_mae"),
                    within(5e-3 * value(steps, step, "thief.surrogate_mae")));
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    /** A step's overall value of a measure in steps.csv (replicate 0, the only one). */
    private static double value(List<String> steps, int step, String measure) {
        String prefix = "0," + step + ",overall," + measure + ",";
        return steps.stream().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()).split(",")[0])).findFirst().orElseThrow();
    }
}
