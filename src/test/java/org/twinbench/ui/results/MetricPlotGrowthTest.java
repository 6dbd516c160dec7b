package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * The live chart adds only what settled since its last update instead of redrawing every curve:
 * a chart fed a long run batch by batch must look like one drawn once from the final curves.
 */
@ExtendWith(ApplicationExtension.class)
class MetricPlotGrowthTest {

    private static final int STEPS = 1_500;
    private MetricPlot grown;
    private MetricPlot once;

    @Start
    void start(Stage stage) {
        grown = new MetricPlot();
        once = new MetricPlot();
        for (MetricPlot plot : List.of(grown, once)) {
            plot.setMinSize(500, 260);
            plot.setPrefSize(500, 260);
            plot.setMaxSize(500, 260);
            plot.setSteps(STEPS);
        }
        stage.setScene(new Scene(new HBox(grown, once), 1000, 260));
        stage.show();
    }

    private static MetricSet accuracy(double value) {
        return new MetricSet(100, value, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
    }

    private static List<StepResult> steps(int from, int to) {
        List<StepResult> out = new ArrayList<>();
        for (int step = from; step < to; step++) {
            out.add(new StepResult(0, step, accuracy(0.8 + 0.1 * Math.sin(step / 40.0)), List.of(
                    new SliceMetrics("region", "north", accuracy(0.7 + 0.2 * Math.sin(step * 0.37))),
                    new SliceMetrics("region", "west", accuracy(0.6 + 0.05 * ((step * 7) % 5)))),
                    java.util.Map.of(), step == 700 ? List.of(new Alarm(0, 700, "watch", Alarm.ALARM, "drop"))
                    : List.of()));
        }
        return out;
    }

    private static void show(MetricPlot plot, LiveChartsViewModel model) {
        plot.show(model.curves(), model.alarms(), 0.4, 1.0, "accuracy");
    }

    @Test
    void aChartGrownBatchByBatchLooksLikeOneDrawnOnceFromTheFinalCurves() throws Exception {
        LiveChartsViewModel fed = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        int[] growthUpdates = {0};
        for (int start = 0; start < STEPS; start += 37) {
            int from = start;
            int to = Math.min(STEPS, from + 37);
            WaitForAsyncUtils.asyncFx(() -> {
                fed.accept(steps(from, to));
                show(grown, fed);
            }).get(30, TimeUnit.SECONDS);
            growthUpdates[0]++;
        }
        Image[] images = WaitForAsyncUtils.asyncFx(() -> {
            LiveChartsViewModel whole = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
            whole.accept(steps(0, STEPS));
            show(once, whole);
            assertThat(once.curves()).hasSameSizeAs(grown.curves());
            for (int c = 0; c < once.curves().size(); c++) {
                assertThat(grown.curves().get(c).values()).containsExactly(once.curves().get(c).values());
            }
            return new Image[] {grown.snapshot(null, null), once.snapshot(null, null)};
        }).get(30, TimeUnit.SECONDS);

        PixelReader a = images[0].getPixelReader();
        PixelReader b = images[1].getPixelReader();
        int width = (int) images[0].getWidth();
        int height = (int) images[0].getHeight();
        int inked = 0;
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pa = a.getArgb(x, y);
                int pb = b.getArgb(x, y);
                if (pb != 0xffffffff) {
                    inked++;
                }
                if (channelGap(pa, pb) > 96) {
                    differing++;
                }
            }
        }
        assertThat(growthUpdates[0]).isGreaterThan(30);
        assertThat(inked).isGreaterThan(2_000);
        // Segments drawn in pieces blend a little differently where they meet (anti-aliasing), so a
        // few pixels may differ slightly; a missing or stale curve would differ in thousands.
        assertThat(differing).as("pixels that differ clearly of %d inked", inked).isLessThan(inked / 50);
    }

    private static int channelGap(int p, int q) {
        int gap = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            gap = Math.max(gap, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
        }
        return gap;
    }
}
