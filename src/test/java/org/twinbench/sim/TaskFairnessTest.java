package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * Fairness between groups for a regression (diabetes, groups of sex: MAE/RMSE per group, gap to the best group,
 * RMSE ratio) and a multiclass model (wine, groups of alcohol_level: per-class selection rate and recall, parity
 * ratio and recall gap per class), step by step and pooled over a tenth, equal to scikit-learn's and pandas'
 * figures ({@code sample-data/scripts/task_fairness_reference.py}, {@code fairness-expected.json}).
 */
public class TaskFairnessTest {

    /** Where the scenarios' data and models are. */
    public static final java.nio.file.Path DIR = TaskRunsMatchSklearnTest.DIR;
    private static final double TOLERANCE = 1e-9;
    private static final List<String> CLASSES = List.of("class_0", "class_1", "class_2");

    /** Replays {@code data} after its first half, {@code batch} rows a step, with fairness on {@code slice}. */
    public static Scenario scenario(String data, String model, int batch, int steps, String slice) {
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", data,
                "batch_size", (long) batch, "steps", (long) steps, "reference_share", 0.5, "time_column", "row"), 0, 0);
        ScenarioNode bundle = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path", model), 0, 0);
        ScenarioNode slices = new ScenarioNode("fair", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of(slice),
                "fairness", true), 0, 0);
        return new Scenario("tasks", "", 1, List.of(source, bundle, slices),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "fair")));
    }

    public static RunOutcome run(Scenario scenario) {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, TaskRunsMatchSklearnTest.DIR, new RunListener() { });
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
    }

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(TaskRunsMatchSklearnTest.DIR.resolve("fairness-expected.json").toFile())
                .get(name);
    }

    private static void assertNumber(Double actual, JsonNode want, String what) {
        if (want == null || want.isNull()) {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual.isNaN()).as(what + " undefined").isTrue();
        } else {
            assertThat(actual).as(what).isCloseTo(want.asDouble(), within(TOLERANCE));
        }
    }

    @Test
    void regressionGroupErrorsEqualScikitLearnsStepByStep() throws IOException {
        List<StepResult> steps = run(scenario("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, 4, "sex"))
                .replicates().get(0);
        JsonNode want = expected("diabetes").get("steps");
        for (int s = 0; s < 4; s++) {
            Map<String, Double> measures = steps.get(s).measures();
            JsonNode step = want.get(s);
            assertNumber(measures.get("fair.sex.rmse_ratio"), step.get("rmse_ratio"), "rmse_ratio step " + s);
            assertNumber(measures.get("fair.sex.mae_gap"), step.get("mae_gap"), "mae_gap step " + s);
            for (String group : List.of("one", "two")) {
                for (String figure : List.of("mae", "rmse", "rmse_gap")) {
                    assertNumber(measures.get("fair.sex=" + group + "." + figure), step.get("groups").get(group)
                            .get(figure), figure + " of " + group + " step " + s);
                }
            }
        }
    }

    @Test
    void multiclassPerClassRatesEqualScikitLearnsStepByStep() throws IOException {
        List<StepResult> steps = run(scenario("wine-replay.csv", "wine-logistic.twinmodel", 20, 4, "alcohol_level"))
                .replicates().get(0);
        JsonNode want = expected("wine").get("steps");
        for (int s = 0; s < 4; s++) {
            Map<String, Double> measures = steps.get(s).measures();
            JsonNode step = want.get(s);
            for (String c : CLASSES) {
                assertNumber(measures.get("fair.alcohol_level.parity_ratio_" + c), step.get("parity_ratio").get(c),
                        "parity ratio of " + c + " step " + s);
                assertNumber(measures.get("fair.alcohol_level.recall_gap_" + c), step.get("recall_gap").get(c),
                        "recall gap of " + c + " step " + s);
                for (String group : List.of("high", "low")) {
                    String name = "fair.alcohol_level=" + group + ".";
                    assertNumber(measures.get(name + "selection_rate_" + c),
                            step.get("groups").get(group).get("selection_rate_" + c), name + c + " step " + s);
                    assertNumber(measures.get(name + "recall_" + c), step.get("groups").get(group).get("recall_" + c),
                            name + "recall " + c + " step " + s);
                }
            }
        }
    }

    @Test
    void pooledRegressionRatioComparesGroupsOfAtLeastThirtyRows() throws IOException {
        RunOutcome outcome = run(scenario("diabetes-replay.csv", "diabetes-linear.twinmodel", 110, 2, "sex"));
        RunSeries series = RunSeries.of(outcome);
        List<TaskFairness> figures = TaskFairness.of(outcome, series);
        JsonNode want = expected("diabetes").get("pooled");
        assertThat(figures).hasSize(1);
        TaskFairness sex = figures.get(0);
        assertThat(sex.metric()).isEqualTo("rmse_ratio");
        assertThat(sex.start()).isCloseTo(want.get("start").get("rmse_ratio").asDouble(), within(TOLERANCE));
        assertThat(sex.end()).isCloseTo(want.get("end").get("rmse_ratio").asDouble(), within(TOLERANCE));
        assertThat(sex.worst()).isEqualTo("sex=one");
        // The first step's 1.28 would break the rule, the last step's 1.02 does not: the headline says nothing.
        assertThat(sex.flagged()).isFalse();
        assertThat(RunSummary.of(outcome, series, List.of()).headline()).doesNotContain("times that of");

        // Groups under 30 rows (steps of 50 rows, two sexes) do not drive a verdict: no ratio.
        RunOutcome small = run(scenario("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, 4, "sex"));
        assertThat(TaskFairness.of(small, RunSeries.of(small)).get(0).end()).isNaN();
    }

    @Test
    void aRisingRegressionRatioIsRedAndNamesTheWorstGroup() {
        TaskFairness rising = new TaskFairness("fair", "sex", null, "rmse_ratio", 1.0183559807729456,
                1.2786401632085014, "sex=one", "sex=two");
        assertThat(rising.flagged()).isTrue();
        assertThat(rising.fell()).isTrue();
        assertThat(rising.sentence()).isEqualTo("The RMSE of sex=one rises from 1.02 to 1.28 times that of sex=two,"
                + " beyond 1.25.");
    }

    @Test
    void multiclassParityBelowFourFifthsMakesTheHeadlineAmber() throws IOException {
        RunOutcome outcome = run(scenario("wine-replay.csv", "wine-logistic.twinmodel", 89, 1, "alcohol_level"));
        RunSeries series = RunSeries.of(outcome);
        List<TaskFairness> figures = TaskFairness.of(outcome, series);
        JsonNode want = expected("wine").get("pooled").get("end");
        List<TaskFairness> parity = figures.stream().filter(f -> f.metric().equals("parity_ratio")).toList();
        assertThat(parity).extracting(TaskFairness::subject).containsExactlyElementsOf(CLASSES);
        // Recall gaps are pooled over each group's rows of the class: 89 rows hold no group with 30 of one class.
        assertThat(figures.stream().filter(f -> f.metric().equals("recall_gap")))
                .extracting(TaskFairness::subject).containsExactlyElementsOf(CLASSES);
        assertThat(figures.stream().filter(f -> f.metric().equals("recall_gap"))).allMatch(f -> Double.isNaN(f.end()));
        for (TaskFairness figure : parity) {
            assertThat(figure.end()).isCloseTo(want.get("parity_ratio").get(figure.subject()).asDouble(),
                    within(TOLERANCE));
        }
        RunSummary summary = RunSummary.of(outcome, series, List.of());
        assertThat(summary.light()).isEqualTo(RunSummary.Light.AMBER);
        assertThat(summary.headline()).endsWith("The parity ratio of class_0 between alcohol_level groups is 0.09 "
                + "(least predicted for alcohol_level=low), below four-fifths. (and 2 more fairness figures beyond "
                + "four-fifths)");
    }
}
