package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunProvenance;

/**
 * The report and run.json of a regression run: RMSE charts instead of accuracy, and the warning of a twin
 * that replays the very file its model was trained on (diabetes-train.csv is what diabetes-linear.twinmodel
 * was trained on; diabetes-replay.csv holds those rows and 221 more, so its SHA-256 differs).
 */
class TaskReportTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "engine").toAbsolutePath();

    private record Run(RunProvenance provenance, RunOutcome outcome, RunSeries series, RunSummary summary) {
    }

    private static Run run(Path dir, String data) throws IOException {
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path",
                DIR.resolve(data).toString(), "batch_size", 20L, "steps", 4L, "reference_share", 0.5), 0, 0);
        ScenarioNode model = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path",
                DIR.resolve("diabetes-linear.twinmodel").toString()), 0, 0);
        ScenarioNode slices = new ScenarioNode("slices", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of("sex")),
                0, 0);
        Scenario scenario = new Scenario("diabetes", "", 1, List.of(source, model, slices),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "slices")));
        Path file = dir.resolve(data + ".twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        return new Run(RunProvenance.of(file, plan, 1, Instant.EPOCH), outcome, series,
                RunSummary.of(outcome, series, List.of()));
    }

    @Test
    void aTwinReplayingTheTrainingFileSaysItsFiguresAreOptimistic(@TempDir Path dir) throws IOException {
        Run training = run(dir, "diabetes-train.csv");
        assertThat(training.provenance().replaysTrainingRows()).isTrue();
        String html = HtmlReport.render(training.outcome(), training.series(), training.provenance(), training.summary());
        assertThat(html).contains("<strong>Optimistic:</strong> This twin replays the data the model was trained on");
        ObjectNode json = RunJson.toTree(training.provenance(), training.summary(), training.series());
        assertThat(json.get("model").get("replays_training_rows").asBoolean()).isTrue();

        Run other = run(dir, "diabetes-replay.csv");
        assertThat(other.provenance().replaysTrainingRows()).isFalse();
        assertThat(HtmlReport.render(other.outcome(), other.series(), other.provenance(), other.summary()))
                .doesNotContain("Optimistic");
        assertThat(RunJson.toTree(other.provenance(), other.summary(), other.series()).get("model")
                .get("replays_training_rows").asBoolean()).isFalse();
    }

    @Test
    void aRegressionReportChartsRmseOverallAndPerSlice(@TempDir Path dir) throws IOException {
        Run run = run(dir, "diabetes-replay.csv");
        String html = HtmlReport.render(run.outcome(), run.series(), run.provenance(), run.summary());
        assertThat(html).contains("<h2>RMSE over time</h2>", "<h3>rmse by sex</h3>", "rmse, first tenth → last tenth",
                "mae, first tenth → last tenth").doesNotContain("Accuracy over time");
        assertThat(html).contains(Html.escape(run.summary().headline()));
        ObjectNode means = (ObjectNode) RunJson.toTree(run.provenance(), run.summary(), run.series()).get("summary")
                .get("means");
        assertThat(means.has("rmse[sex=one]")).isTrue();
        assertThat(means.has("accuracy")).isFalse();
    }
}
