package org.twinbench.ui.data;

import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;

/**
 * The first rows of a table, one table column per data column, cells as the file holds them: the
 * data panel's preview (headers as in the file, personal data already masked) and the wizard's
 * (headers in words, "monthly spend", and "(unknown)" for a missing value).
 */
public final class DataPreview {

    private final TableView<Integer> table;
    private final boolean inWords;
    private final int maxRows;

    private DataPreview(TableView<Integer> table, boolean inWords, int maxRows) {
        this.table = table;
        this.inWords = inWords;
        this.maxRows = maxRows;
    }

    /** Headers as in the file; every row of the (already shortened) preview frame. */
    public static DataPreview asInFile(TableView<Integer> table) {
        return new DataPreview(table, false, Integer.MAX_VALUE);
    }

    /** Headers in words, each column wide enough for its whole header; at most {@code maxRows} rows. */
    public static DataPreview inWords(TableView<Integer> table, int maxRows) {
        return new DataPreview(table, true, maxRows);
    }

    /** Shows {@code frame}, or nothing when it is null. */
    public void show(Frame frame) {
        table.getColumns().clear();
        if (frame == null) {
            table.getItems().clear();
            return;
        }
        for (Column column : frame.columns()) {
            TableColumn<Integer, String> shown = new TableColumn<>(inWords ? column.name().replace('_', ' ')
                    : column.name());
            shown.setCellValueFactory(row -> new ReadOnlyStringWrapper(cell(column, row.getValue())));
            shown.setSortable(false);
            shown.setPrefWidth(inWords
                    ? Math.max(60, new Text(shown.getText()).getLayoutBounds().getWidth() * 1.35 + 28)
                    : Math.max(60, Math.min(140, 8 * column.name().length() + 20)));
            table.getColumns().add(shown);
        }
        table.getItems().setAll(IntStream.range(0, Math.min(maxRows, frame.rowCount())).boxed().toList());
    }

    private String cell(Column column, int row) {
        String text = BinaryLabels.text(column, row);
        return text == null && inWords ? "(unknown)" : text;
    }
}
