package org.twinbench.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A column of the data file: its name, and its kind in small type on the right. */
final class DatasetColumnCell extends ListCell<String> {
    private final Label name = new Label();
    private final Label kind = new Label();
    private final HBox row = new HBox(6, name, new Region(), kind);

DatasetColumnCell() {
        kind.getStyleClass().add("column-kind");
        name.setMinWidth(0);
        HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        String[] parts = item.split("\t", 2);
        name.setText(parts[0]);
        kind.setText(parts.length > 1 ? parts[1] : "");
        setGraphic(row);
    }
}
