package org.twinbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * The File menu's actions on the open document: new, open, save (atomic, with a backup), recent
 * files, autosave to a recovery file and the offer to recover after a crash. Reading and writing
 * happen on the app executor; the document changes on the FX thread.
 */
public final class FileActions {

    private final ScenarioDocument document;
    private final BackgroundTask.Runner background;
    private final ScenarioFiles files;
    private final Consumer<String> status;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScenarioFiles.Recovery> recovery = new ReadOnlyObjectWrapper<>();
    /** The history revision last written to the recovery file. */
    private int autosavedRevision = -1;

    public FileActions(ScenarioDocument document, AppExecutor executor, Executor fxThread, ScenarioFiles files,
                       Consumer<String> status) {
        this.document = document;
        this.background = new BackgroundTask.Runner(executor::submit, fxThread);
        this.files = files;
        this.status = status;
        document.history().dirtyProperty().addListener((obs, was, dirty) -> {
            if (!dirty) {
                clearRecoveryInBackground();
            }
        });
    }

    /** Reads the recent list and looks for unsaved work of a crashed session (on the executor). */
    public void start() {
        background.task(context -> new Startup(files.recent(), files.pendingRecovery().orElse(null)))
                .onSuccess(found -> {
                    recent.setAll(found.recent());
                    recovery.set(found.pending());
                })
                .onFailure(e -> status.accept("Cannot read the recent files: " + e.getMessage()))
                .start();
    }

    public void newScenario() {
        document.reset(ScenarioDocument.EMPTY, null);
        status.accept("New scenario");
    }

    /**
     * Makes {@code made} (e.g. from the open table) the open scenario, not yet saved to a file: a new
     * document that reads its data, then the rest of it as one undoable edit.
     */
    public void newScenario(Scenario made) {
        document.reset(new Scenario(made.name(), made.description(), made.seed(), made.nodesOfKind("source."),
                List.of()), null);
        document.change("New scenario from " + made.name(), s -> made);
        status.accept("New scenario \"" + made.name() + "\": save it to keep it");
    }

    /** Opens a scenario; nodes without positions are laid out automatically. */
    public void open(Path file) {
        status.accept("Opening " + file.getFileName() + " ...");
        background.task(context -> {
            Scenario read = ScenarioFiles.open(file);
            Scenario laidOut = AutoLayout.needed(read) ? AutoLayout.apply(read) : read;
            return new Opened(read, laidOut, files.remember(file));
        }).onSuccess(opened -> {
            document.reset(opened.laidOut(), file);
            recent.setAll(opened.recent());
            status.accept("Opened " + (opened.read().name().isBlank() ? file.getFileName() : opened.read().name()));
        }).onFailure(e -> status.accept(e instanceof IOException
                ? "Cannot remember " + file + " in the recent files: " + e.getMessage()
                : e instanceof ScenarioException ? e.getMessage() : "Cannot open " + file + ": " + e)).start();
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
        background.task(context -> {
            ScenarioFiles.save(snapshot, file);
            return Optional.ofNullable(rememberQuietly(file));
        }).onSuccess(list -> {
            document.saved(file, point);
            list.ifPresent(recent::setAll);
            status.accept("Saved " + file.getFileName());
            afterwards.run();
        // The message names the file and the reason; the document stays open and unsaved.
        }).onFailure(e -> status.accept((e instanceof IOException ? e.getMessage() : "Cannot save " + file + ": " + e)
                + " (your changes are still open, not saved)")).start();
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
        background.chore(() -> files.writeRecovery(snapshot, origin))
                .onFailure(e -> status.accept("Autosave failed: " + e.getMessage())).start();
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
        clearRecoveryInBackground();
    }

    private void clearRecoveryInBackground() {
        // A leftover recovery file only means an unneeded offer at the next start: nothing to tell.
        background.chore(this::clearRecoveryQuietly).onFailure(e -> { }).start();
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

    /** What the window learns when it starts: the recent files and unsaved work of a crashed session (or null). */
    private record Startup(List<Path> recent, ScenarioFiles.Recovery pending) { }

    /** A scenario read from its file, laid out, and the recent list that now names it. */
    private record Opened(Scenario read, Scenario laidOut, List<Path> recent) { }

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
