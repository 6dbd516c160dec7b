package org.twinbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.SliceMetrics;

/**
 * The engine's hot path reuses and shares buffers to allocate less (issue #23); that must change no result. Every
 * figure of every step (overall and per-slice metrics, measures, alarms, reliability bins) and the run's findings,
 * written with {@link Double#toString} (which reads back to the same bits), are compared with the same dump recorded
 * from the engine as it was on {@code main} at 8814fe2, before any of that work, by {@link #main} into
 * {@code src/test/resources/engine-steps/}: the bundled scenarios (label delay, retraining, detectors) and the
 * {@code bench}'s window-steps scenario (noise, ADWIN, feature drift; 100-row steps), two replicates on two threads.
 */
class EngineResultsUnchangedTest {

    static final Path SAMPLES = Path.of("sample-data");
    static final Path RECORDED = Path.of("src/test/resources/engine-steps");

    @Test
    void theBundledScenariosGiveTheStepsRecordedBeforeTheHotPathWork() throws IOException {
        for (String file : List.of(SampleScenarios.LOANS_RECESSION_FILE, SampleScenarios.LOANS_RETRAIN_FILE,
                SampleScenarios.CHURN_PRICE_RISE_FILE, SampleScenarios.SEA_DETECTORS_FILE)) {
            assertThat(dump(sample(file))).as(file).isEqualTo(recorded(file));
        }
    }

    @Test
    void theWindowStepsScenarioGivesTheStepsRecordedBeforeTheHotPathWork() throws IOException {
        assertThat(dump(windowSteps())).isEqualTo(recorded("window-steps"));
    }

    private static String recorded(String name) throws IOException {
        return Files.readString(RECORDED.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }

    private static RunOutcome sample(String file) {
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(SAMPLES.resolve(file)), SAMPLES,
                new RunListener() { });
        return Experiment.run(plan, 2, 2, new RunListener() { }, new RunControl());
    }

    private static RunOutcome windowSteps() {
        Path dir = StandardScenarioWorkload.loansFolder();
        try {
            SimulationPlan plan = ScenarioCompiler.compile(StandardScenarioWorkload.scenario(
                    WindowStepsWorkload.BATCH, 80), dir, new RunListener() { });
            return Experiment.run(plan, 2, 2, new RunListener() { }, new RunControl());
        } finally {
            StandardScenarioWorkload.removeLoansFolder(dir);
        }
    }

    /** Every figure of the outcome, one line per step, in a text that keeps each double's bits. */
    static String dump(RunOutcome outcome) {
        StringBuilder out = new StringBuilder();
        out.append("status ").append(outcome.status()).append('\n');
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult s : replicate) {
                out.append(s.replicate()).append(' ').append(s.step()).append(' ').append(s.windowStart())
                        .append(" overall ").append(s.overall().asMap());
                for (SliceMetrics slice : s.slices()) {
                    out.append(" | ").append(slice.column()).append('=').append(slice.value()).append(' ')
                            .append(slice.metrics().asMap());
                }
                out.append(" measures ").append(s.measures()).append(" alarms ").append(s.alarms())
                        .append(" calibration ").append(s.calibration()).append('\n');
            }
        }
        out.append("findings ").append(outcome.findings()).append('\n');
        return out.toString();
    }

    /** Records the dumps (run from the project folder on the code to compare against). */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(RECORDED);
        for (String file : List.of(SampleScenarios.LOANS_RECESSION_FILE, SampleScenarios.LOANS_RETRAIN_FILE,
                SampleScenarios.CHURN_PRICE_RISE_FILE, SampleScenarios.SEA_DETECTORS_FILE)) {
            Files.writeString(RECORDED.resolve(file + ".txt"), dump(sample(file)), StandardCharsets.UTF_8);
        }
        Files.writeString(RECORDED.resolve("window-steps.txt"), dump(windowSteps()), StandardCharsets.UTF_8);
    }
}
