package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunProvenance;

/**
 * A model of amounts no better than always predicting the reference rows' mean — its MAE or RMSE over the last tenth
 * not below the guess's — is called out in the headline, with both errors beside the guess's, and is never GREEN; the
 * report's headline says the same. Real public data: scikit-learn's diabetes set replayed as a production log
 * ({@code src/test/resources/tasks/guess/make_guess_logs.py}) with a deliberately bad model (a decision tree fitted on
 * shuffled targets) and a good one (a linear regression's out-of-fold predictions). Every step's errors of the model
 * and of scikit-learn's {@code DummyRegressor(strategy="mean")} fitted on the reference rows equal the script's to
 * 1e-9.
 */
class RegressionGuessCallOutTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "guess").toAbsolutePath();

    private record Run(SimulationPlan plan, RunOutcome outcome, RunSeries series, RunSummary summary) {
    }

    private static Run run(String model) {
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(DIR.resolve("diabetes-" + model + ".twin.json")),
                DIR, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        return new Run(plan, outcome, series, RunSummary.of(outcome, series, List.of()));
    }

    private static JsonNode expected(String model) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("guess-expected.json").toFile()).get(model);
    }

    private static void stepsMatch(Run run, JsonNode want) {
        List<StepResult> steps = run.outcome().replicates().get(0);
        assertThat(steps).hasSize(want.get("steps").size());
        for (int s = 0; s < steps.size(); s++) {
            JsonNode step = want.get("steps").get(s);
            assertThat(steps.get(s).overall().get("mae")).isCloseTo(step.get("mae").asDouble(), within(1e-9));
            assertThat(steps.get(s).overall().get("rmse")).isCloseTo(step.get("rmse").asDouble(), within(1e-9));
            assertThat(steps.get(s).measures().get("baseline.mae")).isCloseTo(step.get("baseline_mae").asDouble(),
                    within(1e-9));
            assertThat(steps.get(s).measures().get("baseline.rmse")).isCloseTo(step.get("baseline_rmse").asDouble(),
                    within(1e-9));
        }
    }

    @Test
    void aModelTrainedOnShuffledAmountsIsCalledOutAgainstTheMeanGuess() throws IOException {
        Run run = run("shuffled");
        JsonNode want = expected("shuffled");
        stepsMatch(run, want);
        JsonNode last = want.get("last_tenth");
        // Last two steps: the tree errs by 82.95 (RMSE 99.21) where the reference mean errs by 61.07 (RMSE 71.61).
        String sentence = String.format(Locale.ROOT, "The model is no better than always predicting the reference rows'"
                + " mean amount (MAE %.4g, RMSE %.4g in the last tenth; the model: MAE %.4g, RMSE %.4g).",
                last.get("baseline_mae").asDouble(), last.get("baseline_rmse").asDouble(), last.get("mae").asDouble(),
                last.get("rmse").asDouble());
        assertThat(sentence).contains("(MAE 61.07, RMSE 71.61 in the last tenth; the model: MAE 82.95, RMSE 99.21)");
        assertThat(run.summary().headline()).endsWith(sentence);
        assertThat(run.summary().light()).isNotEqualTo(RunSummary.Light.GREEN);
        String html = HtmlReport.render(run.outcome(), run.series(), RunProvenance.of(DIR.resolve(
                "diabetes-shuffled.twin.json"), run.plan(), 1, Instant.EPOCH), run.summary());
        assertThat(html).contains(Html.escape(sentence));
    }

    @Test
    void aGoodModelOfAmountsIsNotCalledOut() throws IOException {
        Run run = run("good");
        JsonNode want = expected("good");
        stepsMatch(run, want);
        // 35.77 (RMSE 43.33) against the guess's 61.07 (71.61) over the last tenth.
        assertThat(want.get("last_tenth").get("mae").asDouble()).isLessThan(want.get("last_tenth").get("baseline_mae")
                .asDouble());
        assertThat(run.summary().headline()).doesNotContain("no better");
        // 20 steps of 11 rows: windows of 2 steps hold 22 rows, too few to judge a change — amber for that alone.
        assertThat(run.summary().headline()).startsWith("No change in RMSE could be judged: its first and last 2 steps "
                + "hold 22 and 22 labelled rows, under the 30 each needs");
        assertThat(run.summary().light()).isEqualTo(RunSummary.Light.AMBER);
    }
}
