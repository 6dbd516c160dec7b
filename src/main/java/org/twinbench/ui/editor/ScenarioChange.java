package org.twinbench.ui.editor;

import java.util.Objects;
import org.twinbench.scenario.Scenario;

/**
 * An edit of the open scenario. Scenarios are immutable, so the edit keeps the state before and
 * after (a memento): undo and redo are exact whatever the change was. Edits with the same non-null
 * {@code gesture} in a row (keystrokes in one field, nudges with the arrow keys) fold into one.
 */
final class ScenarioChange implements Edit {

    private final ScenarioDocument document;
    private final String description;
    private final String gesture;
    private final Scenario before;
    private Scenario after;

    ScenarioChange(ScenarioDocument document, String description, String gesture, Scenario before, Scenario after) {
        this.document = document;
        this.description = description;
        this.gesture = gesture;
        this.before = before;
        this.after = after;
    }

    @Override
    public void execute() {
        document.show(after);
    }

    @Override
    public void undo() {
        document.show(before);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean absorb(Edit next) {
        if (gesture != null && next instanceof ScenarioChange change && change.document == document
                && Objects.equals(gesture, change.gesture) && change.before.equals(after)) {
            after = change.after;
            return true;
        }
        return false;
    }
}
