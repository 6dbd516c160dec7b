package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.twinbench.report.RunComparison;
import org.twinbench.report.RunFiles;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * The run history: past runs from the run store, reopened without re-running them, one or several
 * at a time — several are overlaid in one chart with a table of their differences.
 */
public final class RunHistoryViewModel {

    /** How the names of the two series at the edges of a run's band over replicates end. */
    public static final String BAND_EDGE = "percentile of the replicates";

    private final Path storePath;
    private final BackgroundTask.Runner tasks;
    private final ObservableList<RunStore.StoredRun> runs = FXCollections.observableArrayList();
    private final ObservableList<RunComparison.RunCurves> shown = FXCollections.observableArrayList();
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObservableList<String> slices = FXCollections.observableArrayList();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>("accuracy");
    private final ObjectProperty<String> slice = new SimpleObjectProperty<>(org.twinbench.sim.StepResult.OVERALL);
    private final ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
    private final ObservableList<RunComparison.Difference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<Long, RunComparison.RunCurves> cache = new ConcurrentHashMap<>();
    /** Bands of runs with replicates, by run id, metric and slice; read on the background executor. */
    private final Map<String, RunComparison.StoredBand> bands = new ConcurrentHashMap<>();
    /** Shows a stored run in the main window's results; null when there is no main window to show it in. */
    private final java.util.function.LongConsumer reopener;
    /** The runs last asked to be shown; an earlier selection's curves arriving later are dropped. */
    private final BackgroundTask.Key showing = new BackgroundTask.Key();
    /** The steps of the one run shown, which a what-if can branch from. */
    private final ObservableList<BranchStep> branchSteps = FXCollections.observableArrayList();
    private final ObjectProperty<BranchStep> branchStep = new SimpleObjectProperty<>();
    /** The runs the view should select once the list is read again (base and branch after a what-if). */
    private final ObjectProperty<List<Long>> toSelect = new SimpleObjectProperty<>(List.of());
    private final javafx.beans.property.ReadOnlyBooleanWrapper branching =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    /**
     * A step of a recorded run a what-if can start at.
     *
     * @param window the first day of its calendar window, or null for row-count steps
     */
    public record BranchStep(int step, String window) {
        @Override
        public String toString() {
            return "step " + step + (window == null ? "" : " · " + window);
        }
    }

    public RunHistoryViewModel(Path storePath, Executor background, Executor fxThread) {
        this(storePath, background, fxThread, null);
    }

    /**
     * @param reopener shows a completed run, by its id, in the main window's results (its tabs:
     *     metric over time, feature drift, reliability, and the slice table); null: not offered
     */
    public RunHistoryViewModel(Path storePath, Executor background, Executor fxThread,
                               java.util.function.LongConsumer reopener) {
        this.reopener = reopener;
        this.storePath = storePath;
        this.tasks = new BackgroundTask.Runner(background, fxThread);
        metric.addListener((obs, old, now) -> redraw());
        slice.addListener((obs, old, now) -> redraw());
    }

    /** Reads the list of runs from the store. */
    public void refresh() {
        refresh(null);
    }

    /** Reads the list of runs from the store; then says {@code news} (if not null) rather than the count. */
    private void refresh(String news) {
        tasks.task(context -> {
            try (RunStore store = RunStore.open(storePath)) {
                return new Listed(store.list(), store.notice().orElse(null));
            }
        }).onSuccess(listed -> {
            runs.setAll(listed.runs());
            String count = listed.runs().isEmpty() ? "No runs yet: run a scenario and it appears here."
                    : listed.runs().size() + " runs in " + storePath;
            // A damaged store set aside and replaced is news the user must see.
            message.set(listed.notice() != null ? listed.notice() : news != null ? news : count);
        }).onFailure(e -> message.set("Cannot read the run store: " + e.getMessage())).start();
    }

    /** Shows the chosen runs (one: its results; several: overlaid and compared). */
    public void show(List<RunStore.StoredRun> chosen) {
        List<Long> ids = chosen.stream().map(RunStore.StoredRun::id).toList();
        // Selecting runs one by one asks for each selection in turn: only the last one's curves are shown (reading
        // one run's steps for the branch picker can finish after the two runs selected next).
        BackgroundTask.Ticket ticket = showing.next();
        tasks.task(context -> {
            try (RunStore store = RunStore.open(storePath)) {
                List<RunComparison.RunCurves> loaded = new ArrayList<>();
                for (long id : ids) {
                    loaded.add(cache.computeIfAbsent(id, key -> RunComparison.load(store, key)));
                }
                List<BranchStep> steps = ids.size() == 1 ? recordedSteps(store, ids.get(0)) : List.of();
                return new Shown(loaded, steps);
            }
        }).whileCurrent(ticket).onSuccess(read -> {
            List<RunComparison.RunCurves> loaded = read.runs();
            branchSteps.setAll(read.steps());
            branchStep.set(null);
            shown.setAll(loaded);
            Set<String> metricNames = new LinkedHashSet<>();
            Set<String> sliceNames = new LinkedHashSet<>();
            for (RunComparison.RunCurves run : loaded) {
                run.byMetric().forEach((name, bySlice) -> {
                    if (!name.equals("n")) {
                        metricNames.add(name);
                        sliceNames.addAll(bySlice.keySet());
                    }
                });
            }
            metrics.setAll(metricNames);
            slices.setAll(sliceNames);
            if (!metrics.contains(metric.get())) {
                metric.set(metrics.isEmpty() ? null : metrics.get(0));
            }
            if (!slices.contains(slice.get())) {
                slice.set(slices.isEmpty() ? null : slices.get(0));
            }
            redraw();
            differences.setAll(RunComparison.differences(loaded));
        }).onFailure(e -> message.set("Cannot read the runs: " + e.getMessage())).start();
    }

    private void redraw() {
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        for (RunComparison.RunCurves run : shown) {
            double[] curve = metric.get() == null || slice.get() == null ? null : run.curve(metric.get(), slice.get());
            if (curve == null) {
                continue;
            }
            int replicates = run.run().replicates();
            lines.add(line(run.label() + (shown.size() > 1 ? "" : " · " + slice.get())
                    + (replicates > 1 ? " (mean of " + replicates + " replicates)" : ""), curve));
            if (shown.size() == 1 && replicates > 1) {
                RunComparison.StoredBand band = band(run.run().id(), metric.get(), slice.get());
                if (band != null) {
                    lines.add(line("5th " + BAND_EDGE, band.low()));
                    lines.add(line("95th " + BAND_EDGE, band.high()));
                }
            }
        }
        series.setAll(lines);
    }

    private static XYChart.Series<Number, Number> line(String name, double[] values) {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(name);
        for (int step = 0; step < values.length; step++) {
            if (!Double.isNaN(values[step])) {
                line.getData().add(new XYChart.Data<>(step, values[step]));
            }
        }
        return line;
    }

    /**
     * The 90% band of a run with replicates, if read already; otherwise null, and it is read on
     * the background executor and the chart redrawn when it arrives (if the run is still shown).
     */
    private RunComparison.StoredBand band(long id, String metricName, String sliceName) {
        String key = id + "\u0000" + metricName + "\u0000" + sliceName;
        RunComparison.StoredBand known = bands.get(key);
        if (known != null) {
            return known;
        }
        tasks.chore(() -> {
            try (RunStore store = RunStore.open(storePath)) {
                bands.put(key, RunComparison.band(store, id, metricName, sliceName));
            }
        }).onSuccess(done -> {
            if (shown.size() == 1 && shown.get(0).run().id() == id && metricName.equals(metric.get())
                    && sliceName.equals(slice.get())) {
                redraw();
            }
        }).onFailure(e -> message.set("Cannot read the replicates of run #" + id + ": " + e.getMessage())).start();
        // Read already when the background executor ran the task at once (as in tests).
        return bands.get(key);
    }

    /** Whether runs can be shown in a main window's results at all. */
    public boolean offersResults() {
        return reopener != null;
    }

    /** Whether {@code run} can be shown in the main window's results: a completed run, and a window to show it in. */
    public boolean canOpenResults(RunStore.StoredRun run) {
        return reopener != null && run != null && run.completed();
    }

    /** Shows a completed run's results in the main window, read from the store, without re-running it. */
    public void openResults(RunStore.StoredRun run) {
        if (!canOpenResults(run)) {
            message.set(run == null ? "Select a run to open its results"
                    : "Run #" + run.id() + " has no stored results (" + run.status() + ")");
            return;
        }
        reopener.accept(run.id());
        message.set("Run #" + run.id() + " is shown in the main window's results");
    }

    /** Writes a run's steps.csv, alarms.csv, reliability.csv, run.json and scenario into a folder. */
    public void export(RunStore.StoredRun run, Path dir) {
        tasks.chore(() -> {
            try (RunStore store = RunStore.open(storePath)) {
                RunFiles.export(store, run.id(), dir);
            }
        }).onSuccess(done -> message.set("Exported run #" + run.id() + " to " + dir))
                .onFailure(e -> message.set("Could not export run #" + run.id() + ": " + e.getMessage())).start();
    }

    /** The first replicate's recorded steps of a run, with their windows, in step order. */
    private static List<BranchStep> recordedSteps(RunStore store, long id) throws java.io.IOException {
        java.util.TreeMap<Integer, String> windows = new java.util.TreeMap<>();
        store.forEachStepRow(id, (replicate, step, slice, metric, value) -> {
            if (replicate == 0) {
                String window = metric.equals(org.twinbench.sim.StepRows.WINDOW_START) ? value : windows.get(step);
                windows.put(step, window);
            }
        });
        List<BranchStep> steps = new ArrayList<>();
        windows.forEach((step, window) -> steps.add(new BranchStep(step, window)));
        return steps;
    }

    /** Whether a what-if can be started now: one run shown, a step of it picked, no what-if running. */
    public boolean canBranch() {
        return shown.size() == 1 && branchStep.get() != null && !branching.get();
    }

    /**
     * Runs the main window's scenario as a what-if from the picked step of the run shown ("What-if from
     * here"), through {@code launcher} (the main window, where Stop ends it): the steps before it are the
     * run's history, checked against what it recorded; the scenario's perturbations, policies and challenger
     * apply from the step on. The branch is recorded and shown overlaid on the run it starts from.
     */
    public void whatIfFromHere(WhatIfLauncher launcher) {
        if (!canBranch() || launcher == null) {
            message.set(shown.size() != 1 ? "Select one run to branch a what-if from"
                    : branchStep.get() == null ? "Pick the step the what-if starts at"
                    : "Open the what-if's scenario in the main window to run it from here");
            return;
        }
        long baseId = shown.get(0).run().id();
        BranchStep from = branchStep.get();
        branching.set(true);
        message.set("Running the main window's scenario as a what-if from " + from + " of run #" + baseId
                + " (Stop in the main window ends it)…");
        launcher.start(baseId, from.step(), id -> {
            branching.set(false);
            toSelect.set(List.of(baseId, id));
            refresh("What-if from " + from + " of run #" + baseId + " recorded as run #" + id
                    + "; shown over the run it starts from");
        }, why -> {
            branching.set(false);
            message.set(why.startsWith(STOPPED) ? "The what-if from " + from + " of run #" + baseId + " "
                    + why.substring(STOPPED.length() - "was stopped".length()) + "; it is not kept as a finished run"
                    : "Cannot branch a what-if from run #" + baseId + ": " + why);
        });
    }

    /** How {@link WindowRun} says that Stop ended a what-if. */
    private static final String STOPPED = "the what-if was stopped";

    /** What {@link #show} read: the runs' curves and, for one run, its steps. */
    private record Shown(List<RunComparison.RunCurves> runs, List<BranchStep> steps) { }

    /** The runs of the store and what the store had to say when opened (or null). */
    private record Listed(List<RunStore.StoredRun> runs, String notice) { }

    public ObservableList<RunStore.StoredRun> runs() {
        return runs;
    }

    public ObservableList<RunComparison.RunCurves> shown() {
        return shown;
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    public ObservableList<String> slices() {
        return slices;
    }

    public ObjectProperty<String> metricProperty() {
        return metric;
    }

    public ObjectProperty<String> sliceProperty() {
        return slice;
    }

    public ObservableList<XYChart.Series<Number, Number>> series() {
        return series;
    }

    public ObservableList<RunComparison.Difference> differences() {
        return differences;
    }

    public ObservableList<BranchStep> branchSteps() {
        return branchSteps;
    }

    public ObjectProperty<BranchStep> branchStepProperty() {
        return branchStep;
    }

    /** Set to the runs to select once the list is read again. */
    public ObjectProperty<List<Long>> toSelectProperty() {
        return toSelect;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty branchingProperty() {
        return branching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
