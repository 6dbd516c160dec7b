package org.twinbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.twinbench.data.SampleData;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;

/**
 * The live results of a run: one chosen metric per slice over steps (decimated for display), which
 * slices are shown, and the slice table. Fed on the FX thread with batches of step results (see
 * {@link FxCoalescer}); needs no running toolkit to be tested.
 */
public final class LiveChartsViewModel {

    /** Buckets of the display decimation: at most about three points per bucket are drawn. */
    static final int DISPLAY_BUCKETS = 200;
    /** Metrics where lower is better; for the others higher is better. */
    static final Set<String> LOWER_IS_BETTER = Set.of("log_loss", "brier", "ece");

    private final MetricHistory history = new MetricHistory();
    /** Every step so far, kept so an export is exactly a run's {@code steps.csv}. */
    private final List<StepResult> results = new ArrayList<>();
    private final StringProperty metric = new SimpleStringProperty("accuracy");
    private final ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
    private final Map<String, XYChart.Series<Number, Number>> seriesBySlice = new HashMap<>();
    /** Long (decimated) curves are redrawn at most this often. */
    static final long REDRAW_NANOS = 250_000_000L;
    /** Per shown slice, when its decimated curve was last redrawn. */
    private final Map<String, Long> redrawnAt = new HashMap<>();
    /** Per shown slice, how many history points its line reflects. */
    private final Map<String, Integer> drawn = new HashMap<>();
    private final ObservableList<String> slices = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> shown = new HashMap<>();
    private final ObservableList<SliceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> metricNames = FXCollections.observableArrayList(MetricSet.NAMES);
    private final ObservableList<org.twinbench.sim.Alarm> alarms = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper lowest = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper highest = new ReadOnlyDoubleWrapper(Double.NaN);

    private final javafx.beans.property.ReadOnlyStringWrapper message = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final java.util.concurrent.Executor background;
    private final java.util.concurrent.Executor fxThread;

    /**
     * @param background where files are written (the app executor)
     * @param fxThread where results of background work are reported
     */
    public LiveChartsViewModel(java.util.concurrent.Executor background, java.util.concurrent.Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
        metric.addListener((obs, old, now) -> {
            if (now == null) {
                // A combo box that loses its items clears its value; keep showing a metric.
                metric.set(old != null ? old : "accuracy");
            } else {
                rebuildSeries();
            }
        });
    }

    /** Writes a chart image as PNG (temp file, then rename) on the background executor. */
    public void exportPng(java.awt.image.BufferedImage image, Path file) {
        background.execute(() -> report(file, () -> {
            Path dir = file.toAbsolutePath().getParent();
            Path temp = java.nio.file.Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                if (!javax.imageio.ImageIO.write(image, "png", temp.toFile())) {
                    throw new IOException("no PNG writer available");
                }
                java.nio.file.Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                java.nio.file.Files.deleteIfExists(temp);
            }
        }));
    }

    /** Takes a copy of the values now and writes them as CSV on the background executor. */
    public void exportCsvInBackground(Path file) {
        List<StepResult> snapshot = List.copyOf(results);
        background.execute(() -> report(file, () -> writeCsv(snapshot, file)));
    }

    /** Something that writes a file. */
    private interface FileWrite {
        void run() throws IOException;
    }

    private void report(Path file, FileWrite write) {
        String outcome;
        try {
            write.run();
            outcome = "Saved " + file;
        } catch (IOException | RuntimeException e) {
            outcome = "Could not save " + file + ": " + e.getMessage();
        }
        String text = outcome;
        fxThread.execute(() -> message.set(text));
    }

    /** The outcome of the last export, for the status bar. */
    public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void clear() {
        history.clear();
        results.clear();
        alarms.clear();
        metricNames.retainAll(MetricSet.NAMES);
        series.clear();
        seriesBySlice.clear();
        drawn.clear();
        redrawnAt.clear();
        slices.clear();
        shown.clear();
        rows.clear();
        lowest.set(Double.NaN);
        highest.set(Double.NaN);
    }

    /** Takes a batch of results (in step order) and updates series and table once. */
    public void accept(List<StepResult> batch) {
        for (StepResult result : batch) {
            history.add(result);
            results.add(result);
            alarms.addAll(result.alarms());
        }
        for (String name : history.metrics()) {
            if (!metricNames.contains(name)) {
                metricNames.add(name);
            }
        }
        for (String slice : history.slices()) {
            if (!shown.containsKey(slice)) {
                BooleanProperty visible = new SimpleBooleanProperty(true);
                visible.addListener((obs, old, now) -> rebuildSeries());
                shown.put(slice, visible);
                slices.add(slice);
            }
        }
        updateSeries();
        updateRows();
    }

    public BooleanProperty shownProperty(String slice) {
        return shown.computeIfAbsent(slice, key -> new SimpleBooleanProperty(true));
    }

    private void rebuildSeries() {
        series.clear();
        seriesBySlice.clear();
        drawn.clear();
        redrawnAt.clear();
        lowest.set(Double.NaN);
        highest.set(Double.NaN);
        updateSeries();
        updateRows();
    }

    private void updateSeries() {
        for (String slice : slices) {
            MetricHistory.Series values = history.series(metric.get(), slice);
            if (values == null || !shown.get(slice).get()) {
                XYChart.Series<Number, Number> hidden = seriesBySlice.remove(slice);
                drawn.remove(slice);
                if (hidden != null) {
                    series.remove(hidden);
                }
                continue;
            }
            XYChart.Series<Number, Number> line = seriesBySlice.computeIfAbsent(slice, key -> {
                XYChart.Series<Number, Number> created = new XYChart.Series<>();
                created.setName(key);
                series.add(created);
                return created;
            });
            if (values.size() > 3 * DISPLAY_BUCKETS && !redrawDue(slice)) {
                // A decimated curve moves by less than a pixel per batch: redraw it a few times a second only.
                continue;
            }
            drawn.put(slice, fill(line, values, drawn.getOrDefault(slice, 0)));
        }
    }

    /** Redraws every curve now, e.g. when a run has ended and no further batch will come. */
    public void flush() {
        redrawnAt.clear();
        updateSeries();
    }

    private boolean redrawDue(String slice) {
        long now = System.nanoTime();
        Long last = redrawnAt.get(slice);
        if (last != null && now - last < REDRAW_NANOS) {
            return false;
        }
        redrawnAt.put(slice, now);
        return true;
    }

    /**
     * Appends new points while the series is short; past that, redraws it decimated. Returns how
     * many of the history's points the line now reflects.
     */
    private int fill(XYChart.Series<Number, Number> line, MetricHistory.Series values, int drawnBefore) {
        int[] keep = Decimator.select(values, DISPLAY_BUCKETS);
        boolean undecimated = keep.length == values.size();
        ObservableList<XYChart.Data<Number, Number>> data = line.getData();
        int drawn = drawnBefore;
        if (undecimated && drawn <= values.size() && data.size() == countPresent(values, drawn)) {
            List<XYChart.Data<Number, Number>> more = new ArrayList<>();
            for (int i = drawn; i < values.size(); i++) {
                point(values, i, more);
            }
            data.addAll(more);
        } else {
            List<XYChart.Data<Number, Number>> all = new ArrayList<>(keep.length);
            for (int i : keep) {
                point(values, i, all);
            }
            data.setAll(all);
        }
        return values.size();
    }

    private static int countPresent(MetricHistory.Series values, int upTo) {
        int present = 0;
        for (int i = 0; i < upTo; i++) {
            present += Double.isNaN(values.value(i)) ? 0 : 1;
        }
        return present;
    }

    private void point(MetricHistory.Series values, int i, List<XYChart.Data<Number, Number>> out) {
        double value = values.value(i);
        if (Double.isNaN(value)) {
            return;
        }
        out.add(new XYChart.Data<>(values.step(i), value));
        if (Double.isNaN(lowest.get()) || value < lowest.get()) {
            lowest.set(value);
        }
        if (Double.isNaN(highest.get()) || value > highest.get()) {
            highest.set(value);
        }
    }

    private void updateRows() {
        String chosen = metric.get();
        List<SliceRow> fresh = new ArrayList<>();
        for (String slice : slices) {
            MetricHistory.Series values = history.series(chosen, slice);
            if (values == null || values.size() == 0) {
                continue;
            }
            double latest = values.lastValue();
            int n = values.count(values.size() - 1);
            double[] ci = "accuracy".equals(chosen) ? SliceRow.wilson(latest, n) : new double[] {Double.NaN, Double.NaN};
            fresh.add(new SliceRow(slice, n, latest, latest - values.meanOfFirst(SliceRow.BASELINE_STEPS), ci[0],
                    ci[1], false));
        }
        rows.setAll(markWorst(fresh, lowerIsBetter(chosen)));
    }

    /** Error-like figures: log loss, Brier, ECE, latencies, cost and error rates. */
    static boolean lowerIsBetter(String metric) {
        return LOWER_IS_BETTER.contains(metric) || metric.contains("latency") || metric.equals("cost")
                || metric.endsWith("error_rate");
    }

    /** Flags the worst fifth (at least one) of the slices other than overall. */
    static List<SliceRow> markWorst(List<SliceRow> rows, boolean lowerIsBetter) {
        List<SliceRow> candidates = new ArrayList<>(rows.stream()
                .filter(r -> !r.slice().equals(MetricHistory.OVERALL) && !Double.isNaN(r.latest())).toList());
        Comparator<SliceRow> worstFirst = Comparator.comparingDouble(SliceRow::latest);
        candidates.sort(lowerIsBetter ? worstFirst.reversed() : worstFirst);
        int flagged = candidates.isEmpty() ? 0 : Math.max(1, candidates.size() / 5);
        Set<String> worst = new java.util.HashSet<>();
        for (int i = 0; i < flagged; i++) {
            worst.add(candidates.get(i).slice());
        }
        return rows.stream().map(r -> worst.contains(r.slice())
                ? new SliceRow(r.slice(), r.n(), r.latest(), r.change(), r.ciLow(), r.ciHigh(), true) : r).toList();
    }

    /**
     * Writes the run's values so far exactly as the {@code run} command writes {@code steps.csv}
     * ({@code replicate,step,slice,metric,value}), atomically.
     */
    public void exportCsv(Path file) throws IOException {
        writeCsv(List.copyOf(results), file);
    }

    private static void writeCsv(List<StepResult> steps, Path file) throws IOException {
        org.twinbench.sim.RunOutcome outcome = new org.twinbench.sim.RunOutcome(List.of(steps),
                org.twinbench.sim.RunStatus.COMPLETED);
        SampleData.writeAtomically(file, out -> org.twinbench.report.RunFiles.writeSteps(outcome, out));
    }

    /** The steps so far (replicate 0), oldest first. */
    public List<StepResult> results() {
        return java.util.Collections.unmodifiableList(results);
    }

    public StringProperty metricProperty() {
        return metric;
    }

    public ObservableList<XYChart.Series<Number, Number>> series() {
        return series;
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

    /** The metrics seen so far: the classification metrics, then the run's other figures. */
    public ObservableList<String> metricNames() {
        return metricNames;
    }

    /** Alarms and policy actions so far, for markers on the time axis. */
    public ObservableList<org.twinbench.sim.Alarm> alarms() {
        return alarms;
    }

    MetricHistory history() {
        return history;
    }
}
