package org.twinbench.ui.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * ControlsFX {@link ValidationSupport} on the inspector's fields: a field whose value has a problem —
 * as typed, or as the check against the data and models found it ({@code ScenarioChecking}) — carries
 * an error mark whose tooltip says the problem, besides the line under the field. One per node shown.
 */
final class InspectorDecorations {

    private final ValidationSupport support = new ValidationSupport();

    {
        // The mark, and a red frame round the field: the mark alone is small beside a narrow field.
        support.setValidationDecorator(new org.controlsfx.validation.decoration.CompoundValidationDecoration(
                new org.controlsfx.validation.decoration.GraphicValidationDecoration(),
                new org.controlsfx.validation.decoration.StyleClassValidationDecoration()));
    }
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, Control> controls = new HashMap<>();

    /** Decorates the field of a parameter (or {@code "id"}); an editor made of several controls decorates its text field. */
    void register(String param, Node editor) {
        Control field = field(editor);
        if (field == null) {
            return;
        }
        controls.put(param, field);
        support.registerValidator(field, false, (Control control, Object value) ->
                ValidationResult.fromErrorIf(control, problems.getOrDefault(param, ""), problems.containsKey(param)));
        // A problem known before the field was made (the check ran before the node was selected) is marked too.
        if (problems.containsKey(param)) {
            revalidateWhenShown(field);
        }
    }

    /**
     * Validates the field again now, or once it is in a scene (a mark needs the scene to be drawn in); and once more
     * after the events already queued, since ControlsFX finishes registering a validator in a later runLater.
     */
    private void revalidateWhenShown(Control field) {
        if (field.getScene() != null) {
            support.revalidate(field);
            javafx.application.Platform.runLater(() -> support.revalidate(field));
            return;
        }
        field.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> observable,
                                javafx.scene.Scene old, javafx.scene.Scene now) {
                if (now != null) {
                    field.sceneProperty().removeListener(this);
                    support.revalidate(field);
                    javafx.application.Platform.runLater(() -> support.revalidate(field));
                }
            }
        });
    }

    /** The parameter's problem now (empty: none); the mark follows at once. */
    void problem(String param, Optional<String> problem) {
        boolean changed = problem.map(p -> !p.equals(problems.put(param, p))).orElseGet(() -> problems.remove(param) != null);
        Control field = controls.get(param);
        if (changed && field != null) {
            revalidateWhenShown(field);
        }
    }

    /** What the mark on a parameter's field says, if it has one. */
    Optional<String> shown(String param) {
        Control field = controls.get(param);
        return field == null ? Optional.empty() : support.getHighestMessage(field).map(ValidationMessage::getText);
    }

    /** The control that holds a parameter's value: the editor itself, or the first text field or combo box in it. */
    private static Control field(Node node) {
        if (node instanceof TextInputControl || node instanceof ComboBoxBase<?> || node instanceof javafx.scene.control.CheckBox) {
            return (Control) node;
        }
        if (node instanceof Parent parent && !(node instanceof Control)) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Control found = field(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
