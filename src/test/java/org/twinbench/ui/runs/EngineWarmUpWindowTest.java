package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.SampleScenarios;

/**
 * The warm-up really runs once a window shows and nobody uses it: all {@value EngineWarmUp#STEPS} steps of the
 * sample (a count, whatever the machine's load makes of the time); a run the user starts before it begins leaves it
 * at 0 steps, at once.
 */
@ExtendWith(ApplicationExtension.class)
class EngineWarmUpWindowTest {

    @TempDir
    Path home;
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(), 200, 100);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anIdleWindowsWarmUpRunsAllItsSteps() throws Exception {
        Path sample = BundledSamples.extractTo(home).resolve(SampleScenarios.LOANS_RECESSION_FILE);
        EngineWarmUp warmUp = new EngineWarmUp();
        WaitForAsyncUtils.asyncFx(() -> warmUp.begin(sample, scene)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, warmUp::ended);
        assertThat(warmUp.steps()).isEqualTo(EngineWarmUp.STEPS);
    }

    @Test
    void aRunStartedBeforeTheWarmUpBeginsLeavesItAtNoSteps() throws Exception {
        Path sample = BundledSamples.extractTo(home).resolve(SampleScenarios.LOANS_RECESSION_FILE);
        EngineWarmUp warmUp = new EngineWarmUp();
        WaitForAsyncUtils.asyncFx(() -> {
            warmUp.begin(sample, scene);
            // What WindowRun's start does through giveWay, here while the warm-up still waits for a quiet moment.
            warmUp.cancel();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, warmUp::ended);
        assertThat(warmUp.steps()).isZero();
    }
}
