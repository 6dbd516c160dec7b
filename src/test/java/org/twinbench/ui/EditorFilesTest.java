package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.fx.FileDialogs;

/**
 * The File menu's questions, answered by {@link ScriptedPrompts} (a native file chooser cannot be
 * driven headless): Save As writes the file and retitles the window; closing with unsaved changes
 * asks, and Save, Don't save and Cancel each do what they say.
 */
@ExtendWith(ApplicationExtension.class)
class EditorFilesTest {

    @TempDir
    static Path home;

    private MainWindowFixture fixture;
    private MainViewModel model;
    private Stage window;
    private final ScriptedPrompts prompts = new ScriptedPrompts();

    @Start
    void start(Stage stage) throws Exception {
        Files.deleteIfExists(home.resolve("recovery").resolve("autosave.twin.json"));
        window = stage;
        fixture = MainWindowFixture.show(stage, home, null, prompts);
        model = fixture.model();
    }

    @AfterEach
    void closeExecutor() {
        fixture.close();
    }

    /** One edit to the new scenario: a dataset node. */
    private void addANode(FxRobot robot) {
        robot.interact(() -> model.canvas().addNode(NodeCatalog.find(NodeCatalog.DATASET_SOURCE).orElseThrow(),
                40, 40, false));
        assertThat(model.document().history().dirtyProperty().get()).isTrue();
        assertThat(window.getTitle()).startsWith("• Untitled — TwinBench");
    }

    private void requestClose(FxRobot robot) {
        robot.interact(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void saveAsWritesTheFileRetitlesTheWindowAndClearsTheDirtyMarker(FxRobot robot) throws Exception {
        addANode(robot);
        prompts.saveAnswer = home.resolve("mine.twin.json");
        robot.clickOn(".graph-viewport");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.document().history().dirtyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prompts.asked).containsExactly("save as");
        assertThat(ScenarioFormat.read(prompts.saveAnswer)).isEqualTo(model.document().scenario());
        assertThat(window.getTitle()).startsWith("Untitled — mine.twin.json — TwinBench");
        assertThat(model.document().fileProperty().get()).isEqualTo(prompts.saveAnswer);
    }

    @Test
    void cancelKeepsTheWindowOpenWithTheChanges(FxRobot robot) {
        addANode(robot);
        prompts.unsavedAnswer = FileDialogs.Unsaved.CANCEL;
        requestClose(robot);
        assertThat(prompts.asked).containsExactly("unsaved changes to Untitled");
        assertThat(window.isShowing()).isTrue();
        assertThat(model.document().scenario().nodes()).hasSize(1);
        assertThat(model.document().history().dirtyProperty().get()).isTrue();
    }

    @Test
    void dontSaveClosesWithoutWritingAnything(FxRobot robot) throws Exception {
        addANode(robot);
        robot.interact(() -> model.files().autosave());
        Path recovery = model.files().files().recoveryFile();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(recovery));
        prompts.unsavedAnswer = FileDialogs.Unsaved.DISCARD;
        java.util.List<Path> before = scenarioFiles();
        requestClose(robot);
        assertThat(prompts.asked).containsExactly("unsaved changes to Untitled");
        assertThat(window.isShowing()).isFalse();
        // A clean close: no offer to recover the dropped changes at the next start.
        assertThat(recovery).doesNotExist();
        assertThat(scenarioFiles()).isEqualTo(before);
    }

    private static java.util.List<Path> scenarioFiles() throws java.io.IOException {
        try (var files = Files.list(home)) {
            return files.filter(f -> f.toString().endsWith(".twin.json")).sorted().toList();
        }
    }

    @Test
    void saveAsksWhereForANewScenarioWritesItAndThenCloses(FxRobot robot) throws Exception {
        addANode(robot);
        prompts.unsavedAnswer = FileDialogs.Unsaved.SAVE;
        prompts.saveAnswer = home.resolve("closing.twin.json");
        requestClose(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prompts.asked).containsExactly("unsaved changes to Untitled", "save as");
        assertThat(ScenarioFormat.read(prompts.saveAnswer).nodes()).hasSize(1);
        assertThat(model.document().history().dirtyProperty().get()).isFalse();
    }

    @Test
    void saveWithNoPlaceChosenKeepsTheWindowOpen(FxRobot robot) {
        addANode(robot);
        prompts.unsavedAnswer = FileDialogs.Unsaved.SAVE;
        prompts.saveAnswer = null;
        requestClose(robot);
        assertThat(prompts.asked).containsExactly("unsaved changes to Untitled", "save as");
        assertThat(window.isShowing()).isTrue();
        assertThat(model.document().history().dirtyProperty().get()).isTrue();
    }

    @Test
    void aSavedScenarioClosesWithoutAsking(FxRobot robot) {
        assertThat(model.document().scenario()).isEqualTo(ScenarioDocument.EMPTY);
        requestClose(robot);
        assertThat(prompts.asked).isEmpty();
        assertThat(window.isShowing()).isFalse();
    }
}
