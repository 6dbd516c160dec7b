package org.twinbench.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.twinbench.scenario.Scenario;
import org.twinbench.ui.data.DataModelPanel;
import org.twinbench.ui.fx.FileDialogs;
import org.twinbench.ui.graph.GraphCanvasView;
import org.twinbench.ui.graph.InspectorView;
import org.twinbench.ui.graph.PaletteView;
import org.twinbench.ui.presenter.PresenterView;
import org.twinbench.ui.results.LiveChartsView;
import org.twinbench.ui.runs.RunHistoryView;
import org.twinbench.ui.runs.SweepDialogs;
import org.twinbench.ui.runs.WindowRun;
import org.twinbench.ui.wizard.WizardView;

/**
 * Controller of {@code fxml/MainView.fxml}, the analyst's screen: data, model and palette on the
 * left, the graph in the middle, the inspector on the right, results below. Binds the menus, the
 * toolbar and the sub-views to a {@link MainViewModel}.
 */
public final class MainView {

    @FXML private BorderPane root;
    @FXML private Button runButton;
    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Tooltip undoTooltip;
    @FXML private Tooltip redoTooltip;
    @FXML private Tooltip runTooltip;
    @FXML private MenuItem runItem;
    @FXML private MenuItem pauseItem;
    @FXML private MenuItem stepItem;
    @FXML private MenuItem stopItem;
    @FXML private Menu editMenu;
    @FXML private Menu viewMenu;
    @FXML private Menu recentMenu;
    @FXML private ComboBox<RunSpeed> speedBox;
    @FXML private Label scenarioTitle;
    @FXML private Label runBlockedLabel;
    @FXML private HBox recoveryBar;
    @FXML private Label recoveryLabel;
    @FXML private DataModelPanel dataPanelController;
    @FXML private Menu dataMenu;
    @FXML private LiveChartsView liveChartsController;
    @FXML private javafx.scene.control.MenuItem reportItem;
    @FXML private javafx.scene.control.Spinner<Integer> replicateSpinner;
    private javafx.beans.property.ObjectProperty<Integer> replicatesBridge; // the replicates, as the spinner's type
    @FXML private Menu demoMenu;
    @FXML private Label statusLabel;
    @FXML private ProgressBar progressBar;
    @FXML private PaletteView paletteController;
    @FXML private GraphCanvasView canvasController;
    @FXML private InspectorView inspectorController;
    @FXML private javafx.scene.control.SplitPane editorResultsSplit;
    @FXML private MenuItem compareLastItem;
    @FXML private MenuItem newFromDataItem;
    @FXML private javafx.scene.control.ToggleButton resultsToggle;
    @FXML private MenuItem resultsItem;
    /** The panes F6 visits, in order. */
    @FXML private javafx.scene.Node dataPanel, palette, canvas, liveCharts, inspector;

    private MainViewModel viewModel;
    private Path sampleScenario;
    private FileMenu fileMenu;
    private ResultsRoom resultsRoom;

    /** Connects the view to its model; called once after the FXML is loaded. */
    void bind(MainViewModel model, Path sample) {
        this.viewModel = model;
        this.sampleScenario = sample;
        canvasController.bind(model.canvas());
        inspectorController.bind(model.inspector());
        paletteController.bind(model.palette(), canvasController::drop, canvasController::addFromKeyboard);
        liveChartsController.bind(model.liveCharts());
        reportItem.disableProperty().bind(model.liveCharts().canReportProperty().not());
        WindowRun runs = model.runs();
        replicateSpinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                WindowRun.MAX_REPLICATES, runs.replicatesProperty().get()));
        // Both ways, so a change made in code shows; the bridge is held, as such bindings hold their ends weakly.
        replicatesBridge = runs.replicatesProperty().asObject();
        replicateSpinner.getValueFactory().valueProperty().bindBidirectional(replicatesBridge);
        replicateSpinner.disableProperty().bind(runs.runningProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        // A finished run's warning and notes can be longer than the status line: the whole text on hover.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(model.statusProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        statusLabel.setTooltip(whole);
        MessageExpiry.expire(model.statusProperty(), MessageExpiry.STATUS, model::statusExpired);
        MessageExpiry.expire(model.canvas().messageProperty(), MessageExpiry.CANVAS, () -> model.canvas().say(""));
        progressBar.progressProperty().bind(runs.progressProperty());
        scenarioTitle.textProperty().bind(Bindings.createStringBinding(
                () -> title(model.scenarioProperty().get()), model.scenarioProperty()));
        model.scenarioProperty().addListener((obs, old, scenario) -> liveChartsController.setSteps(stepsOf(scenario)));
        runs.plannedStepsProperty().addListener((obs, old, steps) -> {
            if (steps.intValue() > 0) {
                liveChartsController.setSteps(steps.intValue());
            }
        });
        runs.reopenedProperty().addListener((obs, old, run) -> {
            if (run != null) {
                liveChartsController.setSteps(run.steps());
            } else {
                // A run of the open scenario follows a reopened one: its own length again.
                liveChartsController.setSteps(stepsOf(model.scenarioProperty().get()));
            }
        });
        bindRunControls(model, runs);
        bindResultsRoom(model, runs);
        RunNotices.follow(runs.runningProperty(), model.liveCharts().alarms(), model.statusProperty(),
                RunNotices.desktop(() -> root.getScene() == null ? null : root.getScene().getWindow()));
        GraphCommands.install(model, root, canvasController, paletteController, undoButton, undoTooltip, redoButton,
                redoTooltip, editMenu, viewMenu);
        dataPanelController.bind(model.dataPanel(), canvasController, model.datasetProperty(), model.modelSummaryProperty());
        dataPanelController.fillMenu(dataMenu);
        speedBox.getItems().setAll(RunSpeed.CHOICES);
        speedBox.getSelectionModel().select(RunSpeed.CHOICES.stream()
                .filter(choice -> choice.stepsPerSecond() == runs.speedProperty().get()).findFirst()
                .orElse(RunSpeed.CHOICES.get(0)));
        speedBox.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                runs.setSpeed(chosen.stepsPerSecond());
            }
        });
        fileMenu = new FileMenu(model, root, recentMenu, recoveryBar, recoveryLabel);
        newFromDataItem.disableProperty().bind(Bindings.not(dataPanelController.canMakeScenarioProperty()));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                PaneCycle.install(scene, List.of(dataPanel, palette, canvas, liveCharts, inspector), canvas);
            }
        });
        dataPanelController.openScenariosWith(scenario -> fileMenu.whenSaved(() -> {
            viewModel.files().newScenario(scenario);
            canvasController.fit();
        }));
    }

    /** Warms the live results' code and makes the slice table's cells before the first run (after the first frame). */
    void warmUpResults() {
        liveChartsController.warmUp();
    }

    /**
     * What the window fills in once its first frame is drawn (nothing of it shows before a menu is opened): the Demo
     * menu's stories, read in the background.
     */
    void afterFirstFrame() {
        if (viewModel.executor().isClosed()) {
            return; // the window was closed at once (a test's window)
        }
        PresenterView.fillMenu(demoMenu, sampleScenario.getParent(), () -> root.getScene().getWindow(),
                viewModel.executor());
    }

    /**
     * Share of the editor/results split the results get from the start (1 minus the divider): at 1280×720
     * the chart and the slice table can be read before the first run, not only after it. The divider then
     * stays wherever the user puts it, remembered with whether the results are shown ({@link ResultsRoom}).
     */
    static final double RESULTS_SHARE = 0.55;

    /** The results under the graph: their room kept, hidden and shown from the toolbar or View menu; a run shows them. */
    private void bindResultsRoom(MainViewModel model, WindowRun runs) {
        resultsRoom = ResultsRoom.install(editorResultsSplit, (javafx.scene.layout.Region) canvas,
                (javafx.scene.layout.Region) liveCharts, RESULTS_SHARE, model.files().files().home(),
                model.executor()::submit);
        resultsToggle.selectedProperty().bindBidirectional(resultsRoom.shownProperty());
        resultsItem.textProperty().bind(Bindings.when(resultsRoom.shownProperty()).then("Hide the _results")
                .otherwise("Show the _results"));
        runs.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                resultsRoom.shownProperty().set(true);
            }
        });
    }

    /** View → Hide/Show the results (Ctrl+R). */
    @FXML
    private void onToggleResults() {
        resultsRoom.shownProperty().set(!resultsRoom.shownProperty().get());
    }

    private void bindRunControls(MainViewModel model, WindowRun runs) {
        var running = runs.runningProperty();
        compareLastItem.disableProperty().bind(runs.previousRunIdProperty().isEqualTo(0).or(running));
        var blocked = model.runBlockedReasonProperty().isNotEmpty();
        runButton.disableProperty().bind(running.or(blocked));
        runItem.disableProperty().bind(running.or(blocked));
        stopButton.disableProperty().bind(running.not());
        stopItem.disableProperty().bind(running.not());
        pauseButton.disableProperty().bind(running.not());
        pauseItem.disableProperty().bind(running.not());
        stepButton.disableProperty().bind(running.not());
        stepItem.disableProperty().bind(running.not());
        pauseButton.textProperty().bind(Bindings.when(runs.pausedProperty()).then("▶  Resume").otherwise("⏸  Pause"));
        runBlockedLabel.textProperty().bind(model.runBlockedReasonProperty());
        runBlockedLabel.setTooltip(new Tooltip());
        runBlockedLabel.getTooltip().textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.canvas().problemsProperty().get().all()),
                model.canvas().problemsProperty()));
        runTooltip.textProperty().bind(Bindings.when(blocked).then(model.runBlockedReasonProperty())
                .otherwise("Train the model on the reference data and simulate the scenario (F5)"));
    }

    /** Uses other answers to the file questions than the platform's dialogs (UI tests). */
    void usePrompts(FileDialogs.Prompts answers) {
        fileMenu.usePrompts(answers);
    }

    /** The window's close button: asks about unsaved changes first (see {@link FileMenu#closeRequested}). */
    void closeRequested(javafx.stage.WindowEvent event) {
        fileMenu.closeRequested(event);
    }

    private static String title(Scenario scenario) {
        return scenario == null ? "No scenario open" : scenario.name();
    }

    private static int stepsOf(Scenario scenario) {
        if (scenario == null || scenario.nodesOfKind("source.").isEmpty()) {
            return 60;
        }
        try {
            return Math.max(1, scenario.nodesOfKind("source.").get(0).integer("steps"));
        } catch (RuntimeException e) {
            return 60;
        }
    }

    @FXML
    private void onNew() {
        fileMenu.newScenario();
    }

    @FXML
    private void onNewFromData() {
        dataPanelController.onNewScenario();
    }

    @FXML
    private void onOpen() {
        fileMenu.open();
    }

    @FXML
    private void onOpenSample() {
        fileMenu.open(sampleScenario);
    }

    @FXML
    private void onSave() {
        fileMenu.save();
    }

    @FXML
    private void onSaveAs() {
        fileMenu.saveAs();
    }

    /** File → Export model: a bundle, then where its ONNX form goes; written in the background. */
    @FXML
    private void onExportModel() {
        javafx.stage.Window window = root.getScene().getWindow();
        FileDialogs.openModel(window, viewModel.document().baseDirectory()).ifPresent(bundle ->
                FileDialogs.saveOnnx(window, bundle).ifPresent(onnx -> viewModel.exportModel(bundle, onnx)));
    }

    @FXML
    private void onWizard() {
        WizardView.open(root.getScene().getWindow(), viewModel.executor(), viewModel::open);
    }

    @FXML
    private void onExportReport() {
        liveChartsController.onExportHtml();
    }

    @FXML
    private void onExportSweep() {
        SweepDialogs.exportSweep(root.getScene().getWindow(), viewModel.document(), viewModel.sweeps());
    }

    @FXML
    private void onImportSweep() {
        SweepDialogs.importSweep(root.getScene().getWindow(), viewModel.sweeps(), viewModel.executor());
    }

    @FXML
    private void onHistory() {
        RunHistoryView.open(root.getScene().getWindow(), viewModel.executor(), viewModel.runStore(),
                viewModel.runs()::reopen, List.of(), viewModel.whatIfs());
    }

    /** The run history with the last two runs of this window overlaid and compared (baseline vs what-if). */
    @FXML
    private void onCompareLast() {
        long previous = viewModel.runs().previousRunIdProperty().get();
        long last = viewModel.runs().lastRunIdProperty().get();
        if (previous > 0 && last > 0) {
            RunHistoryView.open(root.getScene().getWindow(), viewModel.executor(), viewModel.runStore(),
                    viewModel.runs()::reopen, List.of(previous, last), viewModel.whatIfs());
        }
    }

    @FXML
    private void onExit() {
        Stage stage = (Stage) root.getScene().getWindow();
        fileMenu.whenSaved(() -> {
            fileMenu.endCleanly();
            stage.close();
            Platform.exit();
        });
    }

    @FXML
    private void onRecover() {
        fileMenu.whenSaved(() -> {
            viewModel.files().recover();
            canvasController.fit();
        });
    }

    @FXML
    private void onDiscardRecovery() {
        viewModel.files().discardRecovery();
    }

    @FXML
    private void onRun() {
        viewModel.run();
    }

    @FXML
    private void onPause() {
        viewModel.runs().togglePause();
    }

    @FXML
    private void onStep() {
        viewModel.runs().step();
    }

    @FXML
    private void onStop() {
        viewModel.runs().stop();
    }

    GraphCanvasView canvas() {
        return canvasController;
    }
}
