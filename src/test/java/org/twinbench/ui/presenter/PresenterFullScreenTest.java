package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.StoryFormat;

/**
 * The presenter's way in and out, with the keyboard alone, on the bundled "Whose accuracy?" story: it opens full screen
 * (before any key is pressed, covering the whole screen); Esc leaves full screen and nothing else (the window stays and
 * the chapter plays on to its end); F goes back to full screen and Esc leaves it again; a second Esc closes the demo.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterFullScreenTest extends PresenterWindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** The presenter's window, and whether it is full screen and showing, read on the FX thread. */
    private List<Object> state() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Stage presenter = (Stage) Window.getWindows().stream().filter(w -> w != presenters.stage)
                    .findFirst().orElse(null);
            return presenter == null ? List.<Object>of(false, false)
                    : List.<Object>of(presenter.isFullScreen(), presenter.isShowing());
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void opensFullScreenEscLeavesItAndASecondEscCloses(FxRobot robot) throws Exception {
        PresenterViewModel model = presenters.open(StoryFormat.read(
                BundledSamples.extractTo(home.resolve("samples")).resolve("demos/whose-accuracy.story.json")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).as("full screen from the start").containsExactly(true, true);
        List<Double> size = WaitForAsyncUtils.asyncFx(() -> {
            Window presenter = Window.getWindows().stream().filter(w -> w != presenters.stage).findFirst().orElseThrow();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            return List.of(presenter.getWidth(), presenter.getHeight(), screen.getWidth(), screen.getHeight());
        }).get(30, TimeUnit.SECONDS);
        assertThat(size.subList(0, 2)).as("the window covers the screen").isEqualTo(size.subList(2, 4));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).as("the first Esc leaves full screen and keeps the demo").containsExactly(false, true);
        for (int i = 0; i < 7; i++) {
            robot.type(KeyCode.ADD);
        }
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.chapterDoneProperty().get());
        assertThat(model.chapterProperty().get()).as("the chapter played on to its end").isZero();

        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).as("F: full screen again").containsExactly(true, true);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).as("Esc leaves it again").containsExactly(false, true);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).as("the second Esc closes the demo").containsExactly(false, false);
        assertThat(WaitForAsyncUtils.asyncFx(presenters.stage::isShowing).get(30, TimeUnit.SECONDS))
                .as("the main window stays").isTrue();
    }
}
