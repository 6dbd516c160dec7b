package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The warm-up really runs the chart's code — every step through a view model, the chart drawn
 * with the 4 worst slices and the others' curve, the slice table formatted with each slice's guess — a batch at
 * a time on the FX thread, and leaves the window's own results alone.
 */
@ExtendWith(ApplicationExtension.class)
class ChartWarmUpTest {

    private final LiveChartsViewModel shown = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void theWarmUpDrawsAMadeUpRunBatchByBatchAndTouchesNothingShown() throws Exception {
        long revisions = shown.revisionProperty().get();
        java.util.List<java.util.List<SliceRowCells>> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChartWarmUp warmUp = WaitForAsyncUtils.asyncFx(() -> new ChartWarmUp(handed::add)).get(10, TimeUnit.SECONDS);
        boolean more = WaitForAsyncUtils.asyncFx(warmUp::batch).get(10, TimeUnit.SECONDS);
        assertThat(more).isTrue();
        // After the first batch the made-up table's lines go to the window's table to be made ready, once.
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0)).hasSize(ChartWarmUp.SLICES + 1)
                .allMatch(line -> line.sliceText().get().equals("overall") || line.sliceText().get().startsWith("warm-up="));
        // Whole batches of STEPS_PER_PULSE steps, one per turn of the FX thread.
        int sofar = WaitForAsyncUtils.asyncFx(warmUp::steps).get(10, TimeUnit.SECONDS);
        assertThat(sofar).isPositive().isLessThanOrEqualTo(ChartWarmUp.STEPS);
        assertThat(sofar % ChartWarmUp.STEPS_PER_PULSE).isZero();
        // The first batch asked for the next one, and so on, until every step went through.
        // (One batch a pulse: on a loaded machine the pulses come late, so wait for the count, not for a time.)
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(warmUp::steps).get() >= ChartWarmUp.STEPS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(warmUp::steps).get(10, TimeUnit.SECONDS)).isEqualTo(ChartWarmUp.STEPS);
        assertThat(WaitForAsyncUtils.asyncFx(warmUp::drawn).get(10, TimeUnit.SECONDS)).extracting(ChartCurve::name)
                .hasSize(7).startsWith("overall").endsWith("others (6 slices, mean)", LiveCurves.MAJORITY_GUESS);
        // The slice table's lines were formatted too, each figure beside its slice's guess.
        assertThat(WaitForAsyncUtils.asyncFx(() -> warmUp.lines().stream().map(l -> l.latestText().get()).toList())
                .get(10, TimeUnit.SECONDS)).hasSize(ChartWarmUp.SLICES + 1).allMatch(text -> text.contains(" (guess 0."));
        assertThat(handed).hasSize(1);
        assertThat(shown.revisionProperty().get()).isEqualTo(revisions);
        assertThat(shown.results()).isEmpty();
    }
}
