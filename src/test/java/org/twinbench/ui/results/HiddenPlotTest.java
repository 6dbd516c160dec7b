package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A plot in a tab that is not selected keeps its redraws for later: none is painted while the tab is hidden, the
 * last one is painted once (not once per redraw asked for) when the tab is chosen, and from then on each is painted.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenPlotTest {

    /** A real canvas plot that counts its paints. */
    static final class CountingPlot extends CanvasPlot {
        int paints;

        @Override
        void paint(GraphicsContext g, double width, double height) {
            paints++;
            g.strokeLine(0, 0, width, height);
        }
    }

    private final CountingPlot shownPlot = new CountingPlot();
    private final CountingPlot hiddenPlot = new CountingPlot();
    private final Tab shownTab = new Tab("shown", shownPlot);
    private final Tab hiddenTab = new Tab("hidden", hiddenPlot);

    @Start
    void start(Stage stage) {
        TabPane tabs = new TabPane(shownTab, hiddenTab);
        shownPlot.drawOnlyWhile(shownTab.selectedProperty());
        hiddenPlot.drawOnlyWhile(hiddenTab.selectedProperty());
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    @Test
    void aHiddenTabsPlotPaintsOnlyWhenItsTabIsChosen() throws Exception {
        // The shown plot was painted as it got its size.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> shownPlot.paints) >= 1);
        int hiddenBefore = fx(() -> hiddenPlot.paints);
        int shownBefore = fx(() -> shownPlot.paints);
        fx(() -> {
            for (int i = 0; i < 3; i++) {
                hiddenPlot.draw();
                shownPlot.draw();
            }
            return null;
        });
        assertThat(fx(() -> shownPlot.paints)).isEqualTo(shownBefore + 3);
        assertThat(fx(() -> hiddenPlot.paints)).isEqualTo(hiddenBefore);
        assertThat(fx(hiddenPlot::current)).isFalse();

        fx(() -> {
            hiddenTab.getTabPane().getSelectionModel().select(hiddenTab);
            return null;
        });
        // One paint for the three redraws it missed (a size change as it is laid out may add its own).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(hiddenPlot::current));
        int afterChosen = fx(() -> hiddenPlot.paints);
        assertThat(afterChosen).isGreaterThanOrEqualTo(hiddenBefore + 1);
        fx(() -> {
            hiddenPlot.draw();
            shownPlot.draw();
            return null;
        });
        assertThat(fx(() -> hiddenPlot.paints)).isEqualTo(afterChosen + 1);
        assertThat(fx(() -> shownPlot.paints)).isEqualTo(shownBefore + 3);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
