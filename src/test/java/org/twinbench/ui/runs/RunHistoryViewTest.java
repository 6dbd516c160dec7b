package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;
import org.twinbench.report.RunComparison;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.StepResult;
import org.twinbench.ui.fx.AppExecutor;

/** Two recorded runs: reopened from the store without re-running, and compared. */
@ExtendWith(ApplicationExtension.class)
class RunHistoryViewTest {

    @TempDir
    static Path home;

    private AppExecutor executor;
    private RunHistoryViewModel model;
    private Stage owner;
    private static final List<List<StepResult>> RECORDED = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        executor = new AppExecutor();
        Path store = home.resolve("runs.sqlite");
        Path samples = BundledSamples.extractTo(home.resolve("samples"));
        Path file = samples.resolve(SampleScenarios.LOANS_RECESSION_FILE);
        RECORDED.clear();
        for (long seed : new long[] {1, 2}) {
            Scenario scenario = ScenarioFormat.read(file).withSeed(seed);
            RECORDED.add(RecordedRuns.record(store, scenario, file, samples));
        }
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        model = RunHistoryView.open(stage, executor, store);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != owner).forEach(w -> w.hide()));
        executor.close();
    }

    @Test
    void reopensOneRunAndComparesTwo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.runs().size() == 2);
        @SuppressWarnings("unchecked")
        TableView<org.twinbench.sim.store.RunStore.StoredRun> table = robot.lookup("#runTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.series().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        // The stored curve is the recorded one, step by step.
        long firstId = model.shown().get(0).run().id();
        List<StepResult> recorded = RECORDED.get((int) firstId - 1);
        var points = model.series().get(0).getData();
        assertThat(points).hasSize(60);
        for (int step = 0; step < 60; step++) {
            assertThat(points.get(step).getYValue().doubleValue()).isEqualTo(recorded.get(step).overall().accuracy());
        }

        robot.interact(() -> table.getSelectionModel().selectAll());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.series().size() == 2);
        // The curves are drawn before the differences are listed, in the same FX task: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.series()).extracting(s -> s.getName()).allMatch(name -> name.startsWith("#"));
        RunComparison.Difference overall = model.differences().stream()
                .filter(d -> d.slice().equals("overall") && d.metric().equals("accuracy")).findFirst().orElseThrow();
        double mean0 = recorded.stream().mapToDouble(s -> s.overall().accuracy()).average().orElseThrow();
        assertThat(overall.means()).hasSize(2);
        assertThat(overall.change()).isEqualTo(overall.means()[1] - overall.means()[0]);
        int firstColumn = model.shown().get(0).run().id() == firstId ? 0 : 1;
        assertThat(overall.means()[firstColumn]).isCloseTo(mean0, org.assertj.core.data.Offset.offset(1e-12));
    }
}
