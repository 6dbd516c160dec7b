package org.twinbench.ui.data;

import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.twinbench.data.QualityFinding;

/**
 * The comparison of new data with the open table in a window of its own (the panel is narrow): a
 * line saying what was compared, or why it could not be, and the findings as in the Quality tab.
 * One per panel; comparing again refills it.
 */
final class CoverageWindow {

    private final Stage stage = new Stage();

    CoverageWindow(Window owner, CoverageViewModel coverage) {
        Label message = new Label();
        message.setId("coverageMessage");
        message.setWrapText(true);
        message.textProperty().bind(coverage.messageProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(coverage.checkingProperty());
        busy.managedProperty().bind(coverage.checkingProperty());
        Label error = new Label();
        error.setId("coverageError");
        error.setWrapText(true);
        error.getStyleClass().add("problem-text");
        error.textProperty().bind(coverage.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(coverage.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        ListView<QualityFinding> list = new ListView<>(coverage.findings());
        list.setId("coverageList");
        list.getStyleClass().add("finding-list");
        list.setCellFactory(view -> new FindingCell());
        list.setPlaceholder(new Label("Nothing found: the open table covers every compared column."));
        VBox.setVgrow(list, Priority.ALWAYS);
        HBox header = new HBox(8, busy, message);
        HBox.setHgrow(message, Priority.ALWAYS);
        VBox root = new VBox(8, header, error, list);
        root.getStyleClass().add("coverage-window");
        Scene scene = new Scene(root, 620, 420);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getStylesheets().add(CoverageWindow.class.getResource("/styles/DataModelPanel.css").toExternalForm());
        }
        stage.setScene(scene);
        stage.setTitle("What the open table does not cover");
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    void show() {
        stage.show();
        stage.toFront();
    }
}
