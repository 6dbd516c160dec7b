package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.sim.RunControl;

/**
 * The engine's warm-up is a real run of the bundled sample at the warm-up's size, its results thrown away and
 * the sample left as it was; a run the user starts stops it before its next step.
 */
class EngineWarmUpTest {

    @TempDir
    Path home;

    @Test
    void theWarmUpRunsTheSampleForItsStepsAndLeavesTheFileAlone() throws Exception {
        Path scenario = BundledSamples.extractTo(home).resolve(SampleScenarios.LOANS_RECESSION_FILE);
        byte[] before = Files.readAllBytes(scenario);
        assertThat(EngineWarmUp.run(scenario, new RunControl())).isEqualTo(EngineWarmUp.STEPS);
        assertThat(Files.readAllBytes(scenario)).isEqualTo(before);
    }

    @Test
    void aRunTheUserStartsStopsTheWarmUp() throws Exception {
        Path scenario = BundledSamples.extractTo(home).resolve(SampleScenarios.LOANS_RECESSION_FILE);
        RunControl cancelled = new RunControl();
        cancelled.cancel();
        assertThat(EngineWarmUp.run(scenario, cancelled)).isZero();

        // Cancelled while it runs (as WindowRun's start does through giveWay): it stops before its next step.
        RunControl control = new RunControl();
        int[] gates = new int[1];
        control.setYield(() -> {
            if (++gates[0] == 11) {
                control.cancel();
            }
        });
        assertThat(EngineWarmUp.run(scenario, control)).isEqualTo(10);
    }
}
