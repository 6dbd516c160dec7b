package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.RegressionMetrics;

/**
 * The verdict of a regression run follows its RMSE (higher is worse), of a multiclass run its accuracy with
 * macro F1 beside it; the expected figures come from the scikit-learn values of each step
 * (engine-expected.json): with 4 steps the first and last tenth are the first and the last step.
 */
class TaskHeadlineTest {

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(TaskRunsMatchSklearnTest.DIR.resolve("engine-expected.json").toFile())
                .get(name);
    }

    private static RunSummary summary(String data, String model, int batch, String slice) {
        SimulationPlan plan = ScenarioCompiler.compile(TaskRunsMatchSklearnTest.scenario(data, model, batch, slice),
                TaskRunsMatchSklearnTest.DIR, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        return RunSummary.of(outcome, RunSeries.of(outcome), List.of());
    }

    @Test
    void regressionIsJudgedOnTheRiseOfItsRmse() throws IOException {
        JsonNode steps = expected("diabetes");
        JsonNode first = steps.get(0);
        JsonNode last = steps.get(3);
        // Overall RMSE fell, sex=one's fell, sex=two's rose by 15.3%: red, worst sex=two.
        double rise = last.get("sex=two").get("rmse").asDouble() / first.get("sex=two").get("rmse").asDouble() - 1;
        assertThat(rise).isBetween(0.15, 0.16);
        RunSummary summary = summary("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex");
        assertThat(summary.light()).isEqualTo(RunSummary.Light.RED);
        assertThat(summary.headline()).isEqualTo(String.format(Locale.ROOT,
                "RMSE rises by up to %.0f%% (worst: sex=two) (RMSE 61.1 -> 54.8, MAE 51.7 -> 45.7).", 100 * rise));
        assertThat(first.get("overall").get("rmse").asDouble()).isBetween(61.05, 61.15);
        assertThat(last.get("overall").get("mae").asDouble()).isBetween(45.65, 45.75);
    }

    @Test
    void multiclassIsJudgedOnItsAccuracyWithMacroF1Beside() throws IOException {
        JsonNode steps = expected("wine");
        double drop = steps.get(0).get("alcohol_level=high").get("accuracy").asDouble()
                - steps.get(3).get("alcohol_level=high").get("accuracy").asDouble();
        RunSummary summary = summary("wine-replay.csv", "wine-logistic.twinmodel", 20, "alcohol_level");
        assertThat(summary.light()).isEqualTo(RunSummary.Light.RED);
        assertThat(summary.headline()).isEqualTo(String.format(Locale.ROOT,
                "Accuracy falls by up to %.3f (worst: alcohol_level=high) (accuracy %.3f -> %.3f, macro F1 %.3f -> %.3f)."
                        // The last step finds 10 of its 11 class_1 rows (MulticlassHeadlineTest).
                        + " Its weakest class is 'class_1': it finds 91%% of its rows in the last tenth.",
                drop, steps.get(0).get("overall").get("accuracy").asDouble(),
                steps.get(3).get("overall").get("accuracy").asDouble(),
                steps.get(0).get("overall").get("macro_f1").asDouble(),
                steps.get(3).get("overall").get("macro_f1").asDouble()));
        assertThat(summary.accuracyStart()).isEqualTo(steps.get(0).get("overall").get("accuracy").asDouble());
    }

    @Test
    void aSteadyErrorHoldsAndFallingErrorIsNoAlarm() {
        // Ten steps: RMSE 10 in the first, 10.4 in the last (4% higher): green; 11 (10% higher): amber.
        assertThat(regressionSummary(10.4).light()).isEqualTo(RunSummary.Light.GREEN);
        assertThat(regressionSummary(10.4).headline()).isEqualTo(
                "The model holds: RMSE stays within 5% of its start everywhere (RMSE 10 -> 10.4, MAE 10 -> 10.4).");
        assertThat(regressionSummary(11).light()).isEqualTo(RunSummary.Light.AMBER);
        assertThat(regressionSummary(8).light()).isEqualTo(RunSummary.Light.GREEN);
        assertThat(regressionSummary(13).headline()).isEqualTo(
                "RMSE rises by up to 30% (RMSE 10 -> 13, MAE 10 -> 13).");
    }

    /** Ten steps of one row each whose error is 10 except the last, {@code lastError}. */
    private static RunSummary regressionSummary(double lastError) {
        List<StepResult> steps = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            double error = s == 9 ? lastError : 10;
            MetricSet metrics = MetricSet.of(RegressionMetrics.compute(new double[] {100}, new double[] {100 + error}));
            steps.add(new StepResult(0, s, metrics, List.of(), Map.of(), List.of()));
        }
        RunOutcome outcome = new RunOutcome(List.of(steps), RunStatus.COMPLETED);
        return RunSummary.of(outcome, RunSeries.of(outcome), List.of());
    }
}
