package org.twinbench.ui.editor;

/**
 * One undoable change, as Scene Builder's {@code Job}: it can be done, undone and redone, and it has
 * a name the Edit menu shows ("Undo Move 3 nodes").
 */
public interface Edit {

    void execute();

    void undo();

    default void redo() {
        execute();
    }

    String description();

    /**
     * Folds {@code next} into this edit when both are steps of one gesture (typing a value key by
     * key); returns whether it did. The history then keeps only this edit.
     */
    default boolean absorb(Edit next) {
        return false;
    }
}
