package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * A regression and a multiclass bundle run through the engine on real public data (scikit-learn's diabetes
 * and wine sets): the metrics of each step, overall and per slice, are scikit-learn's on exactly the rows of
 * that step. The models were trained and the replay files scored with TwinBench's CLI; the reference values
 * come from sample-data/scripts/engine_tasks_reference.py ({@code mean_absolute_error}, {@code r2_score},
 * {@code mean_absolute_percentage_error}, {@code balanced_accuracy_score}, {@code f1_score}, {@code log_loss}).
 */
class TaskRunsMatchSklearnTest {

    static final Path DIR = Path.of("src", "test", "resources", "tasks", "engine").toAbsolutePath();
    private static final double TOLERANCE = 1e-9;

    /** Replays {@code data} in row order after its first half, {@code batch} rows a step, 4 steps. */
    static Scenario scenario(String data, String model, int batch, String slice) {
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", data,
                "batch_size", (long) batch, "steps", 4L, "reference_share", 0.5, "time_column", "row"), 0, 0);
        ScenarioNode bundle = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path", model), 0, 0);
        ScenarioNode slices = new ScenarioNode("slices", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of(slice)),
                0, 0);
        return new Scenario("tasks", "", 1, List.of(source, bundle, slices),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "slices")));
    }

    static List<StepResult> run(Scenario scenario) {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, DIR, new RunListener() { });
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("engine-expected.json").toFile()).get(name);
    }

    @Test
    void regressionStepsHaveScikitLearnsErrorsOnDiabetes() throws IOException {
        List<StepResult> steps = run(scenario("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex"));
        assertMatches(steps, expected("diabetes"), MetricSet.REGRESSION_NAMES);
    }

    @Test
    void multiclassStepsHaveScikitLearnsScoresOnWine() throws IOException {
        List<StepResult> steps = run(scenario("wine-replay.csv", "wine-logistic.twinmodel", 20, "alcohol_level"));
        assertMatches(steps, expected("wine"), MetricSet.MULTICLASS_NAMES);
    }

    private static void assertMatches(List<StepResult> steps, JsonNode expected, List<String> names) {
        assertThat(steps).hasSize(expected.size());
        for (int s = 0; s < steps.size(); s++) {
            StepResult step = steps.get(s);
            JsonNode want = expected.get(s);
            assertMetrics(step.overall(), want.get("overall"), names);
            assertThat(step.slices()).hasSize(want.size() - 1);
            for (SliceMetrics slice : step.slices()) {
                assertMetrics(slice.metrics(), want.get(StepRows.sliceName(slice)), names);
            }
        }
    }

    private static void assertMetrics(MetricSet metrics, JsonNode want, List<String> names) {
        assertThat(metrics.names()).isEqualTo(names);
        assertThat(metrics.n()).isEqualTo(want.get("n").asInt());
        for (String name : names) {
            assertThat(metrics.get(name)).as(name).isCloseTo(want.get(name).asDouble(), within(TOLERANCE));
        }
    }
}
