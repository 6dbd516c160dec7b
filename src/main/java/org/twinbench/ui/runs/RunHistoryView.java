package org.twinbench.ui.runs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.twinbench.report.RunComparison;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.fx.AppExecutor;

/** Controller of {@code fxml/RunHistoryView.fxml}: browse, reopen and compare past runs. */
public final class RunHistoryView {

    @FXML private BorderPane root;
    @FXML private TableView<RunStore.StoredRun> runTable;
    @FXML private ComboBox<String> metricBox;
    @FXML private ComboBox<String> sliceBox;
    @FXML private LineChart<Number, Number> historyChart;
    @FXML private NumberAxis valueAxis;
    @FXML private TableView<RunComparison.Difference> differenceTable;
    @FXML private Label messageLabel;
    @FXML private javafx.scene.control.Button openResultsButton;
    @FXML private ComboBox<RunHistoryViewModel.BranchStep> branchStepBox;
    @FXML private javafx.scene.control.Button whatIfButton;

    private RunHistoryViewModel model;
    /** The scenario a what-if runs (the main window's, as saved); null or giving null: the user picks a file. */
    private WhatIfLauncher whatIfs;

    /** Opens the run history in its own window. */
    public static RunHistoryViewModel open(Window owner, AppExecutor executor, Path storePath) {
        return open(owner, executor, storePath, null);
    }

    /**
     * Opens the run history in its own window; {@code reopener} (may be null) shows a run, by its id,
     * in the main window's results ("Open results", or a double-click on a run).
     */
    public static RunHistoryViewModel open(Window owner, AppExecutor executor, Path storePath,
                                           java.util.function.LongConsumer reopener) {
        return open(owner, executor, storePath, reopener, List.of());
    }

    /**
     * As {@link #open(Window, AppExecutor, Path, java.util.function.LongConsumer)}, with the runs
     * {@code chosen} (by id) selected once the list is read: two of them are overlaid and compared
     * at once ("baseline vs what-if" straight after a run).
     */
    public static RunHistoryViewModel open(Window owner, AppExecutor executor, Path storePath,
                                           java.util.function.LongConsumer reopener, List<Long> chosen) {
        return open(owner, executor, storePath, reopener, chosen, null);
    }

    /**
     * As {@link #open(Window, AppExecutor, Path, java.util.function.LongConsumer, List)}; "What-if from
     * here…" runs the main window's scenario there through {@code whatIfs} (null: none can be run).
     */
    public static RunHistoryViewModel open(Window owner, AppExecutor executor, Path storePath,
                                           java.util.function.LongConsumer reopener, List<Long> chosen,
                                           WhatIfLauncher whatIfs) {
        FXMLLoader loader = new FXMLLoader(RunHistoryView.class.getResource("/fxml/RunHistoryView.fxml"));
        Parent parent;
        try {
            parent = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the run history is part of the application", e);
        }
        RunHistoryViewModel model = new RunHistoryViewModel(storePath, executor::submit,
                javafx.application.Platform::runLater, reopener);
        RunHistoryView view = loader.getController();
        view.whatIfs = whatIfs;
        view.bind(model);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Run history — TwinBench");
        // 1200×760, or less on a smaller screen (1280×720): the window never reaches past the screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(parent, Math.min(1200, screen.getWidth() * 0.95), Math.min(760, screen.getHeight() * 0.92));
        scene.getStylesheets().add(RunHistoryView.class.getResource("/styles/theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        if (!chosen.isEmpty()) {
            view.selectOnceRead(chosen);
        }
        model.refresh();
        return model;
    }

    /** Selects the runs with these ids the next time the list of runs is read. */
    private void selectOnceRead(List<Long> ids) {
        ListChangeListener<RunStore.StoredRun> once = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends RunStore.StoredRun> change) {
                model.runs().removeListener(this);
                runTable.getSelectionModel().clearSelection();
                for (int i = 0; i < model.runs().size(); i++) {
                    if (ids.contains(model.runs().get(i).id())) {
                        runTable.getSelectionModel().select(i);
                    }
                }
            }
        };
        model.runs().addListener(once);
    }

    void bind(RunHistoryViewModel viewModel) {
        this.model = viewModel;
        runTable.setItems(viewModel.runs());
        runTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runTable.getColumns().setAll(List.of(
                column("#", 50, run -> Long.toString(run.id())),
                column("When", 150, run -> run.created().replace('T', ' ').replaceAll("\\.\\d+.*$", "")),
                column("Scenario", 220, RunStore.StoredRun::scenarioName),
                column("Steps", 60, run -> Integer.toString(run.steps())),
                column("Verdict", 220, RunStore.StoredRun::headline)));
        runTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunStore.StoredRun>) change -> {
            List<RunStore.StoredRun> chosen = List.copyOf(runTable.getSelectionModel().getSelectedItems());
            if (!chosen.isEmpty()) {
                viewModel.show(chosen);
            }
        });
        openResultsButton.setVisible(viewModel.offersResults());
        openResultsButton.setManaged(viewModel.offersResults());
        // The selected items, not the selected item: the list changes before the item property follows.
        ObservableList<RunStore.StoredRun> selected = runTable.getSelectionModel().getSelectedItems();
        openResultsButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.size() != 1 || !viewModel.canOpenResults(selected.get(0)), selected));
        runTable.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && selected.size() == 1) {
                viewModel.openResults(selected.get(0));
            }
        });
        metricBox.setItems(viewModel.metrics());
        metricBox.valueProperty().bindBidirectional(viewModel.metricProperty());
        sliceBox.setItems(viewModel.slices());
        sliceBox.valueProperty().bindBidirectional(viewModel.sliceProperty());
        historyChart.setData(viewModel.series());
        // The band's edges are drawn thin and dashed, so the mean stands out (after the chart made their lines).
        viewModel.series().addListener((ListChangeListener<javafx.scene.chart.XYChart.Series<Number, Number>>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(s -> s.getName().endsWith(RunHistoryViewModel.BAND_EDGE))
                        .forEach(this::markBandEdge);
            }
        });
        valueAxis.labelProperty().bind(viewModel.metricProperty());
        viewModel.shown().addListener((ListChangeListener<RunComparison.RunCurves>) change -> rebuildDifferenceColumns());
        differenceTable.setItems(viewModel.differences());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        bindBranching(viewModel);
    }

    /** The step picker and "What-if from here…"; a click on the chart picks the step under it. */
    private void bindBranching(RunHistoryViewModel viewModel) {
        branchStepBox.setItems(viewModel.branchSteps());
        branchStepBox.valueProperty().bindBidirectional(viewModel.branchStepProperty());
        branchStepBox.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.branchSteps()));
        whatIfButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !viewModel.canBranch(), viewModel.branchStepProperty(), viewModel.shown(),
                viewModel.branchingProperty()));
        viewModel.toSelectProperty().addListener((obs, old, ids) -> {
            if (!ids.isEmpty()) {
                selectOnceRead(ids);
            }
        });
        historyChart.setOnMouseClicked(event -> {
            NumberAxis steps = (NumberAxis) historyChart.getXAxis();
            javafx.geometry.Point2D at = steps.sceneToLocal(event.getSceneX(), event.getSceneY());
            int step = (int) Math.round(steps.getValueForDisplay(at.getX()).doubleValue());
            viewModel.branchSteps().stream().filter(s -> s.step() == step).findFirst()
                    .ifPresent(viewModel.branchStepProperty()::set);
        });
    }

    /** One mean column per shown run, then the change from the first run to the last. */
    private void rebuildDifferenceColumns() {
        List<RunComparison.RunCurves> runs = List.copyOf(model.shown());
        differenceTable.getColumns().clear();
        TableColumn<RunComparison.Difference, String> slice = new TableColumn<>("Slice");
        slice.setCellValueFactory(cell -> text(cell.getValue().slice()));
        TableColumn<RunComparison.Difference, String> metric = new TableColumn<>("Metric");
        metric.setCellValueFactory(cell -> text(cell.getValue().metric()));
        differenceTable.getColumns().add(slice);
        differenceTable.getColumns().add(metric);
        for (int r = 0; r < runs.size(); r++) {
            int index = r;
            TableColumn<RunComparison.Difference, String> mean = new TableColumn<>("mean in #" + runs.get(r).run().id());
            mean.setCellValueFactory(cell -> text(number(cell.getValue().means()[index])));
            differenceTable.getColumns().add(mean);
        }
        if (runs.size() > 1) {
            TableColumn<RunComparison.Difference, String> change = new TableColumn<>(
                    "#" + runs.get(runs.size() - 1).run().id() + " − #" + runs.get(0).run().id());
            change.setCellValueFactory(cell -> text(signed(cell.getValue().change())));
            differenceTable.getColumns().add(change);
        }
    }

    /** Draws a band edge thin, dashed and in the colour of its run's mean (the nearest series before it). */
    private void markBandEdge(javafx.scene.chart.XYChart.Series<Number, Number> series) {
        List<javafx.scene.chart.XYChart.Series<Number, Number>> all = model.series();
        int mean = all.indexOf(series);
        while (mean > 0 && all.get(mean).getName().endsWith(RunHistoryViewModel.BAND_EDGE)) {
            mean--;
        }
        String colour = "default-color" + (Math.max(mean, 0) % 8);
        java.util.function.Consumer<javafx.scene.Node> restyle = node -> {
            node.getStyleClass().removeIf(c -> c.startsWith("default-color"));
            node.getStyleClass().addAll(colour, "replicate-band-edge");
        };
        if (series.getNode() != null) {
            restyle.accept(series.getNode());
        } else {
            series.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    restyle.accept(node);
                }
            });
        }
        // The legend's symbol of the edge takes the same colour once the legend is laid out.
        javafx.application.Platform.runLater(() -> historyChart.lookupAll(".chart-legend-item").forEach(item -> {
            if (item instanceof javafx.scene.control.Label label && series.getName().equals(label.getText())
                    && label.getGraphic() != null) {
                label.getGraphic().getStyleClass().removeIf(c -> c.startsWith("default-color"));
                label.getGraphic().getStyleClass().add(colour);
            }
        }));
    }

    private static <T> TableColumn<T, String> column(String title, double width, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> text(value.apply(cell.getValue())));
        return column;
    }

    private static ReadOnlyObjectWrapper<String> text(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.4f", value);
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onOpenResults() {
        List<RunStore.StoredRun> selected = runTable.getSelectionModel().getSelectedItems();
        model.openResults(selected.size() == 1 ? selected.get(0) : null);
    }

    @FXML
    private void onWhatIf() {
        model.whatIfFromHere(whatIfs);
    }

    @FXML
    private void onExport() {
        RunStore.StoredRun run = runTable.getSelectionModel().getSelectedItem();
        if (run == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export run #" + run.id() + " to a folder");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            model.export(run, dir.toPath());
        }
    }
}
