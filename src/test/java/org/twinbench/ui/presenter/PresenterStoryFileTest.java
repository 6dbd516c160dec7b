package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;

/**
 * A trainer's own {@code .story.json}, written by the test beside the sample scenarios, opens in the
 * presenter; a broken one shows its one-line problem and leaves every window as it was.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterStoryFileTest {

    @TempDir
    static Path home;

    private PresenterOwner presenters;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        presenters = new PresenterOwner(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        presenters.close(robot);
    }

    private static String story(String paceOfSecondChapter) {
        return """
                {"format": "twinbench.story", "version": 1, "title": "My own talk", "summary": "Two chapters",
                 "chapters": [
                  {"title": "First", "narration": "The whole.", "scenario": "samples/loans-recession.twin.json",
                   "metric": "accuracy", "slices": ["overall"], "steps_per_second": 200},
                  {"title": "Second", "narration": "The parts.", "scenario": "samples/loans-recession.twin.json",
                   "metric": "accuracy", "slices": [], "steps_per_second": %s}]}
                """.formatted(paceOfSecondChapter);
    }

    private List<Window> others(FxRobot robot) {
        return robot.listTargetWindows().stream().filter(w -> w != owner && w.isShowing()).toList();
    }

    /** Writes a story and opens it as Demo → Open story… does; returns the file once one window opened. */
    private Path open(FxRobot robot, String name, String pace) throws Exception {
        BundledSamples.extractTo(home.resolve("samples"));
        Path file = home.resolve(name);
        Files.writeString(file, story(pace));
        robot.interact(() -> PresenterView.openFile(owner, presenters.executor, file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> others(robot).size() == 1);
        // The window is listed once shown; let the FX task that shows it finish before reading it.
        WaitForAsyncUtils.waitForFxEvents();
        return file;
    }

    @Test
    void aGeneratedStoryFileOpensInThePresenter(FxRobot robot) throws Exception {
        open(robot, "mine.story.json", "200");
        Stage presenter = (Stage) others(robot).get(0);
        assertThat(presenter.getTitle()).startsWith("My own talk");
        assertThat(robot.lookup(".presenter-chapter").queryLabeled().getText()).contains("Chapter 1 of 2", "First");
    }

    @Test
    void aBrokenStoryShowsItsProblemAndClosesNothing(FxRobot robot) throws Exception {
        Path file = open(robot, "broken.story.json", "\"fast\"");
        DialogPane pane = (DialogPane) others(robot).get(0).getScene().getRoot();
        assertThat(pane.getContentText()).isEqualTo(file + ": chapters[1]: \"steps_per_second\" must be a number");
        assertThat(pane.getHeaderText()).isEqualTo("This story cannot be opened");
        assertThat(owner.isShowing()).isTrue();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(others(robot)).as("no presenter opened").isEmpty();
        assertThat(owner.isShowing()).as("the main window stays").isTrue();
    }
}
