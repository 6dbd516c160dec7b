package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
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
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunStore;
import org.twinbench.stats.ReliabilityBins;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.TwinBenchApp;
import org.twinbench.ui.results.MetricPlot;
import org.twinbench.ui.results.ReliabilityDiagram;
import org.twinbench.ui.results.ReliabilityPlot;

/**
 * Run the sample scenario in the main window, then reopen it from Run → History: the Reliability
 * tab shows, for every window, exactly the bins the live run showed, read from the run store.
 */
@ExtendWith(ApplicationExtension.class)
class ReopenedRunTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel model;
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        model = window.model();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != main).forEach(w -> w.hide()));
        window.close();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** What the Reliability tab shows with {@code window} chosen. */
    private ReliabilityDiagram shown(FxRobot robot, int window) throws Exception {
        robot.interact(() -> model.liveCharts().reliabilityWindowProperty().set(window));
        org.twinbench.ui.results.ChartTab.choose(robot, "Reliability");
        ReliabilityPlot plot = robot.lookup("#reliabilityPlot").queryAs(ReliabilityPlot.class);
        return onFx(plot::diagram);
    }

    @Test
    void aRunReopenedFromHistoryShowsTheReliabilityTheLiveRunShowed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> model.runs().setSpeed(0));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> onFx(() -> !model.runs().runningProperty().get() && model.runs().lastRunIdProperty().get() > 0));
        robot.clickOn("Reliability");

        List<StepResult> liveSteps = onFx(() -> List.copyOf(model.liveCharts().results()));
        assertThat(liveSteps).hasSize(60);
        Map<Integer, ReliabilityDiagram> live = new LinkedHashMap<>();
        for (int window : ReliabilityDiagram.WINDOWS) {
            live.put(window, shown(robot, window));
        }
        // Every labelled row of the run is in one bin of the whole run's diagram.
        long labelled = liveSteps.stream().mapToLong(s -> s.overall().n()).sum();
        assertThat(labelled).isPositive();
        assertThat(live.get(ReliabilityDiagram.WHOLE_RUN).bins().total()).isEqualTo(labelled);

        robot.interact(() -> model.liveCharts().clear());
        assertThat(shown(robot, ReliabilityDiagram.DEFAULT_WINDOW).hasRows()).isFalse();

        // Run → History and comparison…
        javafx.scene.control.MenuBar menus = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        robot.interact(() -> menus.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(item -> "historyItem".equals(item.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runTable").tryQuery().isPresent()
                && robot.lookup("#runTable").queryAs(TableView.class).getItems().size() == 1);
        @SuppressWarnings("unchecked")
        TableView<RunStore.StoredRun> table = robot.lookup("#runTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#openResultsButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> model.runs().reopenedProperty().get() != null
                && model.liveCharts().results().size() == 60));
        assertThat(onFx(() -> model.runs().reopenedProperty().get().id())).isEqualTo(onFx(() -> model.runs().lastRunIdProperty().get()));
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).startsWith("Reopened run #1");

        for (int window : ReliabilityDiagram.WINDOWS) {
            ReliabilityDiagram reopened = shown(robot, window);
            ReliabilityDiagram before = live.get(window);
            assertThat(reopened.firstStep()).as("window %d", window).isEqualTo(before.firstStep());
            assertThat(reopened.lastStep()).as("window %d", window).isEqualTo(before.lastStep());
            for (int b = 0; b < ReliabilityBins.BINS; b++) {
                assertThat(reopened.bins().count(b)).as("window %d, bin %d", window, b).isEqualTo(before.bins().count(b));
                assertThat(reopened.bins().positives(b)).as("window %d, bin %d", window, b)
                        .isEqualTo(before.bins().positives(b));
                assertThat(reopened.bins().scoreSum(b)).as("window %d, bin %d", window, b)
                        .isEqualTo(before.bins().scoreSum(b));
            }
        }
        // The other tabs come back too: the metric curve of every step.
        org.twinbench.ui.results.ChartTab.choose(robot, "Metric over time");
        MetricPlot chart = robot.lookup("#metricChart").queryAs(MetricPlot.class);
        assertThat(onFx(() -> chart.curves().get(0).size())).isEqualTo(60);
    }
}
