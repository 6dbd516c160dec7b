package org.twinbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.twinbench.data.PlainWords;
import org.twinbench.sim.whatif.FairnessWords;
import org.twinbench.sim.whatif.GroupFairness;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfRun;

/**
 * The results page's fairness table: per tried change, group column and measure, the group the model serves worst
 * after the change, in plain words ({@link FairnessWords#cells}): the group, its size, the figure against the rest's,
 * its 95% interval, p and the verdict. Cells wrap, so no column is cut to "…".
 */
final class FairnessTable {

    /** The headers, the change's first. */
    static final List<String> HEADERS = List.of("If…", "Group", "Size", "Group against the rest",
            "95% interval", "p", "Verdict");
    private static final double[] WIDTHS = {0.12, 0.11, 0.08, 0.22, 0.21, 0.11, 0.15};

    /** One row: the change in words and {@link FairnessWords#cells}. */
    record Row(String change, List<String> cells) {

        /** The row's cells in the table's order, the change first. */
        List<String> all() {
            List<String> out = new ArrayList<>();
            out.add(change);
            out.addAll(cells);
            return out;
        }
    }

    private FairnessTable() {
    }

    /** The rows of {@code result} for {@code changes}, in their order; none when no group column could be judged. */
    static List<Row> rows(List<WhatIfChange> changes, WhatIfRun.Result result) {
        List<Row> out = new ArrayList<>();
        for (WhatIfChange change : changes) {
            for (GroupFairness f : result.fairnessFor(change)) {
                out.add(new Row(PlainWords.capitalised(change.kind().words()), FairnessWords.cells(f)));
            }
        }
        return out;
    }

    /** Sets up {@code table}'s columns: shares of the table's width, each cell wrapping its words. */
    static void columns(TableView<Row> table) {
        List<TableColumn<Row, String>> columns = new ArrayList<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            int at = i;
            TableColumn<Row, String> column = new TableColumn<>(HEADERS.get(i));
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().all().get(at)));
            column.prefWidthProperty().bind(table.widthProperty().subtract(24).multiply(WIDTHS[i]));
            column.setCellFactory(c -> new Wrapping());
            column.setSortable(false);
            columns.add(column);
        }
        table.getColumns().setAll(columns);
    }

    /** A cell whose words wrap to its column's width, the row growing to hold them. */
    static final class Wrapping extends TableCell<Row, String> {

        private final Text text = new Text();

        Wrapping() {
            text.getStyleClass().add("fairness-cell-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(12));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefHeight(Control.USE_COMPUTED_SIZE);
        }

        /** The words drawn. */
        Text text() {
            return text;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty ? null : text);
        }
    }
}
