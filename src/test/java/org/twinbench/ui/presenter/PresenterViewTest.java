package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
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
import org.twinbench.scenario.Story;
import org.twinbench.scenario.StoryFormat;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.results.ChartCurve;

/** Plays a bundled demo story through all its chapters with the keyboard alone. */
@ExtendWith(ApplicationExtension.class)
class PresenterViewTest {

    @TempDir
    static Path home;

    private AppExecutor executor;
    private PresenterViewModel model;
    private Stage owner;

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        executor = new AppExecutor();
        Path samples = BundledSamples.extractTo(home.resolve("samples"));
        Story story = StoryFormat.read(samples.resolve("demos/whose-accuracy.story.json"));
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        model = PresenterView.open(stage, executor, story);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != owner).forEach(w -> w.hide()));
        executor.close();
    }

    private void awaitChapterEnd() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.chapterDoneProperty().get());
    }

    @Test
    void keyboardAlonePlaysEveryChapter(FxRobot robot) throws Exception {
        assertThat(model.story().chapters()).hasSize(3);
        assertThat(model.chapterProperty().get()).isZero();
        robot.type(KeyCode.SPACE);
        assertThat(model.pausedProperty().get()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(model.pausedProperty().get()).isFalse();
        for (int i = 0; i < 7; i++) {
            robot.type(KeyCode.ADD);
        }
        assertThat(model.speedFactorProperty().get()).isGreaterThan(10);
        awaitChapterEnd();
        // Chapter 1 shows only the overall curve.
        assertThat(model.charts().curves()).extracting(ChartCurve::name).containsExactly("overall");

        robot.type(KeyCode.RIGHT);
        assertThat(model.chapterProperty().get()).isEqualTo(1);
        awaitChapterEnd();
        assertThat(model.charts().curves()).extracting(ChartCurve::name)
                .contains("overall", "region=west", "region=north", "region=central");

        robot.type(KeyCode.LEFT);
        assertThat(model.chapterProperty().get()).isZero();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertThat(model.chapterProperty().get()).isEqualTo(2);
        robot.type(KeyCode.R);
        assertThat(model.chapterProperty().get()).isEqualTo(2);
        awaitChapterEnd();
        assertThat(model.statusProperty().get()).startsWith("The end");
        assertThat(model.charts().curves()).extracting(ChartCurve::name).containsExactly("overall", "region=central");

        robot.type(KeyCode.RIGHT);
        assertThat(model.chapterProperty().get()).as("no chapter after the last").isEqualTo(2);
        javafx.stage.Stage presenter = (javafx.stage.Stage) robot.listTargetWindows().stream()
                .filter(w -> w != owner && w.isShowing()).findFirst().orElseThrow();
        assertThat(presenter.isFullScreen()).as("a demo opens full screen").isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(presenter.isFullScreen()).as("the first Esc leaves full screen").isFalse();
        assertThat(presenter.isShowing()).as("and does not close the demo").isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.listTargetWindows().stream().filter(w -> w != owner && w.isShowing())).isEmpty();
    }
}
