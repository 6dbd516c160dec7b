package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.ui.AppExecutor;
import org.twinbench.ui.MainViewModel;

/** A window run that cannot start ends with a message on the status line, never left "Starting ...". */
class WindowRunFailureTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void aRunWhoseDataFileIsGoneSaysSoAndStops() throws Exception {
        Path scenario = org.twinbench.testing.SmallLoans.scenario(dir, "gone.twin.json",
                SampleScenarios.loansRecessionWithRetraining(5), 5);
        // The "FX thread" is whichever thread posts: this test has no toolkit.
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir.resolve("home"), dir);
        model.document().reset(ScenarioFormat.read(scenario), scenario);
        Files.delete(dir.resolve("loans.csv"));

        model.run();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (model.runs().runningProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(model.runs().runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Cannot run: ").contains("loans.csv");
        assertThat(model.runs().lastRunIdProperty().get()).isZero();
    }
}
