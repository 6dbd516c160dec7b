package org.twinbench.ui.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.twinbench.scenario.Scenario;

/**
 * The scenario being edited: its current state, the file it came from (null until first saved), and
 * the history of edits. Every change goes through {@link #change}, so it can be undone.
 */
public final class ScenarioDocument {

    /** The scenario a new document starts from. */
    public static final Scenario EMPTY = new Scenario("Untitled", "", 1L, List.of(), List.of());

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(EMPTY);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final EditHistory history = new EditHistory();
    /** Counts {@link #reset}s: the canvas fits a newly opened graph into view. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper resets = new javafx.beans.property.ReadOnlyIntegerWrapper();
    /** Where relative data paths resolve while the document has no file of its own. */
    private Path fallbackDirectory;

    public ScenarioDocument(Path fallbackDirectory) {
        this.fallbackDirectory = fallbackDirectory;
    }

    /** Applies {@code how} to the scenario as one undoable edit named {@code description}. */
    public void change(String description, UnaryOperator<Scenario> how) {
        change(description, null, how);
    }

    /**
     * As {@link #change(String, UnaryOperator)}; consecutive changes with the same {@code gesture}
     * fold into one edit. Changes that leave the scenario equal record nothing.
     */
    public void change(String description, String gesture, UnaryOperator<Scenario> how) {
        Scenario before = scenario.get();
        Scenario after = how.apply(before);
        if (!after.equals(before)) {
            history.execute(new ScenarioChange(this, description, gesture, before, after));
        }
    }

    /** Starts over with {@code opened} (read from {@code from}, or null for a new document). */
    public void reset(Scenario opened, Path from) {
        if (from != null) {
            Path parent = from.toAbsolutePath().getParent();
            fallbackDirectory = parent == null ? fallbackDirectory : parent;
        }
        scenario.set(opened);
        file.set(from);
        history.clear();
        resets.set(resets.get() + 1);
    }

    public javafx.beans.property.ReadOnlyIntegerProperty openedProperty() {
        return resets.getReadOnlyProperty();
    }

    /** The scenario was written to {@code to}: it becomes the document's file and the clean state. */
    public void saved(Path to) {
        saved(to, history.savePoint());
    }

    /** As {@link #saved(Path)} for the state {@code point} of the history, taken when the save began. */
    public void saved(Path to, Object point) {
        file.set(to);
        Path parent = to.toAbsolutePath().getParent();
        if (parent != null) {
            fallbackDirectory = parent;
        }
        history.markSaved(point);
    }

    void show(Scenario state) {
        scenario.set(state);
    }

    public Scenario scenario() {
        return scenario.get();
    }

    /** The folder relative data paths are read from: the file's folder, or the last one used. */
    public Path baseDirectory() {
        Path current = file.get();
        Path parent = current == null ? null : current.toAbsolutePath().getParent();
        return parent != null ? parent : fallbackDirectory;
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public EditHistory history() {
        return history;
    }
}
