package org.twinbench.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.ui.fx.FxCoalescer;

/**
 * The live results of a run: one chosen metric per slice over steps (decimated for display, with
 * the label-free estimate of it where a monitor makes one and the naive baseline, {@link LiveCurves}), which slices are shown, and the slice
 * table. Fed on the FX thread with batches of step results (see {@link FxCoalescer}); the chart
 * redraws once per {@link #revisionProperty() revision}. Needs no running toolkit to be tested.
 */
public final class LiveChartsViewModel {

    /**
     * While steps stream in, the slice table changes at most this often: figures that change 30
     * times a second cannot be read, and every change lays the table's rows out again.
     */
    static final long TABLE_INTERVAL_NANOS = 250_000_000L;

    private final MetricHistory history = new MetricHistory();
    /** Every step so far, kept so an export is exactly a run's {@code steps.csv}. */
    private final List<StepResult> results = new ArrayList<>();
    private final WorstSlices topSlices = new WorstSlices();
    private final javafx.beans.property.ObjectProperty<org.twinbench.sim.RunRobustness> robustness =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final StringProperty metric = new SimpleStringProperty("accuracy");
    private final BooleanProperty baselineShown = new SimpleBooleanProperty(true);
    private List<ChartCurve> curves = List.of();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ObservableList<String> slices = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> shown = new HashMap<>();
    private final ObservableList<SliceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> metricNames = FXCollections.observableArrayList(MetricSet.NAMES);
    private final ObservableList<String> tableColumns = FXCollections.observableArrayList();
    private final ObservableList<Alarm> alarms = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper lowest = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper highest = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ResultExports exports;
    /** Brings the slice table up to date at most every {@link #TABLE_INTERVAL_NANOS}; null: every batch. */
    private final FxCoalescer<Boolean> tablePacer;
    /** Every replicate's steps and their bands; used when a run has more than one replicate. */
    private final ReplicateBands bands = new ReplicateBands();
    /** Alarms of every replicate, one marker per (step, node, kind). */
    private final ReplicateMarkers markers = new ReplicateMarkers();
    private int replicates = 1;
    private final javafx.beans.property.ReadOnlyBooleanWrapper banded = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** The run's feature-drift monitors: node id to alarm threshold. */
    private Map<String, Double> driftMonitors = Map.of();
    private DriftHeatmap heatmap = DriftHeatmap.EMPTY;
    private ReliabilityDiagram reliability = ReliabilityDiagram.empty(ReliabilityDiagram.DEFAULT_WINDOW);
    /** How many of the last steps the reliability diagram pools ({@link ReliabilityDiagram#WHOLE_RUN}: all). */
    private final ObjectProperty<Integer> reliabilityWindow = new SimpleObjectProperty<>(ReliabilityDiagram.DEFAULT_WINDOW);
    private final javafx.beans.property.ReadOnlyBooleanWrapper canReport = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private Path runScenarioFile;
    private org.twinbench.sim.SimulationPlan runPlan;

    /**
     * @param background where files are written (the app executor)
     * @param fxThread where results of background work are reported
     */
    public LiveChartsViewModel(Executor background, Executor fxThread) {
        this(background, fxThread, TABLE_INTERVAL_NANOS);
    }

    /**
     * @param tableIntervalNanos how often the slice table follows streaming steps; 0 updates it
     *        with every batch (tests that feed batches on one thread)
     */
    public LiveChartsViewModel(Executor background, Executor fxThread, long tableIntervalNanos) {
        this.tablePacer = tableIntervalNanos <= 0 ? null
                : FxCoalescer.<Boolean>onPulses(fxThread, tableIntervalNanos, due -> updateRows());
        this.exports = new ResultExports(background, fxThread, message::set);
        metric.addListener((obs, old, now) -> {
            if (now == null) {
                // A combo box that loses its items clears its value; keep showing a metric.
                metric.set(old != null ? old : "accuracy");
            } else {
                refresh();
            }
        });
        baselineShown.addListener((obs, old, now) -> refresh());
        reliabilityWindow.addListener((obs, old, now) -> {
            if (now == null || now < 1) {
                reliabilityWindow.set(old != null && old >= 1 ? old : ReliabilityDiagram.DEFAULT_WINDOW);
            } else {
                reliability = reliabilityOver(now);
                revision.set(revision.get() + 1);
            }
        });
    }

    /** Writes a chart image as PNG (temp file, then rename) on the background executor. */
    public void exportPng(java.awt.image.BufferedImage image, Path file) {
        exports.png(image, file);
    }

    /** Takes a copy of the values now and writes them as CSV on the background executor. */
    public void exportCsvInBackground(Path file) {
        List<List<StepResult>> snapshot = stepsByReplicate();
        exports.inBackground(file, () -> ResultExports.csv(snapshot, file), null);
    }

    /** Writes the run's values so far exactly as {@code run} writes {@code steps.csv}, atomically. */
    public void exportCsv(Path file) throws IOException {
        ResultExports.csv(stepsByReplicate(), file);
    }

    /** Every replicate's steps so far (just replicate 0's in a run without replicates). */
    private List<List<StepResult>> stepsByReplicate() {
        return replicates > 1 ? bands.replicateSteps() : List.of(List.copyOf(results));
    }

    /** The run whose steps arrive next (its plan names the data, model and seed for a report). */
    public void setRun(Path scenarioFile, org.twinbench.sim.SimulationPlan plan) {
        this.runScenarioFile = scenarioFile == null ? Path.of("untitled.twin.json") : scenarioFile;
        this.runPlan = plan;
        canReport.set(plan != null && !results.isEmpty());
        setDriftMonitors(plan == null ? Map.of() : DriftHeatmap.monitorsOf(plan.scenario()));
    }

    /**
     * Shows a finished run's results, e.g. one reopened from the run store, as they stood when it
     * ended: every replicate's steps at once, the heatmap of the scenario's feature-drift monitors.
     * There is no plan to report on, so the HTML report stays with the run history's export.
     */
    public void showRun(org.twinbench.sim.RunOutcome outcome, org.twinbench.scenario.Scenario scenario) {
        clear();
        topSlices.show(outcome.findings());
        robustness.set(outcome.robustness());
        setReplicates(outcome.replicates().size());
        driftMonitors = scenario == null ? Map.of() : Map.copyOf(DriftHeatmap.monitorsOf(scenario));
        accept(outcome.replicates().stream().flatMap(List::stream).toList());
        flush();
    }

    /** Which measures are a feature-drift monitor's (node id to threshold), for the heatmap. */
    void setDriftMonitors(Map<String, Double> monitors) {
        driftMonitors = Map.copyOf(monitors);
        refresh();
    }

    /** Feature × step drift so far (empty without a feature-drift monitor). */
    public DriftHeatmap driftHeatmap() {
        return heatmap;
    }

    /** The reliability diagram of the last {@link #reliabilityWindowProperty() window} steps, over every replicate. */
    public ReliabilityDiagram reliability() {
        return reliability;
    }

    /** How many of the last steps the reliability diagram pools; changing it re-pools at once. */
    public ObjectProperty<Integer> reliabilityWindowProperty() {
        return reliabilityWindow;
    }

    /** Whether there is a run to report on: a compiled plan and at least one step. */
    public javafx.beans.property.ReadOnlyBooleanProperty canReportProperty() {
        return canReport.getReadOnlyProperty();
    }

    /** Writes the run's HTML report so far, atomically, off the FX thread; {@code then} gets the file on it. */
    public void exportHtmlReport(Path file, java.util.function.Consumer<Path> then) {
        if (!canReport.get()) {
            message.set("No run to report on yet: run the scenario first");
            return;
        }
        List<List<StepResult>> snapshot = stepsByReplicate();
        int count = replicates;
        Path scenarioFile = runScenarioFile;
        org.twinbench.sim.SimulationPlan plan = runPlan;
        exports.inBackground(file, () -> ResultExports.html(snapshot, count, scenarioFile, plan, file), then);
    }

    /** Opens a saved report with the desktop's browser on the background executor (AWT may block). */
    public void openInBrowser(Path file) {
        exports.browse(file);
    }

    /** The outcome of the last export, for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * How many replicates the next run has: with more than one, each curve is the mean over the
     * replicates with its 90% band, drawn up to the last step every replicate has reached.
     */
    public void setReplicates(int count) {
        replicates = Math.max(1, count);
        refresh();
    }

    /**
     * Whether the results show several replicates (every one of them has made a step): then the
     * curves and the slice table show the mean over replicates, and the table's interval is the
     * replicates' 90% band.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty replicateBandsProperty() {
        return banded.getReadOnlyProperty();
    }

    /** A step's calendar window start (from the run's plan, or a reopened run's steps); null for row-count steps. */
    public String windowStart(int step) {
        if (runPlan != null) {
            return step >= 0 && step < runPlan.steps() ? runPlan.source().windowStart(step) : null;
        }
        return step >= 0 && step < results.size() ? results.get(step).windowStart() : null;
    }

    /** The worst slices the last run found, each beside the naive guess on its rows (none until a run finishes). */
    public WorstSlices topSlices() {
        return topSlices;
    }

    /** The robustness profile of the last run with a robustness node (null until one finishes). */
    public javafx.beans.property.ObjectProperty<org.twinbench.sim.RunRobustness> robustness() {
        return robustness;
    }

    public void clear() {
        topSlices.clear();
        robustness.set(null);
        bands.clear();
        markers.clear();
        history.clear();
        results.clear();
        alarms.clear();
        metricNames.setAll(MetricSet.NAMES);
        tableColumns.clear();
        slices.clear();
        shown.clear();
        rows.clear();
        runPlan = null;
        canReport.set(false);
        refresh();
    }

    /**
     * Takes a batch of results (in step order) and updates the curves once; the slice table follows
     * at most every {@link #TABLE_INTERVAL_NANOS} (and at once on {@link #flush()}).
     */
    public void accept(List<StepResult> batch) {
        for (StepResult result : batch) {
            bands.add(result);
            if (result.replicate() == 0) {
                history.add(result);
                results.add(result);
            }
            for (Alarm alarm : result.alarms()) {
                markers.add(alarm, replicates, alarms);
            }
        }
        canReport.set(runPlan != null && !results.isEmpty());
        if (!batch.isEmpty()) {
            List<String> columns = SliceTable.taskColumns(batch.get(0).overall().names());
            if (!columns.equals(tableColumns)) {
                tableColumns.setAll(columns);
            }
        }
        MetricChoices.follow(metricNames, batch.isEmpty() ? null : batch.get(0).overall().names(), history.metrics(),
                metric);
        for (String slice : history.slices()) {
            if (!shown.containsKey(slice)) {
                BooleanProperty visible = new SimpleBooleanProperty(true);
                visible.addListener((obs, old, now) -> refresh());
                shown.put(slice, visible);
                slices.add(slice);
            }
        }
        refreshCharts();
        if (tablePacer == null) {
            updateRows();
        } else {
            tablePacer.offer(Boolean.TRUE);
        }
        revision.set(revision.get() + 1);
    }

    public BooleanProperty shownProperty(String slice) {
        return shown.computeIfAbsent(slice, key -> new SimpleBooleanProperty(true));
    }

    /** Recomputes the curves (and the table) now; called when a run ends. */
    public void flush() {
        refresh();
    }

    private void refresh() {
        refreshCharts();
        updateRows();
        revision.set(revision.get() + 1);
    }

    /**
     * Whether the results show the replicates' means and bands: when the run has several and every
     * one of them has made a step. Until then (the window runs replicates one after another on a
     * small machine) they show the first replicate as it goes, rather than nothing.
     */
    private boolean showingBands() {
        return replicates > 1 && bands.allStarted(replicates);
    }

    private void refreshCharts() {
        banded.set(showingBands());
        if (driftMonitors.isEmpty()) {
            heatmap = DriftHeatmap.EMPTY;
        } else {
            heatmap = DriftHeatmap.of(showingBands() ? bands.measureMeans() : history, driftMonitors);
        }
        reliability = reliabilityOver(reliabilityWindow.get());
        updateCurves();
    }

    /**
     * The reliability diagram of the last {@code window} steps; with replicates, pooled over all of
     * them up to the last step every replicate has reached (as the curves' bands are).
     */
    private ReliabilityDiagram reliabilityOver(int window) {
        return showingBands() ? ReliabilityDiagram.ofReplicates(bands.replicateStepsView(), window)
                : ReliabilityDiagram.of(results, window);
    }

    /** The chosen metric's curves ({@link LiveCurves}), and the value range they span. */
    private void updateCurves() {
        String chosen = metric.get();
        List<ChartCurve> fresh = LiveCurves.of(history, chosen, slices, slice -> shown.get(slice).get(),
                showingBands() ? bands.bands(chosen, replicates) : null, baselineShown.get(),
                runPlan == null ? 0 : runPlan.steps());
        // A share no metric set names (an attacker's fidelity) spans 0 to 1, not the range of its values.
        double[] range = org.twinbench.sim.ShareMeasures.isShare(chosen) ? new double[] {0, 1}
                : ChartCurve.range(fresh);
        curves = Collections.unmodifiableList(fresh);
        lowest.set(range[0]);
        highest.set(range[1]);
    }

    /** The slice table now ({@link SliceTable#of}), replacing only the rows whose values changed. */
    private void updateRows() {
        SliceTable.replaceChanged(rows, SliceTable.of(history, bands, showingBands(), replicates, slices, tableMetric(),
                tableColumns));
    }

    /** The steps so far (replicate 0), oldest first. */
    public List<StepResult> results() {
        return Collections.unmodifiableList(results);
    }

    public StringProperty metricProperty() {
        return metric;
    }

    /**
     * Whether the chart draws the naive baseline beside the metric (true unless turned off: the presenter's
     * chapters draw only the curves their story names).
     */
    public BooleanProperty baselineShownProperty() {
        return baselineShown;
    }

    /**
     * The curves to draw now: overall, the worst shown slices, the others' mean, then estimates and the
     * baseline. Replaced on each revision.
     */
    public List<ChartCurve> curves() {
        return curves;
    }

    /** Grows by one each time the curves or the table are recomputed (at most once per batch). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObservableList<String> slices() {
        return slices;
    }

    public ObservableList<SliceRow> rows() {
        return rows;
    }

    public ReadOnlyDoubleProperty lowestProperty() {
        return lowest.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty highestProperty() {
        return highest.getReadOnlyProperty();
    }

    /**
     * The task metrics the slice table shows in their own columns (rmse, mae, r2 for a regression; accuracy,
     * macro_f1 for a multiclass model); empty for a binary run, whose table follows the chosen metric.
     */
    public ObservableList<String> tableColumns() {
        return tableColumns;
    }

    /** The metric the slice table's change, worst slices and gaps are judged on: the first task column, or the chosen metric. */
    public String tableMetric() {
        return tableColumns.isEmpty() ? metric.get() : tableColumns.get(0);
    }

    public ObservableList<String> metricNames() {
        return metricNames;
    }

    /**
     * Alarms and policy actions so far, for markers on the time axis: with replicates, those of
     * every replicate, one per (step, node, kind), each saying how many replicates raised it.
     */
    public ObservableList<Alarm> alarms() {
        return alarms;
    }

    MetricHistory history() {
        return history;
    }
}
