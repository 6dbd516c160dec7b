package org.twinbench.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Controller of {@code fxml/LiveChartsView.fxml}: the live metric chart and slice table of a run. */
public final class LiveChartsView {

    private static final PseudoClass WORST = PseudoClass.getPseudoClass("worst");

    @FXML private VBox root;
    @FXML private ComboBox<String> metricBox;
    @FXML private MenuButton sliceMenu;
    @FXML private LineChart<Number, Number> metricChart;
    @FXML private NumberAxis stepAxis;
    @FXML private NumberAxis metricAxis;
    @FXML private javafx.scene.layout.Pane markerLayer;
    @FXML private TableView<SliceRow> sliceTable;
    @FXML private TableColumn<SliceRow, String> sliceColumn;
    @FXML private TableColumn<SliceRow, String> nColumn;
    @FXML private TableColumn<SliceRow, String> latestColumn;
    @FXML private TableColumn<SliceRow, String> changeColumn;
    @FXML private TableColumn<SliceRow, String> ciColumn;

    private LiveChartsViewModel model;

    void bind(LiveChartsViewModel viewModel) {
        this.model = viewModel;
        metricChart.setData(viewModel.series());
        metricBox.setItems(viewModel.metricNames());
        metricBox.valueProperty().bindBidirectional(viewModel.metricProperty());
        metricAxis.labelProperty().bind(viewModel.metricProperty());
        metricAxis.lowerBoundProperty().bind(Bindings.createDoubleBinding(
                () -> lowerBound(viewModel.lowestProperty().get()), viewModel.lowestProperty()));
        metricAxis.upperBoundProperty().bind(Bindings.createDoubleBinding(
                () -> upperBound(viewModel.highestProperty().get()), viewModel.highestProperty()));
        metricAxis.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> niceTick((metricAxis.getUpperBound() - metricAxis.getLowerBound()) / 8),
                metricAxis.lowerBoundProperty(), metricAxis.upperBoundProperty()));
        viewModel.slices().addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                for (String slice : change.getAddedSubList()) {
                    CheckMenuItem item = new CheckMenuItem(slice);
                    // A slice is named after data: an underscore in it is text, not a keyboard mnemonic.
                    item.setMnemonicParsing(false);
                    item.selectedProperty().bindBidirectional(viewModel.shownProperty(slice));
                    sliceMenu.getItems().add(item);
                }
                if (change.wasRemoved() && viewModel.slices().isEmpty()) {
                    sliceMenu.getItems().clear();
                }
            }
        });
        MenuItem png = new MenuItem("Export chart as PNG…");
        png.setOnAction(event -> onExportPng());
        MenuItem csv = new MenuItem("Export chart data as CSV…");
        csv.setOnAction(event -> onExportCsv());
        ContextMenu menu = new ContextMenu(png, csv);
        metricChart.setOnContextMenuRequested(event -> menu.show(metricChart, event.getScreenX(), event.getScreenY()));
        viewModel.alarms().addListener((ListChangeListener<org.twinbench.sim.Alarm>) change -> drawMarkers());
        stepAxis.lowerBoundProperty().addListener((obs, old, now) -> drawMarkers());
        stepAxis.upperBoundProperty().addListener((obs, old, now) -> drawMarkers());
        metricChart.widthProperty().addListener((obs, old, now) -> drawMarkers());
        metricChart.heightProperty().addListener((obs, old, now) -> drawMarkers());
        sliceTable.setItems(viewModel.rows());
        sliceColumn.setCellValueFactory(cell -> text(cell.getValue().slice()));
        nColumn.setCellValueFactory(cell -> text(Integer.toString(cell.getValue().n())));
        latestColumn.setCellValueFactory(cell -> text(number(cell.getValue().latest())));
        changeColumn.setCellValueFactory(cell -> text(signed(cell.getValue().change())));
        ciColumn.setCellValueFactory(cell -> text(Double.isNaN(cell.getValue().ciLow()) ? "—"
                : "[" + number(cell.getValue().ciLow()) + ", " + number(cell.getValue().ciHigh()) + "]"));
        sliceTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(SliceRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(WORST, !empty && row != null && row.worst());
                setTooltip(!empty && row != null && row.worst()
                        ? new Tooltip("Among the worst slices for " + viewModel.metricProperty().get()) : null);
            }
        });
    }

    /**
     * Draws a vertical line at the step of every alarm (and a dashed one for each retraining or
     * rollback) over the plot area, in a layer above the chart.
     */
    private void drawMarkers() {
        markerLayer.getChildren().clear();
        javafx.scene.Node plot = metricChart.lookup(".chart-plot-background");
        if (plot == null || model == null) {
            return;
        }
        metricChart.applyCss();
        metricChart.layout();
        javafx.geometry.Bounds area = markerLayer.sceneToLocal(plot.localToScene(plot.getBoundsInLocal()));
        for (org.twinbench.sim.Alarm alarm : model.alarms()) {
            double x = markerLayer.sceneToLocal(stepAxis.localToScene(stepAxis.getDisplayPosition(alarm.step()), 0)).getX();
            if (x < area.getMinX() || x > area.getMaxX()) {
                continue;
            }
            javafx.scene.shape.Line line = new javafx.scene.shape.Line(x, area.getMinY(), x, area.getMaxY());
            line.getStyleClass().addAll("step-marker", alarm.isAlarm() ? "alarm-marker" : "action-marker");
            markerLayer.getChildren().add(line);
        }
    }

    /** Sets the step axis to the run's length. */
    void setSteps(int steps) {
        stepAxis.setUpperBound(Math.max(1, steps));
        stepAxis.setTickUnit(Math.max(1, Math.ceil(steps / 12.0)));
    }

    /** A margin of one twentieth below the lowest point; never below 0 for the [0, 1] metrics. */
    static double lowerBound(double lowest) {
        return Double.isNaN(lowest) ? 0.5 : Math.max(lowest >= 0 ? 0 : lowest - 1, Math.floor(lowest * 20 - 1) / 20);
    }

    /** A margin above the highest point; capped at 1 while every value is a share. */
    static double upperBound(double highest) {
        double bound = Double.isNaN(highest) ? 1.0 : Math.ceil(highest * 20 + 1) / 20;
        return !Double.isNaN(highest) && highest <= 1 ? Math.min(1.0, bound) : bound;
    }

    /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code rough}. */
    static double niceTick(double rough) {
        if (!(rough > 0)) {
            return 0.05;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= rough) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static ReadOnlyObjectWrapper<String> text(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.3f", value);
    }

    @FXML
    private void onExportPng() {
        choose("PNG image", "*.png", "chart.png", file -> {
            BufferedImage image = SwingFXUtils.fromFXImage(metricChart.snapshot(null, null), null);
            model.exportPng(image, file);
        });
    }

    @FXML
    private void onExportCsv() {
        choose("CSV table", "*.csv", "steps.csv", file -> model.exportCsvInBackground(file));
    }

    private void choose(String description, String pattern, String suggested, Consumer<Path> action) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            action.accept(file.toPath());
        }
    }

}
