package org.twinbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.ui.editor.AutoLayout;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.editor.ScenarioFiles;

/**
 * The File menu's actions on the open document: new, open, save (atomic, with a backup), recent
 * files, autosave to a recovery file and the offer to recover after a crash. Reading and writing
 * happen on the app executor; the document changes on the FX thread.
 */
public final class FileActions {

    private final ScenarioDocument document;
    private final AppExecutor executor;
    private final Executor fxThread;
    private final ScenarioFiles files;
    private final Consumer<String> status;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScenarioFiles.Recovery> recovery = new ReadOnlyObjectWrapper<>();
    /** The history revision last written to the recovery file. */
    private int autosavedRevision = -1;

    public FileActions(ScenarioDocument document, AppExecutor executor, Executor fxThread, ScenarioFiles files,
                       Consumer<String> status) {
        this.document = document;
        this.executor = executor;
        this.fxThread = fxThread;
        this.files = files;
        this.status = status;
        document.history().dirtyProperty().addListener((obs, was, dirty) -> {
            if (!dirty) {
                executor.submit(this::clearRecoveryQuietly);
            }
        });
    }

    /** Reads the recent list and looks for unsaved work of a crashed session (on the executor). */
    public void start() {
        executor.submit(() -> {
            var list = files.recent();
            var pending = files.pendingRecovery();
            fxThread.execute(() -> {
                recent.setAll(list);
                recovery.set(pending.orElse(null));
            });
        });
    }

    public void newScenario() {
        document.reset(ScenarioDocument.EMPTY, null);
        status.accept("New scenario");
    }

    /** Opens a scenario; nodes without positions are laid out automatically. */
    public void open(Path file) {
        status.accept("Opening " + file.getFileName() + " ...");
        executor.submit(() -> {
            try {
                Scenario read = ScenarioFiles.open(file);
                Scenario laidOut = AutoLayout.needed(read) ? AutoLayout.apply(read) : read;
                var list = files.remember(file);
                fxThread.execute(() -> {
                    document.reset(laidOut, file);
                    recent.setAll(list);
                    status.accept("Opened " + (read.name().isBlank() ? file.getFileName() : read.name()));
                });
            } catch (ScenarioException e) {
                fxThread.execute(() -> status.accept(e.getMessage()));
            } catch (IOException e) {
                fxThread.execute(() -> status.accept("Cannot remember " + file + " in the recent files: " + e.getMessage()));
            }
        });
    }

    /** Saves to the document's file; false when it has none yet (the view then asks where). */
    public boolean save() {
        Path file = document.fileProperty().get();
        if (file == null) {
            return false;
        }
        saveAs(file);
        return true;
    }

    public void saveAs(Path file) {
        saveAs(file, () -> { });
    }

    /** Saves to {@code file}, then runs {@code afterwards} on the FX thread; not at all if the save fails. */
    public void saveAs(Path file, Runnable afterwards) {
        Scenario snapshot = document.scenario();
        Object point = document.history().savePoint();
        executor.submit(() -> {
            try {
                ScenarioFiles.save(snapshot, file);
            } catch (IOException e) {
                // The message names the file and the reason; the document stays open and unsaved.
                fxThread.execute(() -> status.accept(e.getMessage() + " (your changes are still open, not saved)"));
                return;
            }
            List<Path> list = rememberQuietly(file);
            fxThread.execute(() -> {
                document.saved(file, point);
                if (list != null) {
                    recent.setAll(list);
                }
                status.accept("Saved " + file.getFileName());
                afterwards.run();
            });
        });
    }

    /** The new recent list, or null when it cannot be written (the save itself succeeded). */
    private List<Path> rememberQuietly(Path file) {
        try {
            return files.remember(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes unsaved changes to the recovery file if they changed since the last autosave. */
    public void autosave() {
        int revision = document.history().revisionProperty().get();
        if (!document.history().dirtyProperty().get() || revision == autosavedRevision) {
            return;
        }
        autosavedRevision = revision;
        Scenario snapshot = document.scenario();
        Path origin = document.fileProperty().get();
        executor.submit(() -> {
            try {
                files.writeRecovery(snapshot, origin);
            } catch (IOException e) {
                fxThread.execute(() -> status.accept("Autosave failed: " + e.getMessage()));
            }
        });
    }

    /** Takes the unsaved work of the crashed session as one undoable edit on top of an empty document. */
    public void recover() {
        ScenarioFiles.Recovery found = recovery.get();
        if (found == null) {
            return;
        }
        document.reset(ScenarioDocument.EMPTY, found.origin());
        document.change("Recover unsaved changes", s -> found.scenario());
        recovery.set(null);
        status.accept("Recovered the unsaved changes of the last session");
    }

    public void discardRecovery() {
        recovery.set(null);
        executor.submit(this::clearRecoveryQuietly);
    }

    /** The window is closing normally (saved, or the user chose to discard): no recovery is needed. */
    public void closing() {
        clearRecoveryQuietly();
    }

    private void clearRecoveryQuietly() {
        try {
            files.clearRecovery();
        } catch (IOException e) {
            // A leftover recovery file only means an unneeded offer at the next start.
        }
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public ReadOnlyObjectProperty<ScenarioFiles.Recovery> recoveryProperty() {
        return recovery.getReadOnlyProperty();
    }

    public ScenarioFiles files() {
        return files;
    }
}
