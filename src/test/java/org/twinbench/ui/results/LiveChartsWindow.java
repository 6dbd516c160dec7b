package org.twinbench.ui.results;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The live results view alone on TestFX's stage, bound to a view model that runs its work at once on the
 * calling thread: the one set-up of the chart view tests.
 */
record LiveChartsWindow(LiveChartsView view, LiveChartsViewModel model) {

    static LiveChartsWindow show(Stage stage, int steps) throws java.io.IOException {
        FXMLLoader loader = new FXMLLoader(LiveChartsWindow.class.getResource("/fxml/LiveChartsView.fxml"));
        Parent root = loader.load();
        LiveChartsView view = loader.getController();
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        view.bind(model);
        view.setSteps(steps);
        Scene scene = new Scene(root, 1000, 700);
        scene.getStylesheets().add(LiveChartsWindow.class.getResource("/styles/theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return new LiveChartsWindow(view, model);
    }
}
