package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.Frame;
import org.twinbench.ui.fx.FileDialogs;
import org.twinbench.ui.graph.GraphCanvasView;
import org.twinbench.ui.graph.NodeCard;

/**
 * Controller of {@code fxml/DataModelPanel.fxml}, the left-hand data and model panel: open a dataset
 * (with progress and Cancel), its columns with editable kinds and roles, its data-quality findings,
 * a preview with personal data masked, the open model's card and whether it fits the data, training a
 * model, and dragging the dataset or the model onto the canvas.
 */
public final class DataModelPanel {

    /** The file choosers the panel uses; tests put their own in. */
    interface Choosers {
        Optional<Path> openDataset(Window owner, Path folder);

        Optional<Path> openModel(Window owner, Path folder);

        Optional<Path> saveModel(Window owner, Path folder, String suggestedName);
    }

    static final Choosers SYSTEM_CHOOSERS = new Choosers() {
        @Override
        public Optional<Path> openDataset(Window owner, Path folder) {
            return FileDialogs.openData(owner, folder);
        }

        @Override
        public Optional<Path> openModel(Window owner, Path folder) {
            return FileDialogs.openModel(owner, folder);
        }

        @Override
        public Optional<Path> saveModel(Window owner, Path folder, String suggestedName) {
            return FileDialogs.saveModel(owner, folder, suggestedName);
        }
    };

    @FXML private VBox root;
    @FXML private Button openDataButton;
    @FXML private Button trainButton;
    @FXML private Button newScenarioButton;
    @FXML private HBox loadingBar;
    @FXML private ProgressBar loadProgress;
    @FXML private Button cancelLoadButton;
    @FXML private Label dataMessage;
    @FXML private Label dataError;
    @FXML private Button datasetChip;
    @FXML private TabPane tabs;
    @FXML private Tab qualityTab;
    @FXML private Button compareButton;
    private CoverageWindow coverageWindow;
    @FXML private Tab modelTab;
    @FXML private ColumnRolesTable columnTable;
    @FXML private ListView<org.twinbench.data.QualityFinding> findingList;
    @FXML private TableView<Integer> previewTable;
    @FXML private Label modelMessage;
    @FXML private Label modelError;
    @FXML private Button modelChip;
    @FXML private Label cardLabel;
    @FXML private Label fitLabel;
    @FXML private VBox problemBox;
    @FXML private Label scenarioLabel;
    @FXML private javafx.scene.control.Hyperlink inspectScenarioData;
    @FXML private javafx.scene.control.Hyperlink timeFormatLink;

    private DataModelPanelViewModel viewModel;
    private GraphCanvasView canvas;
    private Choosers choosers = SYSTEM_CHOOSERS;
    private java.util.function.Consumer<org.twinbench.scenario.Scenario> opener;
    private javafx.beans.value.ObservableObjectValue<DatasetColumns.Summary> scenarioData;

    /** Connects the panel to its model and to the canvas files are dropped on. */
    public void bind(DataModelPanelViewModel model, GraphCanvasView canvasView,
              javafx.beans.value.ObservableObjectValue<DatasetColumns.Summary> scenarioData,
              ObservableStringValue scenarioModel) {
        this.viewModel = model;
        this.canvas = canvasView;
        // Lets a test (or a window built around the panel) reach the controller from the scene graph.
        root.getProperties().put(DataModelPanel.class, this);
        ModelPanelViewModel models = model.model();
        // The bar shows a load (with its share read, and Cancel) or training (Smile reports no progress:
        // the bar runs indeterminate while the Model tab names the phase).
        var working = model.loadingProperty().or(models.busyProperty());
        loadingBar.visibleProperty().bind(working);
        loadingBar.managedProperty().bind(working);
        loadProgress.progressProperty().bind(Bindings.when(model.loadingProperty())
                .then(model.progressProperty()).otherwise(models.progressProperty()));
        var cancellable = model.loadingProperty().or(models.stoppableProperty());
        cancelLoadButton.visibleProperty().bind(cancellable);
        cancelLoadButton.managedProperty().bind(cancellable);
        dataMessage.textProperty().bind(model.messageProperty());
        showWhenNotEmpty(dataError, model.errorProperty());
        // A date column that reads both ways is said, never guessed: the link asks how it is written.
        timeFormatLink.textProperty().bind(Bindings.createStringBinding(() -> model.ambiguousDates().isEmpty() ? ""
                : "Dates in '" + model.ambiguousDates().get(0).column() + "' (e.g. "
                        + model.ambiguousDates().get(0).example() + ") can be read month-first or day-first: choose…",
                model.ambiguousDates()));
        timeFormatLink.visibleProperty().bind(Bindings.isNotEmpty(model.ambiguousDates()));
        timeFormatLink.managedProperty().bind(Bindings.isNotEmpty(model.ambiguousDates()));
        datasetChip.textProperty().bind(Bindings.createStringBinding(() -> model.fileProperty().get() == null ? ""
                : "⇲  " + model.fileProperty().get().getFileName(), model.fileProperty()));
        datasetChip.visibleProperty().bind(model.fileProperty().isNotNull());
        datasetChip.managedProperty().bind(model.fileProperty().isNotNull());
        draggable(datasetChip, () -> model.fileProperty().get());
        trainButton.disableProperty().bind(model.datasetProperty().isNull().or(models.busyProperty()));
        newScenarioButton.disableProperty().bind(model.datasetProperty().isNull().or(model.loadingProperty()));
        newScenarioButton.visibleProperty().bind(model.fileProperty().isNotNull());
        newScenarioButton.managedProperty().bind(model.fileProperty().isNotNull());

        columnTable.setItems(model.columns());
        columnTable.onChange(model::setKind, model::setRole);
        findingList.setItems(model.findings());
        findingList.setCellFactory(list -> new FindingCell());
        findingList.setPlaceholder(new Label("No dataset open"));
        qualityTab.textProperty().bind(Bindings.createStringBinding(() -> model.datasetProperty().get() == null
                ? "Quality" : "Quality (" + model.findings().size() + ")", model.findings(), model.datasetProperty()));
        compareButton.disableProperty().bind(model.datasetProperty().isNull()
                .or(model.coverage().checkingProperty()));
        previewTable.setPlaceholder(new Label("No dataset open"));
        DataPreview preview = DataPreview.asInFile(previewTable);
        model.previewProperty().addListener((obs, old, frame) -> preview.show(frame));

        modelMessage.textProperty().bind(models.messageProperty());
        showWhenNotEmpty(modelError, models.errorProperty());
        modelChip.textProperty().bind(Bindings.createStringBinding(() -> models.fileProperty().get() == null ? ""
                : "⇲  " + models.fileProperty().get().getFileName(), models.fileProperty()));
        modelChip.visibleProperty().bind(models.fileProperty().isNotNull());
        modelChip.managedProperty().bind(models.fileProperty().isNotNull());
        draggable(modelChip, () -> models.fileProperty().get());
        cardLabel.textProperty().bind(models.cardProperty());
        showWhenNotEmpty(fitLabel, models.fitProperty());
        models.problems().addListener((ListChangeListener<String>) c -> showProblems(models.problems()));
        models.fileProperty().addListener((obs, old, now) -> tabs.getSelectionModel().select(modelTab));
        scenarioLabel.textProperty().bind(Bindings.createStringBinding(
                () -> scenarioNote(scenarioData.get(), scenarioModel.get()), scenarioData, scenarioModel));
        this.scenarioData = scenarioData;
        var inspectable = Bindings.createBooleanBinding(() -> {
            DatasetColumns.Summary data = scenarioData.get();
            Path shown = model.fileProperty().get();
            return data != null && data.error() == null && data.rows() > 0
                    && (shown == null || !shown.toAbsolutePath().normalize().equals(data.file()));
        }, scenarioData, model.fileProperty());
        inspectScenarioData.visibleProperty().bind(inspectable);
        inspectScenarioData.managedProperty().bind(inspectable);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && (model.loadingProperty().get() || models.stoppableProperty().get())) {
                onCancelLoad();
                e.consume();
            }
        });
        // A hidden tab's content leaves the scene (each pulse visits every node in it) until its tab is chosen.
        org.twinbench.ui.fx.ShownTabContent.keepOnlyShown(tabs);
    }

    /** The panel's actions as menu items with shortcuts, for the main window's menu bar. */
    public void fillMenu(Menu menu) {
        MenuItem openData = item("Open _dataset…", "Shortcut+Shift+O", this::onOpenDataset);
        MenuItem openModel = item("Open _model…", "Shortcut+Shift+M", this::onOpenModel);
        MenuItem train = item("_Train a model…", "Shortcut+T", this::onTrain);
        train.disableProperty().bind(trainButton.disableProperty());
        MenuItem newScenario = newScenarioItem();
        MenuItem useData = item("Use the dataset in the _scenario", null, this::onUseDataset);
        useData.disableProperty().bind(viewModel.fileProperty().isNull());
        MenuItem useModel = item("Use the model in the s_cenario", null, this::onUseModel);
        useModel.disableProperty().bind(viewModel.model().fileProperty().isNull());
        menu.getItems().setAll(openData, openModel, train, new SeparatorMenuItem(), newScenario, useData, useModel);
    }

    /** "New scenario from this data…", enabled while a table is open. */
    private MenuItem newScenarioItem() {
        MenuItem item = item("New scenario from this _data…", null, this::onNewScenario);
        item.disableProperty().bind(newScenarioButton.disableProperty());
        return item;
    }

    /** Whether "New scenario from this data" can be chosen (a table is open and read). */
    public javafx.beans.value.ObservableBooleanValue canMakeScenarioProperty() {
        return newScenarioButton.disableProperty().not();
    }

    /**
     * How a scenario made here becomes the open one: the main window asks about unsaved changes
     * first. Until it is set, the scenario replaces the open one at once.
     */
    public void openScenariosWith(java.util.function.Consumer<org.twinbench.scenario.Scenario> opener) {
        this.opener = opener;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    void setChoosers(Choosers replacement) {
        this.choosers = replacement;
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    @FXML
    void onOpenDataset() {
        choosers.openDataset(window(), viewModel.folder()).ifPresent(file -> {
            viewModel.openDataset(file);
            tabs.getSelectionModel().select(0);
        });
    }

    @FXML
    void onCompare() {
        choosers.openDataset(window(), viewModel.folder()).ifPresent(file -> {
            if (coverageWindow == null) {
                coverageWindow = new CoverageWindow(window(), viewModel.coverage());
            }
            viewModel.compareWith(file);
            coverageWindow.show();
        });
    }

    @FXML
    void onOpenModel() {
        choosers.openModel(window(), viewModel.folder()).ifPresent(viewModel.model()::open);
    }

    @FXML
    private void onTimeFormat() {
        if (!viewModel.ambiguousDates().isEmpty()) {
            DateFormats.Ambiguous column = viewModel.ambiguousDates().get(0);
            TimeFormatDialog.ask(root.getScene().getWindow(), column)
                    .ifPresent(pattern -> viewModel.setTimeFormat(column.column(), pattern));
        }
    }

    @FXML
    private void onInspectScenarioData() {
        DatasetColumns.Summary data = scenarioData.get();
        if (data != null) {
            viewModel.openDataset(data.file());
            tabs.getSelectionModel().select(0);
        }
    }

    @FXML
    private void onCancelLoad() {
        if (viewModel.loadingProperty().get()) {
            viewModel.cancelLoad();
        } else {
            viewModel.model().stopTraining();
        }
    }

    @FXML
    void onTrain() {
        var schema = viewModel.schemaProperty().get();
        var data = viewModel.datasetProperty().get();
        if (schema == null || data == null) {
            return;
        }
        List<String> targets = new ArrayList<>(schema.withRole(ColumnRole.TARGET));
        schema.columns().stream().filter(c -> c.role() != ColumnRole.PII && !targets.contains(c.name()))
                .forEach(c -> targets.add(c.name()));
        Optional<TrainRequest> asked = new TrainModelDialog(window(), targets, viewModel::features, data.frame(),
                (target, rows, found) -> viewModel.model().checkLeaks(data, target, rows, viewModel.features(target),
                        found),
                TrainingRows.of(data, viewModel.newScenarioChoices().map(NewScenarioChoices::replayChoices)
                        .orElse(List.of()))).showAndWait();
        if (asked.isEmpty()) {
            return;
        }
        TrainRequest request = asked.get();
        String stem = viewModel.fileProperty().get().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        choosers.saveModel(window(), viewModel.folder(), request.fileName(stem))
                .ifPresent(file -> {
                    viewModel.model().train(request.withOutput(file), data, viewModel.features(request.target()));
                    tabs.getSelectionModel().select(modelTab);
                });
    }

    /** "New scenario from this data…": the dialog, then the scenario opens in place of the current one. */
    @FXML
    public void onNewScenario() {
        var choices = viewModel.newScenarioChoices();
        if (choices.isEmpty()) {
            return;
        }
        new NewScenarioDialog(window(), choices.get(), viewModel.model().fileProperty().get(),
                () -> choosers.openModel(window(), viewModel.folder())).showAndWait().ifPresent(answer -> {
                    var scenario = choices.get().build(answer.outcome(), answer.slices(), answer.model(),
                            answer.changes(), answer.replay(), null);
                    if (opener != null) {
                        opener.accept(scenario);
                    }
                });
    }

    /**
     * The scenario reads the open table; when it names columns the table lacks, the user first
     * matches them to the table's columns (proposed by name and kind), all in one edit.
     */
    @FXML
    void onUseDataset() {
        Path file = viewModel.fileProperty().get();
        if (file == null) {
            return;
        }
        var missing = viewModel.missingColumns();
        if (missing.isEmpty()) {
            viewModel.useDataset(Map.of());
            return;
        }
        new ColumnRemapDialog(window(), file.getFileName().toString(), missing).showAndWait()
                .ifPresent(viewModel::useDataset);
    }

    @FXML
    void onUseModel() {
        Path file = viewModel.model().fileProperty().get();
        if (file != null) {
            viewModel.useInScenario(file);
        }
    }

    /** Dragging the chip and letting go over the canvas places the file there. */
    private void draggable(Button chip, java.util.function.Supplier<Path> file) {
        chip.setOnMouseDragged(e -> chip.setCursor(javafx.scene.Cursor.CLOSED_HAND));
        chip.setOnMouseReleased(e -> {
            chip.setCursor(javafx.scene.Cursor.OPEN_HAND);
            if (!e.isStillSincePress() && file.get() != null) {
                drop(file.get(), e.getSceneX(), e.getSceneY());
            }
        });
    }

    /**
     * A file let go at a scene point: onto a node of the type that reads it, that node now reads it;
     * elsewhere on the canvas, a new node reading it stands there. False when the point is off the canvas.
     */
    boolean drop(Path file, double sceneX, double sceneY) {
        Bounds area = canvas.viewport().localToScene(canvas.viewport().getLayoutBounds());
        if (!area.contains(sceneX, sceneY)) {
            return false;
        }
        for (Map.Entry<String, NodeCard> card : canvas.cards().entrySet()) {
            if (card.getValue().localToScene(card.getValue().getLayoutBounds()).contains(sceneX, sceneY)
                    && viewModel.pointNodeAt(card.getKey(), file)) {
                canvas.focus();
                return true;
            }
        }
        Point2D at = canvas.world().sceneToLocal(sceneX, sceneY);
        viewModel.placeOnCanvas(file, Math.round(at.getX() - NodeCard.WIDTH / 2), Math.round(at.getY() - 20));
        canvas.focus();
        return true;
    }

    /** What the open scenario itself reads and, after a run, which model it trained. */
    static String scenarioNote(DatasetColumns.Summary data, String model) {
        String reads = data == null ? "The scenario reads no data file yet."
                : data.error() != null ? data.error()
                : String.format(Locale.ROOT, "The scenario reads %s (%,d rows, %d columns).", data.file().getFileName(),
                data.rows(), data.columns().size());
        // Before the first run the main window says "No model trained yet": nothing to add then.
        return model == null || model.isBlank() || model.startsWith("No model") ? reads : reads + "\nIts model: " + model;
    }

    private static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(Bindings.isNotEmpty(text));
    }

    private void showProblems(List<String> problems) {
        problemBox.getChildren().setAll(problems.stream().map(text -> {
            Label line = new Label("•  " + text);
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            line.getStyleClass().add("model-problem");
            return line;
        }).toList());
    }
}
