package org.twinbench.ui.wizard;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the wizard is busy with ("Reading churn.csv …") and the problem to show, shared by its pages. */
final class WizardStatus {

    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    void busy(String text) {
        busy.set(text);
    }

    void problem(String text) {
        problem.set(text);
    }

    /** Work is over and went wrong: not busy, {@code text} shown. */
    void failed(String text) {
        busy.set("");
        problem.set(text);
    }

    ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
