package org.twinbench.ui.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Unlimited undo and redo stacks of {@link Edit}s, as Scene Builder's {@code JobManager}. The
 * {@code revision} counts every change; {@code dirty} says whether the document differs from the
 * state last marked as saved.
 */
public final class EditHistory {

    private final Deque<Edit> undoStack = new ArrayDeque<>();
    private final Deque<Edit> redoStack = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    /** The edit on top of the undo stack when the document was saved; null for the initial state. */
    private Edit savedTop;

    public void execute(Edit edit) {
        edit.execute();
        Edit top = undoStack.peek();
        // Never fold into the edit that marks the saved state, or the dirty marker would be lost.
        if (top == null || top == savedTop || !top.absorb(edit)) {
            undoStack.push(edit);
        }
        redoStack.clear();
        changed();
    }

    public void undo() {
        Edit edit = undoStack.poll();
        if (edit != null) {
            edit.undo();
            redoStack.push(edit);
            changed();
        }
    }

    public void redo() {
        Edit edit = redoStack.poll();
        if (edit != null) {
            edit.redo();
            undoStack.push(edit);
            changed();
        }
    }

    /** Forgets every edit (a new or newly opened document); the state counts as saved. */
    public void clear() {
        undoStack.clear();
        redoStack.clear();
        savedTop = null;
        changed();
    }

    public void markSaved() {
        markSaved(savePoint());
    }

    /** The current state, to pass to {@link #markSaved(Object)} once a save of it has finished. */
    public Object savePoint() {
        return undoStack.peek();
    }

    /** The state {@code point} (from {@link #savePoint()}) was written; later edits stay unsaved. */
    public void markSaved(Object point) {
        savedTop = (Edit) point;
        changed();
    }

    private void changed() {
        revision.set(revision.get() + 1);
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        undoDescription.set(undoStack.isEmpty() ? "" : undoStack.peek().description());
        redoDescription.set(redoStack.isEmpty() ? "" : redoStack.peek().description());
        dirty.set(undoStack.peek() != savedTop);
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }
}
