package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.TaskFairnessTest;
import org.twinbench.sim.store.RunProvenance;

/**
 * run.json and the report of a regression and a multiclass run speak the task: a regression has RMSE and MAE
 * at start and end and no accuracy keys, a multiclass run macro F1 beside accuracy, both their fairness figures;
 * the values are scikit-learn's per-step figures (engine-expected.json, fairness-expected.json), every key is
 * documented in docs/cli.md.
 */
class TaskRunJsonTest {

    private static final double TOLERANCE = 1e-9;

    private static JsonNode runJson(Path dir, Scenario scenario, List<String> html) throws IOException {
        Path file = dir.resolve("task.twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        SimulationPlan plan = ScenarioCompiler.compile(scenario, TaskFairnessTest.DIR, new RunListener() { });
        RunOutcome outcome = TaskFairnessTest.run(scenario);
        RunSeries series = RunSeries.of(outcome);
        RunSummary summary = RunSummary.of(outcome, series, List.of());
        RunProvenance provenance = RunProvenance.of(file, plan, 1, Instant.EPOCH);
        html.add(HtmlReport.render(outcome, series, provenance, summary));
        return new ObjectMapper().readTree(RunJson.toJson(provenance, summary, series, outcome));
    }

    /** The absolute path of a test file, so the scenario can be written elsewhere. */
    private static String at(String file) {
        return TaskFairnessTest.DIR.resolve(file).toString();
    }

    private static JsonNode expected(String file, String name) throws IOException {
        return new ObjectMapper().readTree(TaskFairnessTest.DIR.resolve(file).toFile()).get(name);
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        if (node.has("fairness")) {
            node.get("fairness").forEach(f -> f.fieldNames().forEachRemaining(out::add));
        }
        return out;
    }

    @Test
    void aRegressionsRunJsonHasItsErrorsAndNoAccuracy(@TempDir Path dir) throws IOException {
        List<String> html = new ArrayList<>();
        JsonNode summary = runJson(dir, TaskFairnessTest.scenario(at("diabetes-replay.csv"), at("diabetes-linear.twinmodel"),
                50, 4, "sex"), html).get("summary");
        JsonNode steps = expected("engine-expected.json", "diabetes");
        assertThat(summary.get("task").asText()).isEqualTo("regression");
        assertThat(keys(summary)).noneMatch(key -> key.contains("accuracy"));
        assertThat(summary.get("rmse_start").asDouble()).isCloseTo(steps.get(0).get("overall").get("rmse").asDouble(),
                within(TOLERANCE));
        assertThat(summary.get("rmse_end").asDouble()).isCloseTo(steps.get(3).get("overall").get("rmse").asDouble(),
                within(TOLERANCE));
        double max = 0;
        for (JsonNode step : steps) {
            max = Math.max(max, step.get("overall").get("rmse").asDouble());
        }
        assertThat(summary.get("rmse_max").asDouble()).isCloseTo(max, within(TOLERANCE));
        assertThat(summary.get("mae_end").asDouble()).isCloseTo(steps.get(3).get("overall").get("mae").asDouble(),
                within(TOLERANCE));
        String worst = summary.get("worst_slice").asText();
        assertThat(summary.get("worst_slice_rmse_end").asDouble()).isCloseTo(steps.get(3).get(worst).get("rmse")
                .asDouble(), within(TOLERANCE));
        // The worst slice beside the reference mean's RMSE on its rows (pandas, fairness-expected.json).
        JsonNode naive = expected("fairness-expected.json", "baseline").get("diabetes_by_sex");
        String group = worst.substring("sex=".length());
        assertThat(summary.get("worst_slice_baseline_rmse_start").asDouble()).isCloseTo(naive.get(0).get(group)
                .get("rmse").asDouble(), within(TOLERANCE));
        assertThat(summary.get("worst_slice_baseline_rmse_end").asDouble()).isCloseTo(naive.get(3).get(group)
                .get("rmse").asDouble(), within(TOLERANCE));
        assertThat(html.get(0)).contains("<h2>Slices beside the naive baseline</h2>", "<td>" + worst + "</td><td>"
                + HtmlReport.fmt(steps.get(0).get(worst).get("rmse").asDouble()) + "</td><td>"
                + HtmlReport.fmt(steps.get(3).get(worst).get("rmse").asDouble()) + "</td><td>"
                + HtmlReport.fmt(naive.get(0).get(group).get("rmse").asDouble()) + "</td><td>"
                + HtmlReport.fmt(naive.get(3).get(group).get("rmse").asDouble()) + "</td>");
        JsonNode fairness = summary.get("fairness").get(0);
        assertThat(fairness.get("metric").asText()).isEqualTo("rmse_ratio");
        assertThat(fairness.get("column").asText()).isEqualTo("sex");
        // Steps of 50 rows hold two groups of about 25: under 30 rows, no ratio is judged.
        assertThat(fairness.get("end").isNull()).isTrue();
        assertThat(fairness.get("flagged").asBoolean()).isFalse();
        assertThat(html.get(0)).contains("<h2>Fairness</h2>", "RMSE of the worst group over the best group",
                "naive baseline (the reference", "mean) mae, first tenth → last tenth</th><td>" + HtmlReport.fmt(
                        expected("fairness-expected.json", "baseline").get("diabetes").get(0).get("mae").asDouble()) + " → ");
        assertDocumented(keys(summary));
    }

    @Test
    void aMulticlassRunJsonHasMacroF1AndPerClassParity(@TempDir Path dir) throws IOException {
        List<String> html = new ArrayList<>();
        JsonNode summary = runJson(dir, TaskFairnessTest.scenario(at("wine-replay.csv"), at("wine-logistic.twinmodel"), 89, 1,
                "alcohol_level"), html).get("summary");
        JsonNode pooled = expected("fairness-expected.json", "wine").get("pooled").get("end");
        assertThat(summary.get("task").asText()).isEqualTo("multiclass");
        assertThat(summary.has("accuracy_start")).isTrue();
        assertThat(summary.get("macro_f1_end").isNumber()).isTrue();
        assertThat(summary.get("verdict").asText()).isEqualTo("amber");
        for (JsonNode figure : summary.get("fairness")) {
            if (figure.get("metric").asText().equals("recall_gap")) {
                // No group holds 30 rows of one class in 89 rows: no pooled recall gap.
                assertThat(figure.get("end").isNull()).isTrue();
                continue;
            }
            assertThat(figure.get("metric").asText()).isEqualTo("parity_ratio");
            assertThat(figure.get("end").asDouble()).isCloseTo(pooled.get("parity_ratio")
                    .get(figure.get("class").asText()).asDouble(), within(TOLERANCE));
            assertThat(figure.get("flagged").asBoolean()).isTrue();
        }
        assertThat(summary.get("fairness").get(0).get("worst_group").asText()).isEqualTo("alcohol_level=low");
        assertThat(html.get(0)).contains("<h2>Fairness</h2>", "<th>class</th>", "<td>class_0</td>",
                "beyond four-fifths");
        assertDocumented(keys(summary));
    }

    private static void assertDocumented(List<String> keys) throws IOException {
        String cli = Files.readString(Path.of("docs/cli.md"));
        assertThat(keys.stream().filter(key -> !cli.contains("`" + key + "`") && !cli.contains("\"" + key + "\"")))
                .as("run.json keys missing from docs/cli.md").isEmpty();
    }

}
