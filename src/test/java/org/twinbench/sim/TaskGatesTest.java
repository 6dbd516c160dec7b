package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.ScenarioException;

/** Gates speak the task of the run's model and refuse another task's metric, listing the run's. */
class TaskGatesTest {

    private static RunOutcome run(String data, String model, int batch, String slice) {
        SimulationPlan plan = ScenarioCompiler.compile(TaskRunsMatchSklearnTest.scenario(data, model, batch, slice),
                TaskRunsMatchSklearnTest.DIR, new RunListener() { });
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
    }

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(TaskRunsMatchSklearnTest.DIR.resolve("engine-expected.json").toFile())
                .get(name);
    }

    @Test
    void regressionGateTakesTheWorstStepsRmseOfTheSlice() throws IOException {
        RunOutcome outcome = run("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex");
        RunSeries series = RunSeries.of(outcome);
        double worst = 0;
        for (JsonNode step : expected("diabetes")) {
            worst = Math.max(worst, step.get("sex=one").get("rmse").asDouble());
        }
        RunAssertion.Verdict verdict = RunAssertion.parse("max(rmse[sex=one]) <= 1200").check(outcome, series);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.actual()).isCloseTo(worst, within(1e-9));
        assertThat(RunAssertion.parse("max(rmse[sex=one]) <= 60").check(outcome, series).passed()).isFalse();
        assertThat(series.metricNames()).containsExactly("mae", "rmse", "r2", "mape");
        assertThatThrownBy(() -> RunAssertion.parse("min(accuracy) >= 0.8").check(outcome, series))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--assert 'min(accuracy) >= 0.8': this run's model has no metric 'accuracy'; its metrics "
                        + "are mae, rmse, r2, mape");
    }

    @Test
    void multiclassGateTakesTheFirstStepsMacroF1() throws IOException {
        RunOutcome outcome = run("wine-replay.csv", "wine-logistic.twinmodel", 20, "alcohol_level");
        RunSeries series = RunSeries.of(outcome);
        double first = expected("wine").get(0).get("overall").get("macro_f1").asDouble();
        assertThat(RunAssertion.parse("first(macro_f1) >= 0.5").check(outcome, series).actual())
                .isCloseTo(first, within(1e-9));
        assertThatThrownBy(() -> RunAssertion.parse("max(rmse[alcohol_level=high]) <= 1200").check(outcome, series))
                .hasMessage("--assert 'max(rmse[alcohol_level=high]) <= 1200': this run's model has no metric 'rmse';"
                        + " its metrics are accuracy, balanced_accuracy, macro_f1, weighted_f1, log_loss");
        assertThat(List.copyOf(series.slices("macro_f1"))).containsExactly("alcohol_level=high", "alcohol_level=low");
    }
}
