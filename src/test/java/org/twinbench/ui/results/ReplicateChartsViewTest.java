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
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** The live charts view of a run with three replicates: the table's band column and the markers' counts. */
@ExtendWith(ApplicationExtension.class)
class ReplicateChartsViewTest {

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 40).model();
    }

    private static MetricSet accuracy(double value, int n) {
        return new MetricSet(n, value, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
    }

    /** Replicate r: north at 0.95 - 0.1 r (mean 0.85), west at 0.6; replicates 0 and 2 raise an alarm at step 12. */
    private static List<StepResult> steps() {
        List<StepResult> out = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int step = 0; step < 20; step++) {
                out.add(new StepResult(r, step, accuracy(0.8, 100), List.of(
                        new SliceMetrics("region", "north", accuracy(0.95 - 0.1 * r, 60)),
                        new SliceMetrics("region", "west", accuracy(0.6, 40))), Map.of(),
                        step == 12 && r != 1 ? List.of(new Alarm(r, 12, "watch", Alarm.ALARM,
                                "accuracy 0.7" + r + " < 0.80")) : List.of()));
            }
        }
        return out;
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theTableShowsTheReplicatesBandAndAMarkerCountsItsReplicates(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.setReplicates(3);
            model.accept(steps());
        });
        @SuppressWarnings("unchecked")
        TableView<SliceRowCells> table = robot.lookup("#sliceTable").queryAs(TableView.class);
        Label interval = onFx(() -> (Label) table.getColumns().get(4).getGraphic());
        assertThat(onFx(interval::getText)).isEqualTo("90% band");
        assertThat(onFx(() -> interval.getTooltip().getText())).startsWith("90% band over the replicates");
        // North: mean of 0.95, 0.85, 0.75; band 0.75 + 0.1 * 0.1 to 0.85 + 0.9 * 0.1.
        assertThat(onFx(() -> table.getColumns().get(2).getCellData(1))).isEqualTo("0.850");
        assertThat(onFx(() -> table.getColumns().get(4).getCellData(1))).isEqualTo("[0.760, 0.940]");

        MetricPlot plot = robot.lookup("#metricChart").queryAs(MetricPlot.class);
        assertThat(onFx(() -> plot.curves().get(1).hasBand())).isTrue();
        // Hovering the mean curve shows its band too.
        robot.moveTo(onFx(() -> plot.localToScreen(plot.toPixel(5, 0.85))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(plot::hoverText).contains("north"));
        assertThat(onFx(plot::hoverText))
                .isEqualTo("step 5 · region=north · accuracy 0.8500 (mean; 90% band 0.7600 to 0.9400)");
        Point2D marker = onFx(() -> plot.localToScreen(plot.toPixel(12, 0.7)));
        robot.moveTo(marker);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !onFx(plot::hoverText).isEmpty());
        assertThat(onFx(plot::hoverText))
                .isEqualTo("alarm at step 12 (watch): 2 of 3 replicates: accuracy 0.70 < 0.80 (replicate 0)");

        robot.interact(() -> {
            model.clear();
            model.setReplicates(1);
        });
        assertThat(onFx(interval::getText)).isEqualTo("95% CI");
    }
}
