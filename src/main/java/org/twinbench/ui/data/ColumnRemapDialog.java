package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.twinbench.data.ValueKind;

/**
 * Switching the scenario to other data: every column the scenario names that the new table lacks,
 * the nodes that name it, and a choice among the new table's columns of the kind needed, the
 * proposed match chosen. The answer maps old names to new ones; a column left on "keep" is not in it.
 */
final class ColumnRemapDialog extends Dialog<Map<String, String>> {

    static final ButtonType USE = new ButtonType("Use the data", ButtonBar.ButtonData.OK_DONE);
    static final String KEEP = "(keep the name)";

    ColumnRemapDialog(Window owner, String file, List<ColumnRemap.Missing> missing) {
        initOwner(owner);
        setTitle("Columns to match");
        setResizable(true);
        setHeaderText(file + " lacks " + missing.size() + (missing.size() == 1 ? " column" : " columns")
                + " the scenario uses. Choose what each becomes:");
        GridPane grid = new GridPane();
        grid.setId("remapGrid");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, bold("The scenario's column"), bold("Used by"), bold("In " + file));
        List<ComboBox<String>> boxes = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            ColumnRemap.Missing m = missing.get(i);
            List<String> choices = new ArrayList<>(m.choices());
            choices.add(0, KEEP);
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(choices));
            box.setId("remap-" + i);
            box.setValue(m.proposed() == null ? KEEP : m.proposed());
            box.setTooltip(new Tooltip(m.kind() == null ? "Any column of " + file
                    : "Columns of " + file + " holding " + (m.kind() == ValueKind.NUMBER ? "numbers" : "text")));
            boxes.add(box);
            Label used = new Label(String.join(", ", m.nodes()));
            used.setWrapText(true);
            grid.addRow(i + 1, new Label(m.column()), used, box);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(360, 40 + 34 * missing.size()));
        scroll.setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setContent(scroll);
        getDialogPane().setPrefWidth(620);
        getDialogPane().getButtonTypes().setAll(USE, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != USE) {
                return null;
            }
            Map<String, String> renames = new LinkedHashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                String chosen = boxes.get(i).getValue();
                if (chosen != null && !chosen.equals(KEEP)) {
                    renames.put(missing.get(i).column(), chosen);
                }
            }
            return renames;
        });
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("panel-text");
        return label;
    }
}
