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
 * Every step records the naive baseline on its own rows, overall and per slice — the reference mean's MAE and RMSE for a regression
 * (diabetes), the reference majority class's accuracy for a classifier (wine) — equal to scikit-learn's
 * ({@code task_fairness_reference.py}, "baseline"; per slice pandas' groupby of the step's rows), and a model no
 * better than it is called out in the headline.
 */
class TaskBaselineTest {

    private static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(TaskRunsMatchSklearnTest.DIR.resolve("fairness-expected.json").toFile())
                .get("baseline");
    }

    private static RunOutcome outcome(Scenario scenario) {
        return Experiment.run(ScenarioCompiler.compile(scenario, TaskRunsMatchSklearnTest.DIR, new RunListener() { }),
                1, 1, new RunListener() { }, new RunControl());
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
        RunOutcome outcome = outcome(TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel",
                20, "alcohol_level"));
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
        RunOutcome outcome = outcome(scenario);
        RunSeries series = RunSeries.of(outcome);
        List<StepResult> steps = outcome.replicates().get(0);
        double model = steps.get(3).overall().get("accuracy");
        double naive = steps.get(3).measures().get("baseline.accuracy");
        assertThat(model).isLessThan(naive);
        assertThat(RunSummary.of(outcome, series, List.of()).headline()).endsWith(String.format(java.util.Locale.ROOT,
                "The model is no better than always answering the reference rows' most frequent class, right %.0f%% "
                        + "of the time in the last tenth (the model: %.0f%%).", 100 * naive, 100 * model));
        // Wrong from the first step to the last, the model "holds" its level: a guess would do better, so not GREEN.
        assertThat(RunSummary.of(outcome, series, List.of()).light()).isEqualTo(RunSummary.Light.AMBER);
    }

    @Test
    void regressionSlicesRecordTheReferenceMeansErrorsPerGroup() throws IOException {
        RunOutcome outcome = outcome(TaskRunsMatchSklearnTest.scenario("diabetes-replay.csv",
                "diabetes-linear.twinmodel", 50, "sex"));
        JsonNode want = expected().get("diabetes_by_sex");
        List<StepResult> steps = outcome.replicates().get(0);
        double highest = 0;
        for (int s = 0; s < 4; s++) {
            assertThat(want.get(s).size()).isEqualTo(2);
            for (var group = want.get(s).fields(); group.hasNext(); ) {
                var g = group.next();
                assertThat(steps.get(s).measures().get("baseline.mae[sex=" + g.getKey() + "]"))
                        .isCloseTo(g.getValue().get("mae").asDouble(), within(1e-9));
                assertThat(steps.get(s).measures().get("baseline.rmse[sex=" + g.getKey() + "]"))
                        .isCloseTo(g.getValue().get("rmse").asDouble(), within(1e-9));
                if (g.getKey().equals("one")) {
                    highest = Math.max(highest, g.getValue().get("mae").asDouble());
                }
            }
        }
        // A slice's baseline is a series of that slice, selected in a gate as a slice's metric is.
        RunSeries series = RunSeries.of(outcome);
        assertThat(series.slices("baseline.mae")).containsExactlyInAnyOrder("sex=one", "sex=two");
        RunAssertion.Verdict gate = RunAssertion.parse("max(baseline.mae[sex=one]) <= 1000").check(outcome, series);
        assertThat(gate.actual()).isCloseTo(highest, within(1e-9));
        assertThat(gate.passed()).isTrue();
    }

    @Test
    void classifierSlicesRecordTheMajorityClassesAccuracyPerGroup() throws IOException {
        List<StepResult> steps = TaskRunsMatchSklearnTest.run(TaskRunsMatchSklearnTest.scenario("wine-replay.csv",
                "wine-logistic.twinmodel", 20, "alcohol_level"));
        JsonNode want = expected().get("wine_by_alcohol_level");
        for (int s = 0; s < 4; s++) {
            List<String> recorded = steps.get(s).measures().keySet().stream()
                    .filter(k -> k.startsWith("baseline.accuracy[")).toList();
            assertThat(recorded).hasSize(want.get(s).size());
            for (var group = want.get(s).fields(); group.hasNext(); ) {
                var g = group.next();
                assertThat(steps.get(s).measures().get("baseline.accuracy[alcohol_level=" + g.getKey() + "]"))
                        .isCloseTo(g.getValue().get("accuracy").asDouble(), within(1e-12));
            }
        }
    }

    @Test
    void onlyAMeasureNamedAsASlicesMetricIsASliceSeries() {
        assertThat(RunSeries.measureKey("baseline.accuracy[region=north]"))
                .isEqualTo(new RunSeries.Key("region=north", "baseline.accuracy"));
        // A numeric slice's level holds brackets itself.
        assertThat(RunSeries.measureKey("baseline.rmse[age=[20, 30)]"))
                .isEqualTo(new RunSeries.Key("age=[20, 30)", "baseline.rmse"));
        // A fairness monitor's per-group measure names its group before the figure: an overall series.
        assertThat(RunSeries.measureKey("fairness.age=[60, 80]")).isEqualTo(new RunSeries.Key("overall",
                "fairness.age=[60, 80]"));
        assertThat(RunSeries.measureKey("latency_p95_ms")).isEqualTo(new RunSeries.Key("overall", "latency_p95_ms"));
        assertThat(RunSeries.measureKey("odd[]")).isEqualTo(new RunSeries.Key("overall", "odd[]"));
        assertThat(new RunSeries.Key("region=north", "baseline.accuracy").toString())
                .isEqualTo("baseline.accuracy[region=north]");
    }
}
