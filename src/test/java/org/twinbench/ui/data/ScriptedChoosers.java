package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File choosers for UI tests of the data panel: files to open are answered in the order queued;
 * where to save a model is asked of a function of the suggested name.
 */
final class ScriptedChoosers implements DataModelPanel.Choosers {

    final List<Path> toOpen = new ArrayList<>();
    private final Function<String, Optional<Path>> saveModel;

    private ScriptedChoosers(Function<String, Optional<Path>> saveModel) {
        this.saveModel = saveModel;
    }

    /** Puts scripted choosers into the data panel of the window on {@code stage}. */
    static ScriptedChoosers install(Stage stage, Function<String, Optional<Path>> saveModel) {
        Node root = stage.getScene().getRoot().lookup(".data-model-panel");
        DataModelPanel view = (DataModelPanel) root.getProperties().get(DataModelPanel.class);
        ScriptedChoosers choosers = new ScriptedChoosers(saveModel);
        view.setChoosers(choosers);
        return choosers;
    }

    /** Opens {@code file} with the panel's Data button, as the user would, and waits until it is read. */
    void openData(org.testfx.api.FxRobot robot, DataModelPanelViewModel panel, Path file) throws Exception {
        toOpen.add(file);
        robot.clickOn("#openDataButton");
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> !panel.loadingProperty().get() && file.equals(panel.fileProperty().get()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Answers the panel's question about dates written like 7/1/2008 (month-first, as Texas housing writes them)
     * and waits until the table is read again with them.
     */
    static void answerMonthFirst(org.testfx.api.FxRobot robot, DataModelPanelViewModel panel) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#timeFormatLink").query().isVisible());
        robot.clickOn("#timeFormatLink");
        robot.clickOn("#monthFirst");
        robot.clickOn("OK");
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> !panel.loadingProperty().get() && panel.ambiguousDates().isEmpty()
                        && panel.messageProperty().get().contains("M/d/yyyy"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the open dialog's button whose text starts with {@code text}. */
    static void clickDialogButton(org.testfx.api.FxRobot robot, String text) {
        robot.clickOn(robot.lookup(".dialog-pane .button").match(
                (Node n) -> n instanceof javafx.scene.control.Button b && b.getText().startsWith(text)).queryButton());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public Optional<Path> openDataset(Window owner, Path folder) {
        return Optional.of(toOpen.remove(0));
    }

    @Override
    public Optional<Path> openModel(Window owner, Path folder) {
        return Optional.of(toOpen.remove(0));
    }

    @Override
    public Optional<Path> saveModel(Window owner, Path folder, String suggestedName) {
        return saveModel.apply(suggestedName);
    }
}
