package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.ScenarioFormat;

/**
 * A regression's prior shift ({@code perturbation.prior-shift} with {@code amount_shift}) on real public data:
 * scikit-learn's diabetes set replayed as a production log (src/test/resources/tasks/guess), its amounts moved by up
 * to one reference standard deviation on an incremental schedule. Each step's rows drawn, the model's MAE and RMSE on
 * them and the naive guess's equal an independent numpy/scipy/scikit-learn computation of the documented rule
 * (exponential tilting with λ from scipy's brentq, the step's own SplitMix64 draws,
 * {@code amount_shift_reference.py}) to 1e-9.
 */
class AmountShiftRealDataTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "guess").toAbsolutePath();

    @Test
    void theShiftedRunsErrorsAreNumpysOnTheSameResampledRows() throws IOException {
        JsonNode want = new ObjectMapper().readTree(DIR.resolve("amount-shift-expected.json").toFile()).get("steps");
        List<String> drawn = new ArrayList<>();
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(DIR.resolve("diabetes-amount-shift.twin.json")),
                DIR, new RunListener() {
                });
        // The rows each step scored: the logged `row` of every row the shifted batch holds.
        org.twinbench.sim.perturb.Perturbation shift = plan.perturbations().get(0);
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        List<StepResult> steps = outcome.replicates().get(0);
        assertThat(steps).hasSize(want.size());
        for (int s = 0; s < steps.size(); s++) {
            JsonNode step = want.get(s);
            org.twinbench.data.Frame batch = shift.apply(plan.source().batch(s, 0, Seeds.random(1, "data", 0, s)), s,
                    Seeds.random(1, "shift", 0, s));
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < batch.rowCount(); i++) {
                rows.add((int) batch.numeric("row").get(i));
            }
            List<Integer> expectedRows = new ArrayList<>();
            step.get("rows").forEach(r -> expectedRows.add(r.asInt()));
            assertThat(rows).as("step %d", s).isEqualTo(expectedRows);
            assertThat(steps.get(s).overall().get("mae")).as("step %d", s).isCloseTo(step.get("mae").asDouble(),
                    within(1e-9));
            assertThat(steps.get(s).overall().get("rmse")).as("step %d", s).isCloseTo(step.get("rmse").asDouble(),
                    within(1e-9));
            assertThat(steps.get(s).measures().get("baseline.mae")).as("step %d", s)
                    .isCloseTo(step.get("baseline_mae").asDouble(), within(1e-9));
            assertThat(steps.get(s).measures().get("baseline.rmse")).as("step %d", s)
                    .isCloseTo(step.get("baseline_rmse").asDouble(), within(1e-9));
            drawn.add(s + ":" + rows.stream().distinct().count());
        }
        // Before step 5 the batch is untouched; at full intensity rows are drawn again, some twice, the mean moved up
        // (steps 14–19: 182.0, 236.3, 272.5, 222.9, 264.4, 184.0 against 156.6 unshifted over the whole replay).
        assertThat(want.get(4).get("rows").get(0).asInt()).isEqualTo(265);
        assertThat(drawn.subList(0, 5)).allMatch(d -> d.endsWith(":11"));
        assertThat(drawn.subList(14, 20)).anyMatch(d -> !d.endsWith(":11"));
    }
}
