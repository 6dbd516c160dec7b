package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.RegressionMetrics;

/**
 * A run too short for any group to be judged says that no change could be judged and why — amber, never "The model
 * holds" from the raw figures of its ends — for every task; the same logs run long enough are judged as before.
 * Real public data, each a production log with the deployed model's outputs: scikit-learn's diabetes patients
 * (out-of-fold linear regression), breast cancer (logistic probability of malignant) and iris (class
 * probabilities). The figures are pandas / scikit-learn / scipy / statsmodels on the same rows
 * ({@code src/test/resources/verdicts/make_unjudged.py}, {@code unjudged-expected.json}).
 */
class UnjudgedChangeTest {

    private static final Path DIR = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();
    private static JsonNode expected;

    @BeforeAll
    static void read() throws IOException {
        expected = new ObjectMapper().readTree(DIR.resolve("unjudged-expected.json").toFile());
    }

    /** {@code file}'s production rows in row order, {@code batch} a step; the log's own model node; slices. */
    private static RunSummary run(String file, double referenceShare, int batch, int steps, Map<String, Object> model,
                                  String... slices) {
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", file,
                "batch_size", (long) batch, "steps", (long) steps, "reference_share", referenceShare,
                "time_column", "row"), 0, 0);
        ScenarioNode logged = new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, model, 0, 0);
        ScenarioNode slicing = new ScenarioNode("slices", NodeCatalog.SLICE_METRICS, Map.of("slices",
                List.of(slices)), 0, 0);
        Scenario scenario = new Scenario("unjudged", "", 1, List.of(source, logged, slicing),
                List.of(new ScenarioEdge("data", "deployed"), new ScenarioEdge("deployed", "slices")));
        SimulationPlan plan = ScenarioCompiler.compile(scenario, DIR, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        return RunSummary.of(outcome, RunSeries.of(outcome), List.of());
    }

    private static RunSummary diabetes(int batch, int steps) {
        return run("diabetes-log.csv", 0.095, batch, steps, Map.of("target", "target", "score_column", "prediction"),
                "clinic", "shift");
    }

    /** Three steps of 20 patients: two windows of 2 steps do not fit, so nothing is judged; ends as scikit-learn's. */
    @Test
    void aRegressionRunOfThreeStepsSaysNoChangeCouldBeJudged() {
        JsonNode want = expected.get("diabetes_short");
        RunSummary summary = diabetes(20, 3);
        assertThat(summary.light()).isEqualTo(RunSummary.Light.AMBER);
        assertThat(summary.headline()).startsWith(String.format(Locale.ROOT, "No change in RMSE could be judged: the "
                + "run has 3 steps, too few to compare its first and last 2 steps (first step against last: RMSE %s "
                + "-> %s, MAE %s -> %s).", figure(want, "rmse_first"), figure(want, "rmse_last"),
                figure(want, "mae_first"), figure(want, "mae_last"))).doesNotContain("holds");
    }

    /**
     * Ten steps of 40 patients: windows of 2 steps (80 rows overall), judged for overall and both shifts (each over
     * 30 rows at both ends), no clinic; scipy's Welch p-values all above 0.05 / 3, so it holds, the largest rise
     * (a clinic's) named as too small to judge.
     */
    @Test
    void theSameLogRunLongEnoughIsJudged() {
        JsonNode groups = expected.get("diabetes_normal");
        List<String> judged = new ArrayList<>();
        String largest = null;
        double rise = 0;
        for (Iterator<String> it = groups.fieldNames(); it.hasNext(); ) {
            String group = it.next();
            JsonNode g = groups.get(group);
            if (g.get("judged").asBoolean()) {
                judged.add(group);
                assertThat(g.get("p").asDouble()).isGreaterThan(0.05 / 3);
            }
            double r = g.get("last").get("rmse").asDouble() / g.get("first").get("rmse").asDouble() - 1;
            if (r > rise) {
                rise = r;
                largest = group;
            }
        }
        assertThat(judged).containsExactly("overall", "shift=day", "shift=night");
        JsonNode all = groups.get("overall");
        RunSummary summary = diabetes(40, 10);
        assertThat(summary.light()).isEqualTo(RunSummary.Light.GREEN);
        assertThat(summary.headline()).startsWith(String.format(Locale.ROOT, "The model holds: no rise in RMSE beyond "
                + "chance (RMSE %s -> %s, MAE %s -> %s); the largest seen, %.0f%% in %s, is in a group too small to "
                + "judge (first and last 2 steps, Welch's test corrected for 3 groups).",
                figure(all.get("first"), "rmse"), figure(all.get("last"), "rmse"), figure(all.get("first"), "mae"),
                figure(all.get("last"), "mae"), 100 * rise, largest));
    }

    /**
     * Three steps of 20 breast-cancer rows: a step a tenth, 20 rows at either end. Amber, the level over the 60 rows
     * as statsmodels' Wilson intervals give it, no "holds".
     */
    @Test
    void aBinaryRunOfTwentyRowsAStepSaysNoChangeCouldBeJudged() {
        JsonNode want = expected.get("breast_cancer_short");
        RunSummary summary = run("breast-cancer-log.csv", 0.1213, 20, 3, Map.of("target", "diagnosis",
                "score_column", "score", "positive", "malignant"), "clinic", "shift");
        assertThat(summary.light()).isEqualTo(RunSummary.Light.AMBER);
        assertThat(summary.headline()).isEqualTo(String.format(Locale.ROOT, "No change in accuracy could be judged: its"
                + " first and last step hold 20 and 20 labelled rows, under the 30 each needs. Accuracy %.2f (95%% "
                + "interval %.2f–%.2f) over %d labelled rows, above always answering the majority class (%.2f); it "
                + "catches %.0f%% of 'malignant' (95%% interval %.0f–%.0f%%).", want.get("accuracy").asDouble(),
                want.get("accuracy_interval").get(0).asDouble(), want.get("accuracy_interval").get(1).asDouble(),
                want.get("rows").asInt(), want.get("majority").asDouble(), 100 * want.get("recall").asDouble(),
                100 * want.get("recall_interval").get(0).asDouble(),
                100 * want.get("recall_interval").get(1).asDouble()));
    }

    /** The same log at 50 rows a step is judged: whatever it finds, it never says no change could be judged. */
    @Test
    void theBinaryLogAtFiftyRowsAStepIsJudged() {
        RunSummary summary = run("breast-cancer-log.csv", 0.1213, 50, 10, Map.of("target", "diagnosis",
                "score_column", "score", "positive", "malignant"), "clinic", "shift");
        assertThat(summary.headline()).doesNotContain("could be judged");
    }

    /** Three steps of 20 iris rows: amber, the ends' accuracy and macro F1 scikit-learn's, the level Wilson's. */
    @Test
    void aMulticlassRunOfTwentyRowsAStepSaysNoChangeCouldBeJudged() {
        JsonNode want = expected.get("iris_short");
        RunSummary summary = run("../tasks/logged/iris-log.csv", 0.5, 20, 3, Map.of("target", "species",
                "proba_prefix", "p_"), "petal_band");
        assertThat(summary.light()).isEqualTo(RunSummary.Light.AMBER);
        assertThat(summary.headline()).startsWith(String.format(Locale.ROOT, "No change in accuracy could be judged: "
                + "its first and last step hold 20 and 20 labelled rows, under the 30 each needs (accuracy %.3f -> "
                + "%.3f, macro F1 %.3f -> %.3f). Over every labelled row: accuracy %.2f (95%% interval %.2f–%.2f) over "
                + "%d labelled rows.", want.get("first").get("accuracy").asDouble(),
                want.get("last").get("accuracy").asDouble(), want.get("first").get("macro_f1").asDouble(),
                want.get("last").get("macro_f1").asDouble(), want.get("accuracy").asDouble(),
                want.get("accuracy_interval").get(0).asDouble(), want.get("accuracy_interval").get(1).asDouble(),
                want.get("rows").asInt())).doesNotContain("holds");
    }

    /**
     * Generated: 20 steps of 10 rows with errors ±10 — windows of 2 steps hold 20 rows, under 30; with one of the
     * last two steps empty, the last window has rows enough but a single RMSE, no spread to test.
     */
    @Test
    void aRegressionRunSaysWhichEndIsTooSmall() {
        RunSummary tooFew = regression(10, -1);
        assertThat(tooFew.light()).isEqualTo(RunSummary.Light.AMBER);
        assertThat(tooFew.headline()).isEqualTo("No change in RMSE could be judged: its first and last 2 steps hold 20 "
                + "and 20 labelled rows, under the 30 each needs (first and last 2 steps: RMSE 10 -> 10, MAE 10 -> 10).");
        RunSummary oneStep = regression(40, 19);
        assertThat(oneStep.light()).isEqualTo(RunSummary.Light.AMBER);
        assertThat(oneStep.headline()).isEqualTo("No change in RMSE could be judged: its first and last 2 steps do not "
                + "have 2 steps with an RMSE at each end (first and last 2 steps: RMSE 10 -> 10, MAE 10 -> 10).");
        assertThat(regression(40, -1).headline()).startsWith("The model holds: RMSE stays within 5%");
    }

    /** 20 steps of {@code rows} rows with errors ±10, step {@code empty} without rows (-1: none empty). */
    private static RunSummary regression(int rows, int empty) {
        List<StepResult> steps = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            int n = s == empty ? 0 : rows;
            double[] actual = new double[n];
            double[] predicted = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = 100;
                predicted[i] = 100 + (i % 2 == 0 ? 10 : -10);
            }
            MetricSet metrics = MetricSet.of(RegressionMetrics.compute(actual, predicted));
            steps.add(new StepResult(0, s, metrics, List.of(), Map.of(), List.of()));
        }
        RunOutcome outcome = new RunOutcome(List.of(steps), RunStatus.COMPLETED);
        return RunSummary.of(outcome, RunSeries.of(outcome), List.of());
    }

    /** A figure as the headline gives an amount: three significant digits, plain. */
    private static String figure(JsonNode node, String key) {
        return new BigDecimal(node.get(key).asDouble()).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
