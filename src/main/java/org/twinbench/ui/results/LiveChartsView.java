package org.twinbench.ui.results;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import org.controlsfx.control.CheckComboBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Controller of {@code fxml/LiveChartsView.fxml}: the live metric chart (a {@link MetricPlot}) and slice table of a run. */
public final class LiveChartsView {

    private static final PseudoClass WORST = PseudoClass.getPseudoClass("worst");
    private static final PseudoClass UNFAIR = PseudoClass.getPseudoClass("four-fifths");
    /** A row whose judged figure is no better than the naive baseline on its own rows. */
    private static final PseudoClass NO_BETTER = PseudoClass.getPseudoClass("no-better");

    @FXML private VBox root;
    @FXML private ComboBox<String> metricBox;
    @FXML private CheckComboBox<String> slicePicker;
    @FXML private MetricPlot metricChart;
    @FXML private DriftHeatmapPlot driftHeatmap;
    @FXML private ReliabilityPlot reliabilityPlot;
    @FXML private javafx.scene.layout.BorderPane reliabilityPane;
    @FXML private ComboBox<Integer> reliabilityWindowBox;
    @FXML private javafx.scene.control.TabPane chartTabs;
    @FXML private TableView<SliceRow> sliceTable;
    @FXML private TopSlicesList topSlicesList;
    @FXML private RobustnessSummary robustnessSummary;
    @FXML private TableColumn<SliceRow, String> sliceColumn;
    @FXML private TableColumn<SliceRow, String> nColumn;
    @FXML private TableColumn<SliceRow, String> latestColumn;
    @FXML private TableColumn<SliceRow, String> changeColumn;
    @FXML private TableColumn<SliceRow, String> ciColumn;
    @FXML private TableColumn<SliceRow, String> gapColumn;
    @FXML private TableColumn<SliceRow, String> ratioColumn;

    private LiveChartsViewModel model;
    /** A column's property: the overall row's text it was last widened for (the same text needs no measuring). */
    private static final String FITTED = "twinbench.fitted";
    /** Whether a fit of the columns is queued (rows replaced one by one make one fit, not one each). */
    private boolean fitPending;

    public void bind(LiveChartsViewModel viewModel) {
        this.model = viewModel;
        ChartWarmUp.start();
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
        sliceTable.setItems(viewModel.rows());
        topSlicesList.bind(viewModel.topSlices());
        robustnessSummary.bind(viewModel.robustness());
        sliceColumn.setCellValueFactory(cell -> text(cell.getValue().slice()));
        nColumn.setCellValueFactory(cell -> text(Integer.toString(cell.getValue().n())));
        latestColumn.setCellValueFactory(cell -> text(figure(cell.getValue(), viewModel.metricProperty().get(),
                cell.getValue().latest())));
        // The table replaces each changed row on its own: the columns are fitted once per burst of replaced rows.
        viewModel.rows().addListener((ListChangeListener<SliceRow>) change -> {
            if (!fitPending) {
                fitPending = true;
                javafx.application.Platform.runLater(() -> {
                    fitPending = false;
                    fitFigures();
                });
            }
        });
        changeColumn.setCellValueFactory(cell -> text(signed(cell.getValue().change())));
        ciColumn.setCellValueFactory(cell -> text(Double.isNaN(cell.getValue().ciLow()) ? "—"
                : "[" + number(cell.getValue().ciLow()) + ", " + number(cell.getValue().ciHigh()) + "]"));
        javafx.scene.control.Label rowsHeader = explain(nColumn, "");
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
        gapColumn.setCellValueFactory(cell -> text(signed(cell.getValue().gapToBest())));
        ratioColumn.setCellValueFactory(cell -> text(ratio(cell.getValue())));
        sliceTable.setRowFactory(table -> new TableRow<>() {
            /**
             * The row's tooltip, made the first time the row needs one and then changed in place: a
             * Tooltip is a popup window to build and style, too dear to make per update.
             */
            private Tooltip tooltip;

            @Override
            protected void updateItem(SliceRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean worst = !empty && row != null && row.worst();
                boolean unfair = !empty && row != null && row.failsFourFifths();
                boolean noBetter = !empty && row != null && row.noBetterThanGuess(viewModel.tableMetric());
                pseudoClassStateChanged(WORST, worst);
                pseudoClassStateChanged(UNFAIR, unfair);
                pseudoClassStateChanged(NO_BETTER, noBetter);
                String why = String.join("\n", java.util.stream.Stream.of(
                        worst ? "Among the worst slices for " + viewModel.tableMetric() : "",
                        unfair ? "Predicted positive less than four fifths as often as the most-selected "
                                + "slice of its column (four-fifths rule)" : "",
                        noBetter ? noBetterWords(row, viewModel.tableMetric()) : "")
                        .filter(line -> !line.isEmpty()).toList());
                if (tooltip == null && !why.isEmpty()) {
                    tooltip = new Tooltip();
                }
                if (tooltip != null && !why.equals(tooltip.getText())) {
                    tooltip.setText(why);
                }
                Tooltip wanted = why.isEmpty() ? null : tooltip;
                if (getTooltip() != wanted) {
                    setTooltip(wanted);
                }
            }
        });
        redraw();
    }

    /** Task metric columns inserted after Rows, in place of Latest: none for a binary run. */
    private final java.util.List<TableColumn<SliceRow, String>> taskColumns = new java.util.ArrayList<>();

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
            TableColumn<SliceRow, String> column = new TableColumn<>(header(names.get(i)));
            column.setId(names.get(i) + "Column");
            column.setPrefWidth(70);
            column.setCellValueFactory(cell -> text(cell.getValue().figures().size() > index
                    ? figure(cell.getValue(), names.get(index), cell.getValue().figures().get(index)) : "—"));
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
     * A figure of the table, with the naive baseline on the row's own rows beside it ("0.838 (guess 0.803)",
     * "0.700 (guess 0.760: no better)" when the figure is not better) and, on a binary run's overall row, the
     * positive class's recall ("…, recall 0.331").
     */
    static String figure(SliceRow row, String metric, double value) {
        double naive = row.guess(metric);
        boolean noBetter = !Double.isNaN(naive) && !Double.isNaN(value)
                && (SliceTable.lowerIsBetter(metric) ? value >= naive : value <= naive);
        String guess = Double.isNaN(naive) ? "" : " (guess " + number(naive) + (noBetter ? ": no better)" : ")");
        String recall = Double.isNaN(row.recall()) || !row.figures().isEmpty() ? "" : ", recall " + number(row.recall());
        return number(value) + guess + recall;
    }

    /** The row's tooltip line when its judged figure is no better than guessing on its rows. */
    static String noBetterWords(SliceRow row, String metric) {
        String guess = "accuracy".equals(metric) ? "always answering the majority class"
                : "always predicting the mean";
        return "No better than " + guess + " on the same rows: " + header(metric) + " " + number(row.latest())
                + " against " + number(row.guess(metric));
    }

    /** Widens the columns so every row's figures, with their guess and recall, its interval and its name show whole. */
    private void fitFigures() {
        String latest = "";
        String interval = "";
        String slice = "";
        String[] tasks = new String[taskColumns.size()];
        java.util.Arrays.fill(tasks, "");
        for (SliceRow row : model.rows()) {
            latest = longer(latest, figure(row, model.metricProperty().get(), row.latest()));
            interval = longer(interval, String.valueOf(ciColumn.getCellObservableValue(row).getValue()));
            slice = longer(slice, row.slice());
            for (int i = 0; i < tasks.length && i < row.figures().size(); i++) {
                tasks[i] = longer(tasks[i], figure(row, model.tableColumns().get(i), row.figures().get(i)));
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

    private static ReadOnlyObjectWrapper<String> text(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** The selection-rate ratio, with the four-fifths flag spelled out. */
    static String ratio(SliceRow row) {
        if (Double.isNaN(row.selectionRatio())) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", row.selectionRatio()) + (row.failsFourFifths() ? " < 0.8" : "");
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.3f", value);
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
