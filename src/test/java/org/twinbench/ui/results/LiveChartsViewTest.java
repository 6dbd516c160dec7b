package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/** The live charts view alone, fed with known results: what the canvas draws and what hovering shows. */
@ExtendWith(ApplicationExtension.class)
class LiveChartsViewTest {

    private LiveChartsViewModel model;
    private LiveChartsView view;

    @Start
    void start(Stage stage) throws Exception {
        LiveChartsWindow window = LiveChartsWindow.show(stage, 40);
        view = window.view();
        model = window.model();
    }

    private static MetricSet accuracy(double value, int n) {
        return new MetricSet(n, value, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
    }

    /** North's accuracy falls by 0.01 a step from 0.9; west stays at 0.6; an alarm at step 12. */
    private static List<StepResult> steps(int from, int to) {
        List<StepResult> out = new ArrayList<>();
        for (int step = from; step < to; step++) {
            out.add(new StepResult(0, step, accuracy(0.8, 100), List.of(
                    new SliceMetrics("region", "north", accuracy(0.9 - 0.01 * step, 60)),
                    new SliceMetrics("region", "west", accuracy(0.6, 40))), Map.of(),
                    step == 12 ? List.of(new Alarm(0, 12, "watch", Alarm.ALARM, "accuracy 0.71 < 0.80")) : List.of()));
        }
        return out;
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private MetricPlot plot(FxRobot robot) {
        return robot.lookup("#metricChart").queryAs(MetricPlot.class);
    }

    @Test
    void theCanvasDrawsOneCurvePerShownSlice(FxRobot robot) throws Exception {
        robot.interact(() -> model.accept(steps(0, 20)));
        assertThat(onFx(() -> plot(robot).curves().stream().map(ChartCurve::name).toList()))
                .containsExactly("overall", "region=north", "region=west");
        assertThat(onFx(() -> plot(robot).curves().get(1).size())).isEqualTo(20);
        robot.interact(() -> model.shownProperty("region=north").set(false));
        assertThat(onFx(() -> plot(robot).curves().stream().map(ChartCurve::name).toList()))
                .containsExactly("overall", "region=west");
        assertThat(onFx(() -> plot(robot).stepMax())).isEqualTo(40.0);
    }

    @Test
    void hoveringAPointShowsItsStepSliceAndValue(FxRobot robot) throws Exception {
        robot.interact(() -> model.accept(steps(0, 20)));
        Point2D onScreen = onFx(() -> {
            MetricPlot plot = plot(robot);
            return plot.localToScreen(plot.toPixel(5, 0.9 - 0.01 * 5));
        });
        robot.moveTo(onScreen);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !onFx(() -> plot(robot).hoverText()).isEmpty());
        assertThat(onFx(() -> plot(robot).hoverText())).isEqualTo("step 5 · region=north · accuracy 0.8500");
        // Far from every point and marker: nothing is shown.
        Point2D empty = onFx(() -> plot(robot).localToScreen(plot(robot).toPixel(30, 0.55)));
        robot.moveTo(empty);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> plot(robot).hoverText()).isEmpty());
    }

    @Test
    void hoveringAnAlarmMarkerShowsWhatItSaid(FxRobot robot) throws Exception {
        robot.interact(() -> model.accept(steps(0, 20)));
        Point2D marker = onFx(() -> plot(robot).localToScreen(plot(robot).toPixel(12, 0.93)));
        robot.moveTo(marker);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !onFx(() -> plot(robot).hoverText()).isEmpty());
        assertThat(onFx(() -> plot(robot).hoverText())).isEqualTo("alarm at step 12 (watch): accuracy 0.71 < 0.80");
    }

    @Test
    void theDriftTabShowsAHeatmapOfTheMonitoredFeatures(FxRobot robot) throws Exception {
        List<StepResult> batch = new ArrayList<>();
        for (int step = 0; step < 20; step++) {
            batch.add(new StepResult(0, step, accuracy(0.8, 100), List.of(),
                    Map.of("fd.income", 0.02 * step, "fd.age", 0.05), List.of()));
        }
        robot.interact(() -> {
            model.setDriftMonitors(Map.of("fd", 0.25));
            model.accept(batch);
        });
        robot.clickOn("Feature drift");
        DriftHeatmapPlot heatmap = robot.lookup(".drift-heatmap").queryAs(DriftHeatmapPlot.class);
        assertThat(onFx(() -> heatmap.heatmap().features())).containsExactlyInAnyOrder("income", "age");
        assertThat(onFx(() -> heatmap.heatmap().columns())).isEqualTo(20);
        int incomeRow = onFx(() -> heatmap.heatmap().features().indexOf("income"));
        assertThat(onFx(() -> heatmap.heatmap().cells()[incomeRow][19])).isEqualTo(0.38);
        // Move along the middle of the income row until the cell of step 10.
        robot.interact(() -> {
            double rows = 2;
            double top = 10;
            double bottom = heatmap.getHeight() - 40;
            double y = top + (incomeRow + 0.5) * (bottom - top) / rows;
            for (double x = 0; x < heatmap.getWidth(); x += 1) {
                heatmap.hover(x, y);
                if (heatmap.hoverText().startsWith("step 10 ")) {
                    break;
                }
            }
        });
        assertThat(onFx(heatmap::hoverText)).isEqualTo("step 10 · income · 0.2000");
    }

    @Test
    void theReliabilityTabShowsThePooledBinsOfTheLastTenSteps(FxRobot robot) throws Exception {
        robot.interact(() -> model.accept(ReliabilityWindowTest.steps(0, 12)));
        robot.clickOn("Reliability");
        ReliabilityPlot plot = robot.lookup(".reliability-plot").queryAs(ReliabilityPlot.class);
        assertThat(onFx(() -> plot.isVisible() && plot.getWidth() > 0)).isTrue();
        ReliabilityDiagram shown = onFx(plot::diagram);
        assertThat(shown.firstStep()).isEqualTo(2);
        assertThat(shown.lastStep()).isEqualTo(11);
        assertThat(shown.bins().predicted(8)).isCloseTo(0.826, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(onFx(plot::title)).startsWith("Last 10 of 10 steps (2–11) · 20 labelled rows");
        // The pointer over the point of bin 8 (0.826, 1.0) describes that bin.
        robot.moveTo(onFx(() -> plot.localToScreen(plot.toPixel(0.826, 1.0))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !onFx(plot::hoverText).isEmpty());
        assertThat(onFx(plot::hoverText)).isEqualTo("bin 0.80–0.90 · 10 rows · predicted 0.826 · observed 1.000");
        // A later batch moves the window: the point of bin 2 now pools steps 5–14, no positives.
        robot.interact(() -> model.accept(ReliabilityWindowTest.steps(12, 15)));
        assertThat(onFx(() -> plot.diagram().firstStep())).isEqualTo(5);
        assertThat(onFx(() -> plot.diagram().bins().observed(2))).isEqualTo(0.0);
        robot.moveTo(onFx(() -> plot.localToScreen(plot.toPixel(0.25, 0.0))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(plot::hoverText).startsWith("bin 0.20"));
        assertThat(onFx(plot::hoverText)).isEqualTo("bin 0.20–0.30 · 10 rows · predicted 0.250 · observed 0.000");
    }
}
