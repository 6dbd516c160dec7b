package org.twinbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.twinbench.ui.fx.FileDialogs;

/**
 * The main window's File menu, its recent files and its recovery bar: new, open, save, save as,
 * each asking first about unsaved changes that would be lost; unsaved work written to the recovery
 * file every {@link #AUTOSAVE_EVERY}; and a clean end when the window closes. Part of
 * {@link MainView}; the work is {@link FileActions}'.
 */
final class FileMenu {

    /** How often unsaved changes are written to the recovery file. */
    static final Duration AUTOSAVE_EVERY = Duration.seconds(30);

    private final MainViewModel viewModel;
    private final Parent root;
    private final Menu recentMenu;
    private final Timeline autosave = new Timeline();
    private FileDialogs.Prompts prompts = FileDialogs.SYSTEM;

    FileMenu(MainViewModel model, Parent root, Menu recentMenu, HBox recoveryBar, Label recoveryLabel) {
        this.viewModel = model;
        this.root = root;
        this.recentMenu = recentMenu;
        FileActions files = model.files();
        files.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        recoveryBar.visibleProperty().bind(files.recoveryProperty().isNotNull());
        recoveryBar.managedProperty().bind(files.recoveryProperty().isNotNull());
        recoveryLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var found = files.recoveryProperty().get();
            return found == null ? "" : "TwinBench was not closed properly. Unsaved changes to \""
                    + found.scenario().name() + "\" (" + found.scenario().nodes().size() + " nodes) can be recovered.";
        }, files.recoveryProperty()));
        autosave.getKeyFrames().setAll(new KeyFrame(AUTOSAVE_EVERY, e -> files.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        // The view leaves its window (closed, or replaced by another scene): no more autosaves.
        root.sceneProperty().addListener((obs, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, oldWindow, window) -> {
                    if (window == null) {
                        autosave.stop();
                    } else {
                        window.showingProperty().addListener((s, was, showing) -> {
                            if (!showing) {
                                autosave.stop();
                            }
                        });
                    }
                });
            }
        });
    }

    private void fillRecent() {
        List<Path> recent = viewModel.files().recent();
        recentMenu.getItems().setAll(recent.stream().map(path -> {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> whenSaved(() -> viewModel.open(path)));
            return item;
        }).toList());
        recentMenu.setDisable(recent.isEmpty());
    }

    /** Uses other answers to the file questions than the platform's dialogs (UI tests). */
    void usePrompts(FileDialogs.Prompts answers) {
        this.prompts = answers;
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    /**
     * Runs {@code action} once unsaved changes are dealt with: at once when there are none or the
     * user does not want them, after the file is written when the user saves them (asking where, for
     * a new scenario), and never when the user cancels or the save fails.
     */
    void whenSaved(Runnable action) {
        if (!viewModel.document().history().dirtyProperty().get()) {
            action.run();
            return;
        }
        switch (prompts.askUnsaved(window(), viewModel.document().scenario().name())) {
            case DISCARD -> action.run();
            case SAVE -> {
                Path file = viewModel.document().fileProperty().get();
                Optional<Path> target = file != null ? Optional.of(file)
                        : prompts.saveScenario(window(), viewModel.document().baseDirectory());
                target.ifPresent(path -> viewModel.files().saveAs(path, action));
            }
            case CANCEL -> { }
        }
    }

    /**
     * The window's close button: ask about unsaved changes, then end cleanly (no recovery offer).
     * The request is held back while asking; the window closes once the changes are saved or dropped.
     */
    void closeRequested(WindowEvent event) {
        if (!viewModel.document().history().dirtyProperty().get()) {
            endCleanly();
            return;
        }
        event.consume();
        whenSaved(() -> {
            endCleanly();
            window().hide();
        });
    }

    /** The window ends normally: a run still going ends as stopped, no more autosaves, no recovery offer. */
    void endCleanly() {
        // The executor's grace period lets a stopped run write that to the run store.
        viewModel.runs().stop();
        autosave.stop();
        viewModel.files().closing();
    }

    void newScenario() {
        whenSaved(viewModel.files()::newScenario);
    }

    void open() {
        whenSaved(() -> prompts.openScenario(window(), viewModel.document().baseDirectory()).ifPresent(viewModel::open));
    }

    void open(Path scenario) {
        whenSaved(() -> viewModel.open(scenario));
    }

    void save() {
        if (!viewModel.files().save()) {
            saveAs();
        }
    }

    void saveAs() {
        prompts.saveScenario(window(), viewModel.document().baseDirectory()).ifPresent(viewModel.files()::saveAs);
    }
}
