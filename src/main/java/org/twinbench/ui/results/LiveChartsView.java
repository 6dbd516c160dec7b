package org.twinbench.ui.results;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import org.controlsfx.control.CheckComboBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Controller of {@code fxml/LiveChartsView.fxml}: the live metric chart (a {@link MetricPlot}) and slice table of a run. */
public final class LiveChartsView {

    @FXML private VBox root;
    @FXML private ComboBox<String> metricBox;
    @FXML private CheckComboBox<String> slicePicker;
    @FXML private MetricPlot metricChart;
    @FXML private DriftHeatmapPlot driftHeatmap;
    @FXML private ReliabilityPlot reliabilityPlot;
    @FXML private javafx.scene.control.Tab metricTab;
    @FXML private javafx.scene.control.Tab driftTab;
    @FXML private javafx.scene.control.Tab reliabilityTab;
    @FXML private javafx.scene.layout.BorderPane reliabilityPane;
    @FXML private ComboBox<Integer> reliabilityWindowBox;
    @FXML private javafx.scene.control.TabPane chartTabs;
    @FXML private TableView<SliceRowCells> sliceTable;
    @FXML private TopSlicesList topSlicesList;
    @FXML private RobustnessSummary robustnessSummary;
    @FXML private TableColumn<SliceRowCells, String> sliceColumn;
    @FXML private TableColumn<SliceRowCells, String> nColumn;
    @FXML private TableColumn<SliceRowCells, String> latestColumn;
    @FXML private TableColumn<SliceRowCells, String> changeColumn;
    @FXML private TableColumn<SliceRowCells, String> ciColumn;
    @FXML private TableColumn<SliceRowCells, String> gapColumn;
    @FXML private TableColumn<SliceRowCells, String> ratioColumn;

    private LiveChartsViewModel model;
    /** A column's property: the overall row's text it was last widened for (the same text needs no measuring). */
    private static final String FITTED = "twinbench.fitted";
    /** Whether a fit of the columns is queued (rows replaced one by one make one fit, not one each). */
    private boolean fitPending;
    /** The table's lines: one per row of the view model's table, kept while it has that many rows. */
    private final javafx.collections.ObservableList<SliceRowCells> lines =
            javafx.collections.FXCollections.observableArrayList();

    /**
     * Runs the live chart's code once before the first run ({@link ChartWarmUp}), a batch at a time on the FX thread,
     * and has this view's slice table make its rows and cells for the made-up run ({@link #prefill}); once in the
     * application's life. The window calls it once its first frame is drawn.
     */
    public void warmUp() {
        ChartWarmUp.start(this::prefill);
    }

    /**
     * Makes the slice table's rows and cells, and the slice picker's, before a run needs them: shows {@code madeUp}
     * lines in the table and their slices in the picker, has the view style and lay them out — rows, cells, check
     * boxes, their skins and styles, the flags and tooltips of the worst slices — and shows its own (empty) lines
     * and slices again, all in one event of the FX thread, so nothing of it is ever drawn. The table keeps the
     * cells, hidden, for a run's first rows to take, and the window's styles are worked out for them: otherwise
     * the first steps of the first run do all that in the window's pulses (gaps of 33–57 ms on this project's
     * 2-core test machine). Only while the table and the picker are empty and in a window's scene.
     */
    void prefill(java.util.List<SliceRowCells> madeUp) {
        if (!lines.isEmpty() || madeUp.isEmpty() || !slicePicker.getItems().isEmpty() || root.getScene() == null) {
            return;
        }
        sliceTable.setItems(javafx.collections.FXCollections.observableArrayList(madeUp));
        slicePicker.getItems().setAll(madeUp.stream().map(line -> line.sliceText().get()).distinct().toList());
        root.applyCss();
        root.layout();
        root.applyCss();
        slicePicker.getItems().clear();
        sliceTable.setItems(lines);
        root.layout();
    }

    public void bind(LiveChartsViewModel viewModel) {
        this.model = viewModel;
        metricBox.setItems(viewModel.metricNames());
        // A class's recall reads "recall of class class_1", not its measure's name.
        metricBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String metric) {
                return MetricChoices.label(metric);
            }

            @Override
            public String fromString(String text) {
                return viewModel.metricNames().stream().filter(m -> MetricChoices.label(m).equals(text)).findFirst()
                        .orElse(text);
            }
        });
        metricBox.valueProperty().bindBidirectional(viewModel.metricProperty());
        // A run of another task lists its metrics anew, taking the shown one out and back in: the box would
        // then show nothing though the chart shows that metric.
        viewModel.metricNames().addListener((ListChangeListener<String>) change -> {
            String shown = viewModel.metricProperty().get();
            if (shown != null && metricBox.getItems().contains(shown)
                    && !shown.equals(metricBox.getSelectionModel().getSelectedItem())) {
                metricBox.getSelectionModel().select(shown);
            }
        });
        reliabilityWindowBox.getItems().setAll(ReliabilityDiagram.WINDOWS);
        reliabilityWindowBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer window) {
                return window == null ? "" : ReliabilityDiagram.describeWindow(window);
            }

            @Override
            public Integer fromString(String text) {
                return ReliabilityDiagram.WINDOWS.stream().filter(w -> toString(w).equals(text)).findFirst().orElse(null);
            }
        });
        reliabilityWindowBox.valueProperty().bindBidirectional(viewModel.reliabilityWindowProperty());
        viewModel.revisionProperty().addListener((obs, old, now) -> redraw());
        // A run streams into every plot, but only the one on show is painted (the others when their tab is chosen).
        metricChart.drawOnlyWhile(metricTab.selectedProperty());
        driftHeatmap.drawOnlyWhile(driftTab.selectedProperty());
        reliabilityPlot.drawOnlyWhile(reliabilityTab.selectedProperty());
        SlicePicker.bind(slicePicker, viewModel.slices(), viewModel::shownProperty);
        MenuItem png = new MenuItem("Export chart as PNG…");
        png.setOnAction(event -> onExportPng());
        MenuItem csv = new MenuItem("Export chart data as CSV…");
        csv.setOnAction(event -> onExportCsv());
        MenuItem html = new MenuItem("Export HTML report of this run…");
        html.setOnAction(event -> onExportHtml());
        html.disableProperty().bind(viewModel.canReportProperty().not());
        ContextMenu menu = new ContextMenu(png, csv, new javafx.scene.control.SeparatorMenuItem(), html);
        chartTabs.setOnContextMenuRequested(event -> menu.show(chartTabs, event.getScreenX(), event.getScreenY()));
        sliceTable.setItems(lines);
        topSlicesList.bind(viewModel.topSlices());
        robustnessSummary.bind(viewModel.robustness());
        sliceColumn.setCellValueFactory(cell -> cell.getValue().sliceText());
        nColumn.setCellValueFactory(cell -> cell.getValue().rowsText());
        latestColumn.setCellValueFactory(cell -> cell.getValue().latestText());
        // The table's lines follow the view model's rows; the columns are fitted once per burst of replaced rows.
        viewModel.rows().addListener((ListChangeListener<SliceRow>) change -> showRows());
        viewModel.metricProperty().addListener((obs, old, now) -> showRows());
        viewModel.tableColumns().addListener((ListChangeListener<String>) change -> showRows());
        changeColumn.setCellValueFactory(cell -> cell.getValue().changeText());
        ciColumn.setCellValueFactory(cell -> cell.getValue().intervalText());
        javafx.scene.control.Label rowsHeader = explain(nColumn, "");
        // Its figures are short: without a least width a narrow table squeezed it to "..".
        fitHeader(nColumn, rowsHeader);
        explain(changeColumn, "Latest value minus the mean of the first " + SliceRow.BASELINE_STEPS + " steps");
        javafx.scene.control.Label intervalHeader = explain(ciColumn, "");
        viewModel.replicateBandsProperty().addListener((obs, old, banded) ->
                describeReplicates(rowsHeader, intervalHeader, banded));
        describeReplicates(rowsHeader, intervalHeader, viewModel.replicateBandsProperty().get());
        javafx.scene.control.Label changeHeader = (javafx.scene.control.Label) changeColumn.getGraphic();
        javafx.scene.control.Label gapHeader = explain(gapColumn, "");
        viewModel.tableColumns().addListener((ListChangeListener<String>) change ->
                showTaskColumns(viewModel.tableColumns(), changeHeader, gapHeader));
        showTaskColumns(viewModel.tableColumns(), changeHeader, gapHeader);
        fitHeader(ratioColumn, explain(ratioColumn, "Selection rate (share predicted positive) over the highest of "
                + "the slice's column; below 0.8 fails the four-fifths rule. Needs fairness on in the slice metrics node"));
        gapColumn.setCellValueFactory(cell -> cell.getValue().gapText());
        ratioColumn.setCellValueFactory(cell -> cell.getValue().ratioText());
        sliceTable.setRowFactory(table -> new SliceTableRow(viewModel));
        showRows();
        redraw();
        // A hidden tab's plot or list leaves the scene (each pulse visits every node in it) until its tab is chosen.
        org.twinbench.ui.fx.ShownTabContent.keepOnlyShown(chartTabs);
    }

    /** Task metric columns inserted after Rows, in place of Latest: none for a binary run. */
    private final java.util.List<TableColumn<SliceRowCells, String>> taskColumns = new java.util.ArrayList<>();

    /**
     * Gives a regression or multiclass table a column per task metric (the first the one change, worst slices
     * and gaps are judged on) in place of Latest, and hides the four-fifths ratio, which has no meaning without
     * a positive class, from a regression table; a binary table keeps Latest for the chosen metric.
     */
    private void showTaskColumns(java.util.List<String> names, javafx.scene.control.Label change,
                                 javafx.scene.control.Label gap) {
        sliceTable.getColumns().removeAll(taskColumns);
        taskColumns.clear();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<SliceRowCells, String> column = new TableColumn<>(header(names.get(i)));
            column.setId(names.get(i) + "Column");
            column.setPrefWidth(70);
            column.setCellValueFactory(cell -> cell.getValue().figureText(index));
            // The header whole ("Macro F1", not "Macr…") however narrow its figures are.
            fitHeader(column, explain(column, "Latest " + names.get(i) + " of the slice, beside the naive guess on "
                    + "its rows" + (i == 0 ? "; the worst slices and the gaps are judged on it" : "")));
            taskColumns.add(column);
        }
        sliceTable.getColumns().addAll(sliceTable.getColumns().indexOf(nColumn) + 1, taskColumns);
        latestColumn.setVisible(names.isEmpty());
        ratioColumn.setVisible(!names.equals(SliceTable.REGRESSION_COLUMNS));
        String judged = names.isEmpty() ? "" : " " + header(names.get(0));
        change.setText("Change" + judged);
        change.getTooltip().setText("Latest" + (names.isEmpty() ? " value" : judged) + " minus the mean of the first "
                + SliceRow.BASELINE_STEPS + " steps");
        gap.setText("Gap to best" + judged);
        fitHeader(changeColumn, change);
        fitHeader(gapColumn, gap);
        gap.getTooltip().setText("Latest" + (names.isEmpty() ? " value" : judged) + " minus the best slice's latest"
                + (SliceTable.lowerIsBetter(names.isEmpty() ? "" : names.get(0)) ? " (the lowest error)" : ""));
    }

    /**
     * Brings the table's lines up to the view model's rows: a line whose row did not change formats nothing and
     * fires nothing; lines are added or taken off at the end only when the number of rows changes. The columns
     * are then widened for any text that grew, once per burst of changes (rows are replaced one by one).
     */
    private void showRows() {
        java.util.List<SliceRow> rows = model.rows();
        String metric = model.tableMetric();
        java.util.List<String> columns = model.tableColumns();
        if (lines.size() > rows.size()) {
            lines.remove(rows.size(), lines.size());
        }
        java.util.List<SliceRowCells> added = new java.util.ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < rows.size(); i++) {
            SliceRowCells line = i < lines.size() ? lines.get(i) : new SliceRowCells();
            changed |= line.show(rows.get(i), metric, columns);
            if (i >= lines.size()) {
                added.add(line);
            }
        }
        lines.addAll(added);
        if (changed && !fitPending) {
            fitPending = true;
            javafx.application.Platform.runLater(() -> {
                fitPending = false;
                fitFigures();
            });
        }
    }

    /** Widens the columns so every row's figures, with their guess and recall, its interval and its name show whole. */
    private void fitFigures() {
        String latest = "";
        String interval = "";
        String slice = "";
        String[] tasks = new String[taskColumns.size()];
        java.util.Arrays.fill(tasks, "");
        for (SliceRowCells line : lines) {
            latest = longer(latest, line.latestText().get());
            interval = longer(interval, line.intervalText().get());
            slice = longer(slice, line.sliceText().get());
            for (int i = 0; i < tasks.length; i++) {
                tasks[i] = longer(tasks[i], line.figureText(i).get());
            }
        }
        javafx.scene.Node cell = sliceTable.lookup(".table-cell");
        javafx.scene.text.Font font = cell instanceof javafx.scene.control.Labeled labeled ? labeled.getFont()
                : javafx.scene.text.Font.getDefault();
        fitText(latestColumn, latest, font);
        fitText(ciColumn, interval, font);
        fitText(sliceColumn, slice, font);
        for (int i = 0; i < tasks.length; i++) {
            fitText(taskColumns.get(i), tasks[i], font);
        }
    }

    private static String longer(String a, String b) {
        return b.length() > a.length() ? b : a;
    }

    /** Widens a column (its minimum: the table's columns are constrained) so {@code text} shows whole in a cell. */
    private void fitText(TableColumn<?, ?> column, String text, javafx.scene.text.Font font) {
        if (text.equals(column.getProperties().get(FITTED))) {
            return;
        }
        column.getProperties().put(FITTED, text);
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        double needed = Math.ceil(probe.getLayoutBounds().getWidth()) + 24;
        if (column.getMinWidth() < needed) {
            column.setMinWidth(needed);
        }
        if (column.getPrefWidth() < needed) {
            column.setPrefWidth(needed);
        }
    }

    /** A task metric's column title. */
    static String header(String metric) {
        return switch (metric) {
            case "rmse" -> "RMSE";
            case "mae" -> "MAE";
            case "r2" -> "R²";
            case "accuracy" -> "Accuracy";
            case "macro_f1" -> "Macro F1";
            default -> metric;
        };
    }

    /** Hands the view model's current curves and markers to the plot: one canvas redraw. */
    private void redraw() {
        metricChart.setStepNames(model::windowStart);
        metricChart.show(model.curves(), model.alarms(), lowerBound(model.lowestProperty().get()),
                upperBound(model.highestProperty().get()), MetricChoices.label(model.metricProperty().get()));
        if (driftHeatmap.heatmap() != model.driftHeatmap()) {
            driftHeatmap.show(model.driftHeatmap());
        }
        if (!reliabilityPlot.diagram().equals(model.reliability())) {
            reliabilityPlot.show(model.reliability());
        }
    }

    /** Sets the step axis to the run's length. */
    public void setSteps(int steps) {
        metricChart.setSteps(steps);
        driftHeatmap.setSteps(steps);
    }

    /** A margin of one twentieth below the lowest point; never below 0 for the [0, 1] metrics. */
    public static double lowerBound(double lowest) {
        return Double.isNaN(lowest) ? 0.5 : Math.max(lowest >= 0 ? 0 : lowest - 1, Math.floor(lowest * 20 - 1) / 20);
    }

    /** A margin above the highest point; capped at 1 while every value is a share. */
    public static double upperBound(double highest) {
        double bound = Double.isNaN(highest) ? 1.0 : Math.ceil(highest * 20 + 1) / 20;
        return !Double.isNaN(highest) && highest <= 1 ? Math.min(1.0, bound) : bound;
    }

    /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code rough}. */
    public static double niceTick(double rough) {
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

    /** Puts the column's title in a label with a tooltip that says what the column holds. */
    /** Widens a column so its header is never cut short ("Gap to best RMSE"); the table scrolls sideways instead. */
    private static void fitHeader(TableColumn<?, ?> column, javafx.scene.control.Label header) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(header.getText());
        probe.setFont(header.getFont());
        double needed = Math.ceil(probe.getLayoutBounds().getWidth()) + 24;
        column.setMinWidth(needed);
        if (column.getPrefWidth() < needed) {
            column.setPrefWidth(needed);
        }
    }

    private static javafx.scene.control.Label explain(TableColumn<?, ?> column, String tip) {
        javafx.scene.control.Label header = new javafx.scene.control.Label(column.getText());
        header.setTooltip(new Tooltip(tip));
        column.setText("");
        column.setGraphic(header);
        return header;
    }

    /**
     * With replicates the table shows means over replicates, and its interval is their 90% band;
     * with one replicate, the 95% Wilson interval of the latest accuracy.
     */
    static void describeReplicates(javafx.scene.control.Label rows, javafx.scene.control.Label interval,
                                   boolean banded) {
        rows.getTooltip().setText(banded ? "Rows of the slice at the latest step all replicates reached "
                + "(mean per replicate)" : "Rows of the slice at the latest step");
        interval.setText(banded ? "90% band" : "95% CI");
        interval.getTooltip().setText(banded ? "90% band over the replicates: 5th to 95th percentile of the latest "
                + "value; Latest, Change, Gap to best and 4/5 ratio are means over the replicates"
                : "95% Wilson interval of the latest accuracy");
    }

    @FXML
    private void onExportPng() {
        choose("PNG image", "*.png", "chart.png", file -> {
            javafx.scene.Node content = chartTabs.getSelectionModel().getSelectedItem().getContent();
            // The diagram without its window control.
            javafx.scene.Node chart = content == reliabilityPane ? reliabilityPlot : content;
            BufferedImage image = SwingFXUtils.fromFXImage(chart.snapshot(null, null), null);
            model.exportPng(image, file);
        });
    }

    @FXML
    private void onExportCsv() {
        choose("CSV table", "*.csv", "steps.csv", file -> model.exportCsvInBackground(file));
    }

    /** Asks where to save the run's HTML report, writes it in the background, then offers to open it. */
    public void onExportHtml() {
        choose("HTML report", "*.html", "report.html", file -> model.exportHtmlReport(file, this::offerToOpen));
    }

    private void offerToOpen(Path file) {
        javafx.scene.control.ButtonType open = new javafx.scene.control.ButtonType("Open in browser",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                "Saved the report as " + file + ".", open, javafx.scene.control.ButtonType.CLOSE);
        alert.setHeaderText("Report saved");
        alert.initOwner(root.getScene().getWindow());
        alert.setOnHidden(event -> {
            if (alert.getResult() == open) {
                model.openInBrowser(file);
            }
        });
        alert.show();
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
