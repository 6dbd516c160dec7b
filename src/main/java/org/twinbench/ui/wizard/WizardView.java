package org.twinbench.ui.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.twinbench.data.PlainWords;
import org.twinbench.sim.whatif.WhatIfRun;
import org.twinbench.sim.whatif.WhatIfVerdict;
import org.twinbench.ui.data.DataPreview;
import org.twinbench.ui.fx.AppExecutor;

/** Controller of {@code fxml/WizardView.fxml}: the guided "Will my model hold up?" wizard. */
public final class WizardView {

    private static final int PREVIEW_ROWS = 50;

    @FXML private BorderPane root;
    @FXML private Label stepLabel;
    @FXML private VBox dataPage;
    @FXML private VBox targetPage;
    @FXML private VBox modelPage;
    @FXML private Node changesPage;
    @FXML private VBox changesBox;
    @FXML private VBox groupsPage;
    @FXML private VBox groupsBox;
    @FXML private Label foundNote;
    @FXML private VBox foundBox;
    @FXML private VBox resultsPage;
    @FXML private ListView<String> dataNotes;
    @FXML private TableView<Integer> preview;
    @FXML private ComboBox<String> targetBox;
    @FXML private Label targetDescription;
    @FXML private ComboBox<String> outcomeBox;
    /** The answer to catch: a yes-or-no question's only (kinds and amounts have none). */
    @FXML private javafx.scene.layout.HBox outcomeRow;
    @FXML private Button buildModelButton;
    @FXML private Button useModelButton;
    @FXML private Label modelSummary;
    @FXML private VBox summaryBox;
    @FXML private Label todayLabel;
    @FXML private javafx.scene.chart.NumberAxis resultAxis;
    @FXML private LineChart<Number, Number> resultChart;
    @FXML private TableView<WhatIfVerdict> verdictTable;
    @FXML private Label fairnessTitle;
    @FXML private TableView<FairnessTable.Row> fairnessTable;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label busyLabel;
    @FXML private Label problemLabel;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button doneButton;
    @FXML private Button cancelButton;

    private WizardNavigator model;
    private Consumer<Path> openInEditor;
    private WizardFiles files = WizardFiles.dialogs();

    /** Opens the wizard in its own window. */
    public static WizardNavigator open(Window owner, AppExecutor executor, Consumer<Path> openInEditor) {
        return open(owner, executor, openInEditor, WizardFiles.dialogs());
    }

    /** The wizard's usual size. */
    static final double WIDTH = 1060;
    static final double HEIGHT = 740;

    /**
     * The wizard's size on a screen whose usable area is {@code screen}: its usual 1060 × 740, less what the screen
     * lacks, leaving room for the window's frame and title bar (a 1280 × 720 laptop shows all of it, buttons too).
     */
    static javafx.geometry.Dimension2D sceneSize(javafx.geometry.Rectangle2D screen) {
        return new javafx.geometry.Dimension2D(Math.min(WIDTH, screen.getWidth() - 40),
                Math.min(HEIGHT, screen.getHeight() - 60));
    }

    /** The screen most of {@code owner} is on (the primary one when it has no size yet). */
    private static javafx.stage.Screen screenOf(Window owner) {
        var screens = owner == null || owner.getWidth() <= 0 ? List.<javafx.stage.Screen>of()
                : javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                owner.getHeight());
        return screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0);
    }

    /** Opens the wizard in its own window, asking {@code files} for every file to open or save. */
    public static WizardNavigator open(Window owner, AppExecutor executor, Consumer<Path> openInEditor,
                                       WizardFiles files) {
        FXMLLoader loader = new FXMLLoader(WizardView.class.getResource("/fxml/WizardView.fxml"));
        Parent parent;
        try {
            parent = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the wizard is part of the application", e);
        }
        WizardNavigator viewModel = new WizardNavigator(executor::submit, javafx.application.Platform::runLater);
        WizardView view = loader.getController();
        view.files = files;
        view.bind(viewModel, openInEditor);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Will my model hold up? — TwinBench");
        javafx.geometry.Dimension2D size = sceneSize(screenOf(owner).getVisualBounds());
        Scene scene = new Scene(parent, size.getWidth(), size.getHeight());
        scene.getStylesheets().add(WizardView.class.getResource("/styles/theme.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (!view.confirmDiscard()) {
                event.consume();
            } else {
                viewModel.cancelWork();
            }
        });
        stage.show();
        return viewModel;
    }

    void bind(WizardNavigator viewModel, Consumer<Path> editorOpener) {
        this.model = viewModel;
        this.openInEditor = editorOpener;
        Map<WizardNavigator.Page, Node> pages = Map.of(WizardNavigator.Page.DATA, dataPage,
                WizardNavigator.Page.TARGET, targetPage, WizardNavigator.Page.MODEL, modelPage,
                WizardNavigator.Page.CHANGES, changesPage, WizardNavigator.Page.GROUPS, groupsPage,
                WizardNavigator.Page.RESULTS, resultsPage);
        pages.forEach((page, node) -> {
            node.visibleProperty().bind(viewModel.pageProperty().isEqualTo(page));
            // A hidden page takes no room: the stack's height is the shown page's, and the buttons below stay in the
            // window however long another page grows (telco churn's 19 columns pushed them out of sight).
            node.managedProperty().bind(node.visibleProperty());
        });
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> "Step "
                + (viewModel.pageProperty().get().ordinal() + 1) + " of " + WizardNavigator.Page.values().length,
                viewModel.pageProperty()));
        backButton.disableProperty().bind(viewModel.pageProperty().isEqualTo(WizardNavigator.Page.DATA));
        var last = viewModel.pageProperty().isEqualTo(WizardNavigator.Page.RESULTS);
        nextButton.visibleProperty().bind(last.not());
        nextButton.managedProperty().bind(last.not());
        doneButton.visibleProperty().bind(last);
        doneButton.managedProperty().bind(last);
        doneButton.defaultButtonProperty().bind(last);
        cancelButton.visibleProperty().bind(last.not());
        cancelButton.managedProperty().bind(last.not());
        busyLabel.textProperty().bind(viewModel.busyProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty().isNotEmpty());
        problemLabel.textProperty().bind(viewModel.problemProperty());

        dataNotes.setItems(viewModel.data().dataNotes());
        DataPreview shown = DataPreview.inWords(preview, PREVIEW_ROWS);
        viewModel.data().dataProperty().addListener((obs, old, frame) -> shown.show(frame));
        targetBox.setItems(viewModel.data().columns());
        targetBox.valueProperty().bindBidirectional(viewModel.target().targetProperty());
        targetDescription.textProperty().bind(viewModel.target().targetDescriptionProperty());
        outcomeBox.setItems(viewModel.target().outcomes());
        outcomeBox.valueProperty().bindBidirectional(viewModel.target().outcomeToWatchProperty());
        javafx.beans.binding.BooleanBinding yesOrNo = viewModel.target().taskProperty()
                .isEqualTo(org.twinbench.data.Task.BINARY);
        outcomeRow.visibleProperty().bind(yesOrNo);
        outcomeRow.managedProperty().bind(yesOrNo);
        modelSummary.textProperty().bind(viewModel.model().modelSummaryProperty());
        // Green only for a model that beats the naive guess: "does no better than that guess" is a caution.
        modelSummary.textProperty().addListener((obs, old, words) ->
                modelSummary.getStyleClass().setAll("label", ModelWords.style(words)));
        buildModelButton.disableProperty().bind(viewModel.busyProperty().isNotEmpty());
        useModelButton.disableProperty().bind(viewModel.busyProperty().isNotEmpty());

        java.util.Map<ChangesPageModel.Choice, VBox> rows = new java.util.LinkedHashMap<>();
        for (ChangesPageModel.Choice choice : viewModel.changes().choices()) {
            rows.put(choice, changeRow(choice));
        }
        changesBox.getChildren().setAll(rows.values());
        // Ranked by how little it takes to hurt the model: the rows follow.
        viewModel.changes().orderProperty().addListener((obs, old, order) -> changesBox.getChildren().setAll(
                (order.isEmpty() ? viewModel.changes().choices() : order).stream().map(rows::get).toList()));
        viewModel.groups().groupColumns().addListener((ListChangeListener<String>) change -> showGroups());
        foundNote.textProperty().bind(viewModel.groups().foundNoteProperty());
        viewModel.groups().found().addListener((ListChangeListener<String>) change -> {
            foundBox.getChildren().clear();
            for (String line : viewModel.groups().found()) {
                Label found = new Label("• " + line);
                found.setWrapText(true);
                found.setMinHeight(Region.USE_PREF_SIZE);
                found.getStyleClass().add("panel-text");
                foundBox.getChildren().add(found);
            }
        });

        TableColumn<WhatIfVerdict, String> light = new TableColumn<>("");
        light.setCellValueFactory(cell -> text(ResultsPageModel.lightWords(cell.getValue())));
        // Wide enough for "● unchanged, weak" and "Off by today" in the window's bold header font.
        light.setPrefWidth(180);
        TableColumn<WhatIfVerdict, String> change = new TableColumn<>("If…");
        // The strength is in the sentence above the chart; one per change, so the table leaves it out.
        change.setCellValueFactory(cell -> text(ResultsPageModel.changeWords(cell.getValue())));
        change.setPrefWidth(250);
        TableColumn<WhatIfVerdict, String> group = new TableColumn<>("For");
        group.setCellValueFactory(cell -> text(PlainWords.group(cell.getValue().group())));
        group.setPrefWidth(150);
        TableColumn<WhatIfVerdict, String> before = new TableColumn<>();
        before.setCellValueFactory(cell -> text(ResultsPageModel.figure(viewModel.results().taskProperty().get(),
                cell.getValue().before())));
        before.setPrefWidth(135);
        TableColumn<WhatIfVerdict, String> after = new TableColumn<>();
        after.setCellValueFactory(cell -> text(ResultsPageModel.figure(viewModel.results().taskProperty().get(),
                cell.getValue().after())));
        after.setPrefWidth(135);
        // An amount is judged on how far off the model is, classes on how often it is right.
        var amounts = viewModel.results().taskProperty().isEqualTo(org.twinbench.data.Task.REGRESSION);
        before.textProperty().bind(Bindings.when(amounts).then("Off by today").otherwise("Right today"));
        after.textProperty().bind(Bindings.when(amounts).then("Off by after").otherwise("Right after"));
        todayLabel.textProperty().bind(viewModel.results().todayProperty());
        TableColumn<WhatIfVerdict, String> retraining = new TableColumn<>("Retrained monthly");
        retraining.setCellValueFactory(cell -> text(ResultsPageModel.retrainingWords(cell.getValue())));
        retraining.setPrefWidth(172);
        verdictTable.getColumns().setAll(List.of(light, change, group, before, after, retraining));
        verdictTable.setItems(viewModel.results().verdicts());
        verdictTable.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(WhatIfVerdict verdict, boolean empty) {
                super.updateItem(verdict, empty);
                setTooltip(empty || verdict == null ? null : new javafx.scene.control.Tooltip(verdict.sentence()));
                for (String each : ResultsPageModel.LIGHTS) {
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(each),
                            !empty && verdict != null && ResultsPageModel.lightName(verdict).equals(each));
                }
            }
        });
        viewModel.results().resultProperty().addListener((obs, old, result) -> showResult(result));
        FairnessTable.columns(fairnessTable);
        fairnessTable.setItems(viewModel.results().fairness());
        var judged = Bindings.isNotEmpty(viewModel.results().fairness());
        for (javafx.scene.Node node : List.of(fairnessTitle, fairnessTable)) {
            node.visibleProperty().bind(judged);
            node.managedProperty().bind(judged);
        }
    }

    private VBox changeRow(ChangesPageModel.Choice choice) {
        CheckBox box = new CheckBox(choice.label());
        box.selectedProperty().bindBidirectional(choice.chosen());
        box.setPrefWidth(320);
        box.setId(choice.id());
        box.disableProperty().bind(choice.possible().not());
        Slider strength = new Slider(0, 1, 0.5);
        strength.valueProperty().bindBidirectional(choice.strength());
        strength.disableProperty().bind(box.selectedProperty().not());
        strength.setPrefWidth(260);
        HBox row = new HBox(12, box, new Label("a little"), strength, new Label("a lot"));
        row.getStyleClass().add("form-row");
        Label effect = new Label();
        effect.setId(choice.id() + "-effect");
        effect.textProperty().bind(choice.effect());
        effect.setWrapText(true);
        effect.setMinHeight(Region.USE_PREF_SIZE);
        effect.getStyleClass().add("panel-text");
        effect.disableProperty().bind(box.selectedProperty().not());
        return new VBox(2, row, effect);
    }

    private void showGroups() {
        groupsBox.getChildren().clear();
        for (String column : model.groups().groupColumns()) {
            CheckBox box = new CheckBox(PlainWords.capitalised(PlainWords.column(column)) + "  —  "
                    + model.groups().groupSizes(column));
            box.setWrapText(true);
            box.setId("group-" + column);
            box.selectedProperty().bindBidirectional(model.groups().groupChosenProperty(column));
            groupsBox.getChildren().add(box);
        }
    }

    private void showResult(WhatIfRun.Result result) {
        summaryBox.getChildren().clear();
        resultChart.getData().clear();
        if (result == null) {
            return;
        }
        for (ResultsPageModel.Summary summary : model.results().summaries()) {
            Label line = new Label(summary.text());
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.getStyleClass().addAll("verdict", "verdict-" + summary.light());
            summaryBox.getChildren().add(line);
        }
        boolean amounts = model.results().taskProperty().get() == org.twinbench.data.Task.REGRESSION;
        resultAxis.setAutoRanging(amounts);
        if (!amounts) {
            resultAxis.setLowerBound(0.4);
            resultAxis.setUpperBound(1.0);
        }
        resultAxis.setLabel(amounts ? "Off by, on average" : "Right answers");
        result.overallAccuracy().forEach((name, curve) -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(name);
            for (int step = 0; step < curve.length; step++) {
                series.getData().add(new XYChart.Data<>(step, curve[step]));
            }
            resultChart.getData().add(series);
        });
    }

    private static ReadOnlyObjectWrapper<String> text(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    boolean confirmDiscard() {
        if (!model.hasEntries()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Leave the wizard? What you entered will be lost.",
                ButtonType.YES, ButtonType.NO);
        alert.setHeaderText(null);
        alert.initOwner(root.getScene().getWindow());
        return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    @FXML
    private void onChooseData() {
        files.open(window(), "Choose your spreadsheet", "Spreadsheets", List.of("*.csv", "*.tsv", "*.txt", "*.xlsx"))
                .ifPresent(model.data()::loadData);
    }

    @FXML
    private void onUseModel() {
        files.open(window(), "Choose the model you were given", "Models (.onnx, .twinmodel)",
                List.of("*.onnx", "*.twinmodel")).ifPresent(model.model()::useModel);
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    @FXML
    private void onSampleData() {
        model.data().loadSample();
    }

    @FXML
    private void onBuildModel() {
        model.model().buildModel();
    }

    @FXML
    private void onNext() {
        model.next();
    }

    @FXML
    private void onBack() {
        model.back();
    }

    @FXML
    private void onCancel() {
        if (confirmDiscard()) {
            model.cancelWork();
            root.getScene().getWindow().hide();
        }
    }

    /** The last page's way out: the check is finished, nothing is asked. */
    @FXML
    private void onDone() {
        model.cancelWork();
        root.getScene().getWindow().hide();
    }

    @FXML
    private void onStartOver() {
        model.startOver();
    }

    @FXML
    private void onSaveReport() {
        if (model.results().resultProperty().get() == null) {
            return;
        }
        files.save(window(), "Save the report", "will-my-model-hold-up.html", "Web page", List.of("*.html"))
                .ifPresent(file -> model.results().saveReport(file, model.question(), java.time.LocalDate.now(), () -> { },
                        this::cannotSave));
    }

    @FXML
    private void onOpenInEditor() {
        if (model.results().resultProperty().get() == null) {
            return;
        }
        files.save(window(), "Save the scenario", "my-model.twin.json", "TwinBench scenario", List.of("*.twin.json"))
                .ifPresent(target -> model.results().saveScenario(target, () -> {
                    openInEditor.accept(target);
                    window().hide();
                }, this::cannotSave));
    }

    private void cannotSave(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(null);
        alert.initOwner(window());
        alert.showAndWait();
    }
}
