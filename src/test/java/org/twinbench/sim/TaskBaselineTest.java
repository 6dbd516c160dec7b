package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * Every step records the naive baseline on its own rows — the reference mean's MAE and RMSE for a regression
 * (diabetes), the reference majority class's accuracy for a classifier (wine) — equal to scikit-learn's
 * ({@code task_fairness_reference.py}, "baseline"), and a model no better than it is called out in the headline.
 */
class TaskBaselineTest {

    private static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(TaskRunsMatchSklearnTest.DIR.resolve("fairness-expected.json").toFile())
                .get("baseline");
    }

    @Test
    void regressionStepsRecordTheReferenceMeansErrors() throws IOException {
        List<StepResult> steps = TaskRunsMatchSklearnTest.run(TaskRunsMatchSklearnTest.scenario("diabetes-replay.csv",
                "diabetes-linear.twinmodel", 50, "sex"));
        JsonNode want = expected().get("diabetes");
        for (int s = 0; s < 4; s++) {
            assertThat(steps.get(s).measures().get("baseline.mae")).isCloseTo(want.get(s).get("mae").asDouble(),
                    within(1e-9));
            assertThat(steps.get(s).measures().get("baseline.rmse")).isCloseTo(want.get(s).get("rmse").asDouble(),
                    within(1e-9));
            assertThat(steps.get(s).measures()).doesNotContainKey("baseline.accuracy");
        }
    }

    @Test
    void classifierStepsRecordTheMajorityClassesAccuracy() throws IOException {
        RunOutcome outcome = Experiment.run(ScenarioCompiler.compile(TaskRunsMatchSklearnTest.scenario(
                "wine-replay.csv", "wine-logistic.twinmodel", 20, "alcohol_level"), TaskRunsMatchSklearnTest.DIR,
                new RunListener() { }), 1, 1, new RunListener() { }, new RunControl());
        JsonNode want = expected().get("wine");
        List<StepResult> steps = outcome.replicates().get(0);
        for (int s = 0; s < 4; s++) {
            assertThat(steps.get(s).measures().get("baseline.accuracy"))
                    .isCloseTo(want.get(s).get("accuracy").asDouble(), within(1e-12));
        }
        // The model (accuracy 0.95–1.00) beats the majority answer (0.35–0.55): nothing is called out.
        assertThat(RunSummary.of(outcome, RunSeries.of(outcome), List.of()).headline()).doesNotContain("no better");
    }

    @Test
    void aModelNoBetterThanTheMajorityAnswerIsCalledOut() {
        // Every label moved to the next class: the model's right answers all become wrong.
        Scenario plain = TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel", 20,
                "alcohol_level");
        List<ScenarioNode> nodes = new ArrayList<>(plain.nodes());
        nodes.add(new ScenarioNode("shuffle", NodeCatalog.LABEL_NOISE, Map.of("rate", 1.0, "flip_map",
                "class_0:class_1, class_1:class_2, class_2:class_0"), 0, 0));
        Scenario scenario = new Scenario("tasks", "", 1, nodes, List.of(new ScenarioEdge("data", "shuffle"),
                new ScenarioEdge("shuffle", "model"), new ScenarioEdge("model", "slices")));
        RunOutcome outcome = Experiment.run(ScenarioCompiler.compile(scenario, TaskRunsMatchSklearnTest.DIR,
                new RunListener() { }), 1, 1, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        List<StepResult> steps = outcome.replicates().get(0);
        double model = steps.get(3).overall().get("accuracy");
        double naive = steps.get(3).measures().get("baseline.accuracy");
        assertThat(model).isLessThan(naive);
        assertThat(RunSummary.of(outcome, series, List.of()).headline()).endsWith(String.format(java.util.Locale.ROOT,
                "The model is no better than always answering the reference rows' most frequent class, right %.0f%% "
                        + "of the time in the last tenth (the model: %.0f%%).", 100 * naive, 100 * model));
    }
}
