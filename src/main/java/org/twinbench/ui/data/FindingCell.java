package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.twinbench.data.QualityFinding;

/** A data-quality finding in the panel's list: severity, message, and the columns and rows involved. */
final class FindingCell extends ListCell<QualityFinding> {
    private final Label severity = new Label();
    private final Label message = new Label();
    private final Label detail = new Label();
    private final VBox box = new VBox(2, new HBox(6, severity, message), detail);

    FindingCell() {
        severity.getStyleClass().add("finding-severity");
        severity.setMinWidth(Region.USE_PREF_SIZE);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().add("finding-detail");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(QualityFinding finding, boolean empty) {
        super.updateItem(finding, empty);
        if (empty || finding == null) {
            setGraphic(null);
            return;
        }
        String level = finding.severity().name().toLowerCase(Locale.ROOT);
        severity.setText(level);
        severity.getStyleClass().removeAll("severity-error", "severity-warning", "severity-info");
        severity.getStyleClass().add("severity-" + level);
        message.setText(finding.message());
        detail.setText(involved(finding));
        setGraphic(box);
    }

    /** "columns a, b · rows 3, 8, 21 … (37 in all)"; rows are counted from 1, as a spreadsheet's data rows. */
    static String involved(QualityFinding finding) {
        StringBuilder text = new StringBuilder();
        if (!finding.columns().isEmpty()) {
            text.append(finding.columns().size() == 1 ? "column " : "columns ")
                    .append(String.join(", ", finding.columns()));
        }
        int[] rows = finding.rows();
        if (rows.length > 0) {
            text.append(text.length() == 0 ? "" : "  ·  ").append(finding.rowCount() == 1 ? "row " : "rows ");
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < Math.min(rows.length, 8); i++) {
                shown.add(Integer.toString(rows[i] + 1));
            }
            text.append(String.join(", ", shown));
            if (finding.rowCount() > shown.size()) {
                text.append(String.format(Locale.ROOT, " … (%,d in all)", finding.rowCount()));
            }
        }
        return text.toString();
    }
}
