package org.twinbench.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import org.twinbench.scenario.Scenario;

/** Controller of {@code fxml/MainView.fxml}: binds the window to a {@link MainViewModel}. */
public final class MainView {

    @FXML private BorderPane root;
    @FXML private Button runButton;
    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private MenuItem runItem;
    @FXML private MenuItem pauseItem;
    @FXML private MenuItem stepItem;
    @FXML private MenuItem stopItem;
    @FXML private ComboBox<Speed> speedBox;
    @FXML private Label scenarioTitle;
    @FXML private Label scenarioDescription;
    @FXML private ListView<String> nodeList;
    @FXML private Label modelSummary;
    @FXML private LiveChartsView liveChartsController;
    @FXML private Label statusLabel;
    @FXML private ProgressBar progressBar;

    private MainViewModel viewModel;
    private Path sampleScenario;

    /** Connects the view to its model; called once after the FXML is loaded. */
    void bind(MainViewModel model, Path sample) {
        this.viewModel = model;
        this.sampleScenario = sample;
        liveChartsController.bind(model.liveCharts());
        nodeList.setItems(model.nodeSummaries());
        statusLabel.textProperty().bind(model.statusProperty());
        modelSummary.textProperty().bind(model.modelSummaryProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        scenarioTitle.textProperty().bind(Bindings.createStringBinding(
                () -> title(model.scenarioProperty().get()), model.scenarioProperty()));
        scenarioDescription.textProperty().bind(Bindings.createStringBinding(
                () -> model.scenarioProperty().get() == null ? "" : model.scenarioProperty().get().description(),
                model.scenarioProperty()));
        model.scenarioProperty().addListener((obs, old, scenario) -> liveChartsController.setSteps(stepsOf(scenario)));
        var noScenario = model.scenarioProperty().isNull();
        var running = model.runningProperty();
        runButton.disableProperty().bind(running.or(noScenario));
        runItem.disableProperty().bind(running.or(noScenario));
        stopButton.disableProperty().bind(running.not());
        stopItem.disableProperty().bind(running.not());
        pauseButton.disableProperty().bind(running.not());
        pauseItem.disableProperty().bind(running.not());
        stepButton.disableProperty().bind(running.not());
        stepItem.disableProperty().bind(running.not());
        speedBox.getItems().setAll(Speed.CHOICES);
        speedBox.getSelectionModel().select(Speed.CHOICES.stream()
                .filter(choice -> choice.stepsPerSecond() == model.speedProperty().get()).findFirst()
                .orElse(Speed.CHOICES.get(0)));
        speedBox.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.setSpeed(chosen.stepsPerSecond());
            }
        });
        pauseButton.textProperty().bind(Bindings.when(model.pausedProperty()).then("▶  Resume").otherwise("‖  Pause"));
    }

    /** A choice of the speed box. */
    record Speed(String label, double stepsPerSecond) {
        static final java.util.List<Speed> CHOICES = java.util.List.of(new Speed("As fast as possible", 0),
                new Speed("60 steps per second", 60), new Speed("20 steps per second", 20),
                new Speed("5 steps per second", 5), new Speed("1 step per second", 1));

        @Override
        public String toString() {
            return label;
        }
    }

    private static String title(Scenario scenario) {
        return scenario == null ? "No scenario open" : scenario.name();
    }

    private static int stepsOf(Scenario scenario) {
        if (scenario == null || scenario.nodesOfKind("source.").isEmpty()) {
            return 60;
        }
        return Math.max(1, scenario.nodesOfKind("source.").get(0).integer("steps", 60));
    }

    @FXML
    private void onOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("TwinBench scenarios", "*.twin.json"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.open(file.toPath());
        }
    }

    @FXML
    private void onOpenSample() {
        viewModel.open(sampleScenario);
    }

    @FXML
    private void onExit() {
        Platform.exit();
    }

    @FXML
    private void onRun() {
        viewModel.run();
    }

    @FXML
    private void onPause() {
        viewModel.togglePause();
    }

    @FXML
    private void onStep() {
        viewModel.step();
    }

    @FXML
    private void onStop() {
        viewModel.stop();
    }
}
