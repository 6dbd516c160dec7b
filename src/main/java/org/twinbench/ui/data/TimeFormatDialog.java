package org.twinbench.ui.data;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks how a date column that reads both ways is written: month first ({@code M/d/yyyy}) or day first
 * ({@code d/M/yyyy}), each shown with what it makes of one of the column's values. Nothing is chosen
 * until the user picks one.
 */
final class TimeFormatDialog {

    private TimeFormatDialog() {
    }

    /** The time format chosen for {@code column}, or empty when the dialog is cancelled. */
    static Optional<String> ask(Window owner, DateFormats.Ambiguous column) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("How are the dates in '" + column.column() + "' written?");
        ToggleGroup group = new ToggleGroup();
        RadioButton monthFirst = choice(group, "Month first (" + DateFormats.MONTH_FIRST + "): "
                + DateFormats.reading(column.example(), DateFormats.MONTH_FIRST), DateFormats.MONTH_FIRST);
        RadioButton dayFirst = choice(group, "Day first (" + DateFormats.DAY_FIRST + "): "
                + DateFormats.reading(column.example(), DateFormats.DAY_FIRST), DateFormats.DAY_FIRST);
        Label why = new Label("No value of '" + column.column() + "' has a day above 12, so both readings fit."
                + " TwinBench does not guess: choose how the file writes its dates.");
        why.setWrapText(true);
        VBox content = new VBox(10, why, monthFirst, dayFirst);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(group.selectedToggleProperty().isNull());
        dialog.setResultConverter(button -> button == ButtonType.OK && group.getSelectedToggle() != null
                ? (String) group.getSelectedToggle().getUserData() : null);
        return dialog.showAndWait();
    }

    private static RadioButton choice(ToggleGroup group, String text, String pattern) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setUserData(pattern);
        button.setId(pattern.startsWith("M") ? "monthFirst" : "dayFirst");
        button.setWrapText(true);
        return button;
    }
}
