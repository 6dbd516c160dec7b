package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No large region of the main window, after a run has filled the slice table, paints its
 * background with more than one fill. JavaFX paints a region of two or more fills from a cached
 * texture stretched in slices; in the software pipeline (machines without a usable GPU) that
 * stretch behind the live chart cost about 20 ms a frame, so the theme gives them one fill and a
 * border instead.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundFillsTest {

    /** About 140 × 140 pixels, or a 1,000-pixel-wide strip 20 high. */
    private static final double LARGE = 20_000;

    @TempDir
    static Path home;
    private MainWindowFixture window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        model = window.model();
    }

    @AfterEach
    void closeExecutor() {
        window.close();
    }

    @Test
    void largeRegionsPaintOneFill(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> model.runs().setSpeed(0));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runs().runningProperty().get()
                && !model.liveCharts().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> offenders = WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            collect(robot.lookup("#runButton").query().getScene().getRoot(), found);
            return found;
        }).get(30, TimeUnit.SECONDS);
        assertThat(robot.lookup(".table-row-cell").queryAll()).as("the table has rows").isNotEmpty();
        assertThat(offenders).isEmpty();
    }

    private static void collect(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Region region && region.getBackground() != null
                && region.getBackground().getFills().size() > 1 && region.getWidth() * region.getHeight() >= LARGE) {
            found.add(region.getClass().getSimpleName() + " " + region.getStyleClass() + " "
                    + Math.round(region.getWidth()) + "x" + Math.round(region.getHeight()) + " with "
                    + region.getBackground().getFills().size() + " fills");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }
}
