package org.twinbench.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.twinbench.Version;
import org.twinbench.data.BundledSamples;
import org.twinbench.data.DataException;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.report.RunRecording;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunStore;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.SliceMetrics;
import org.twinbench.ui.editor.GraphEdits;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.editor.ScenarioFiles;
import org.twinbench.ui.editor.ScenarioProblems;

/**
 * State and actions of the main window: the open scenario, the run in progress and its live
 * results ({@link LiveChartsViewModel}); runs are recorded in the run store from their start. All properties change on the FX thread; the engine runs on the app executor.
 */
public final class MainViewModel {

    public static final double DEFAULT_SPEED = 20;
    /** The most replicates a run in the window may have. */
    public static final int MAX_REPLICATES = 50;

    private final AppExecutor executor;
    private final Executor fxThread;

    private final ScenarioDocument document;
    private final GraphCanvasViewModel canvas;
    private final InspectorViewModel inspector;
    private final PaletteViewModel palette = new PaletteViewModel();
    private final FileActions files;
    private final DatasetColumns datasets;
    private final DataModelPanelViewModel dataPanel;
    private final ReadOnlyStringWrapper runBlockedReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DatasetColumns.Summary> dataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper("No model trained yet");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    /** Steps per second while watching; 0 runs as fast as possible. */
    private final javafx.beans.property.DoubleProperty speed =
            new javafx.beans.property.SimpleDoubleProperty(DEFAULT_SPEED);
    private final LiveChartsViewModel liveCharts;
    /** Runs of the scenario with independent random draws; more than one shows a band. */
    private final javafx.beans.property.IntegerProperty replicates = new javafx.beans.property.SimpleIntegerProperty(1);
    private final javafx.beans.property.ReadOnlyLongWrapper lastRunId = new javafx.beans.property.ReadOnlyLongWrapper();
    /** The stored run the results show, when they show one reopened from the run store; else null. */
    private final ReadOnlyObjectWrapper<RunStore.StoredRun> reopened = new ReadOnlyObjectWrapper<>();
    private final Path runStore;
    private final SweepActions sweeps;
    private long firstStepNanos;
    private int firstStep;

    /** Identifies the current run; results of an older (stopped) run are dropped. */
    private final AtomicLong runGeneration = new AtomicLong();
    private volatile RunControl control;
    /** What the run store said when the current run began, shown with the run's last status; FX thread only. */
    private String storeNotice;

    public MainViewModel(AppExecutor executor, Executor fxThread) {
        this(executor, fxThread, BundledSamples.userDirectory(), BundledSamples.userDirectory().resolve("samples"));
    }

    /**
     * @param home the user's TwinBench folder (recent files, recovery file)
     * @param dataFolder where relative data paths of a scenario not yet saved are read from
     */
    public MainViewModel(AppExecutor executor, Executor fxThread, Path home, Path dataFolder) {
        this.executor = executor;
        this.fxThread = fxThread;
        this.document = new ScenarioDocument(dataFolder);
        this.datasets = new DatasetColumns(executor, fxThread);
        this.canvas = new GraphCanvasViewModel(document);
        this.inspector = new InspectorViewModel(document, canvas.selection(), datasets);
        this.dataPanel = new DataModelPanelViewModel(executor, fxThread, document, canvas);
        this.files = new FileActions(document, executor, fxThread, new ScenarioFiles(home), status::set);
        this.liveCharts = new LiveChartsViewModel(executor::submit, fxThread);
        this.runStore = System.getProperty(RunStore.PATH_PROPERTY) != null ? RunStore.defaultPath()
                : home.resolve("runs.sqlite");
        this.sweeps = new SweepActions(executor, fxThread, runStore, status::set);
        liveCharts.messageProperty().addListener((obs, old, text) -> status.set(text));
        canvas.problemsProperty().addListener((obs, old, now) -> runBlockedReason.set(blockedReason(now)));
        runBlockedReason.set(blockedReason(canvas.problemsProperty().get()));
        document.scenarioProperty().addListener((obs, old, now) -> {
            updateTitle();
            updateDataset();
        });
        document.fileProperty().addListener((obs, old, now) -> updateTitle());
        document.history().dirtyProperty().addListener((obs, old, now) -> updateTitle());
        updateTitle();
    }

    private static String blockedReason(ScenarioProblems problems) {
        if (problems.isEmpty()) {
            return "";
        }
        String first = problems.all().get(0);
        return "Cannot run: " + first + (problems.all().size() > 1 ? " (and " + (problems.all().size() - 1)
                + " more)" : "");
    }

    private void updateTitle() {
        Scenario current = document.scenario();
        Path file = document.fileProperty().get();
        String name = current.name().isBlank() ? "Untitled" : current.name();
        windowTitle.set((document.history().dirtyProperty().get() ? "• " : "") + name
                + (file == null ? "" : " — " + file.getFileName()) + " — TwinBench " + Version.get());
    }

    /**
     * Makes {@code file} the scenario's data: sets the file parameter of the node that has one, or
     * adds a source node for it (the first catalog type with a file parameter). One undoable edit.
     */
    public void useDataFile(Path file) {
        Path base = document.baseDirectory();
        Path absolute = file.toAbsolutePath().normalize();
        String path = base != null && absolute.startsWith(base.toAbsolutePath().normalize())
                ? base.toAbsolutePath().normalize().relativize(absolute).toString() : absolute.toString();
        for (var node : document.scenario().nodes()) {
            var param = fileParam(node.type());
            if (param.isPresent()) {
                document.change("Use data file " + file.getFileName(),
                        s -> GraphEdits.setParam(s, node.id(), param.get(), path));
                return;
            }
        }
        org.twinbench.scenario.NodeCatalog.all().stream().filter(t -> fileParam(t.type()).isPresent()).findFirst()
                .ifPresent(type -> {
                    double[] spot = canvas.freeSpot();
                    String id = canvas.addNode(type, spot[0], spot[1], false);
                    document.change("Use data file " + file.getFileName(),
                            s -> GraphEdits.setParam(s, id, fileParam(type.type()).orElseThrow(), path));
                });
    }

    private static java.util.Optional<String> fileParam(String type) {
        return org.twinbench.scenario.NodeCatalog.find(type).flatMap(t -> t.params().stream()
                .filter(p -> p.kind() == org.twinbench.scenario.NodeType.ParamSpec.Kind.FILE)
                .map(org.twinbench.scenario.NodeType.ParamSpec::name).findFirst());
    }

    /** Reads the columns of the scenario's data file for the data panel (on the executor, once per file). */
    private void updateDataset() {
        Path file = inspector.dataFile().orElse(null);
        DatasetColumns.Summary shown = dataset.get();
        if (file == null) {
            dataset.set(null);
        } else if (shown == null || !shown.file().equals(file.toAbsolutePath().normalize())) {
            dataset.set(new DatasetColumns.Summary(file.toAbsolutePath().normalize(), 0, List.of(), List.of(),
                    "Reading " + file.getFileName() + " ..."));
            datasets.summary(file, summary -> {
                if (file.equals(inspector.dataFile().orElse(null))) {
                    dataset.set(summary);
                }
            });
        }
    }

    /**
     * Reads a scenario file on the executor and makes it the open scenario. A model file
     * ({@code .twinmodel} or {@code .onnx}, e.g. double-clicked) is read and its card shown instead.
     */
    public void open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".twinmodel") || name.endsWith(".onnx")) {
            openModel(file);
            dataPanel.model().open(file);
        } else {
            files.open(file);
        }
    }

    private void openModel(Path file) {
        status.set("Reading the model " + file.getFileName() + " ...");
        executor.submit(() -> {
            try {
                org.twinbench.model.ModelCard card = org.twinbench.model.ModelFiles.load(file).card();
                String text = String.format(Locale.ROOT, "%s model %s%npredicts %s = %s from %d features%s",
                        card.algorithm(), file.getFileName(), card.target(), card.positiveLabel(), card.features().size(),
                        card.holdoutMetrics().isEmpty() ? "" : String.format(Locale.ROOT, "%nholdout accuracy %.3f, AUC %.3f",
                                card.holdoutMetrics().getOrDefault("accuracy", Double.NaN),
                                card.holdoutMetrics().getOrDefault("roc_auc", Double.NaN)));
                fxThread.execute(() -> {
                    modelSummary.set(text);
                    status.set("Opened the model " + file.getFileName() + ": its card is in the data and model panel");
                });
            } catch (DataException e) {
                fxThread.execute(() -> status.set(e.getMessage()));
            }
        });
    }

    /** Compiles the open scenario (loads data, trains the model) and runs it, all on the executor. */
    public void run() {
        Scenario current = document.scenario();
        if (running.get() || !runBlockedReason.get().isEmpty()) {
            return;
        }
        long generation = runGeneration.incrementAndGet();
        RunControl runControl = new RunControl();
        runControl.setStepsPerSecond(speed.get());
        control = runControl;
        int replicateCount = Math.max(1, Math.min(MAX_REPLICATES, replicates.get()));
        liveCharts.clear();
        liveCharts.setReplicates(replicateCount);
        reopened.set(null);
        firstStepNanos = 0;
        progress.set(0);
        running.set(true);
        paused.set(false);
        status.set("Starting ...");
        FxCoalescer<StepResult> coalescer = new FxCoalescer<>(fxThread, results -> {
            if (generation == runGeneration.get()) {
                liveCharts.accept(results);
                showProgress(results.get(results.size() - 1).step());
            }
        });
        Path baseDir = document.baseDirectory();
        Path scenarioFile = document.fileProperty().get();
        // Every replicate's steps, for the run store; written by the replicates' threads (one at a time).
        List<List<StepResult>> recorded = new java.util.ArrayList<>();
        executor.submit(() -> {
            RunListener listener = new RunListener() {
                private int total = 1;

                @Override
                public void onPhase(String description) {
                    fxThread.execute(() -> {
                        if (generation == runGeneration.get()) {
                            status.set(description + " ...");
                        }
                    });
                }

                @Override
                public void onStep(StepResult result, int totalSteps) {
                    total = totalSteps;
                    synchronized (recorded) {
                        while (recorded.size() <= result.replicate()) {
                            recorded.add(new java.util.ArrayList<>());
                        }
                        recorded.get(result.replicate()).add(result);
                    }
                    coalescer.offer(result);
                }

                @Override
                public void onFinish(RunStatus outcome) {
                    int steps = total;
                    fxThread.execute(() -> finish(generation, outcome == RunStatus.COMPLETED
                            ? "Finished: " + steps + " steps" : "Stopped"));
                }
            };
            try {
                SimulationPlan plan = ScenarioCompiler.compile(current, baseDir, listener);
                if (runControl.isCancelled()) {
                    listener.onFinish(RunStatus.CANCELLED);
                    return;
                }
                fxThread.execute(() -> {
                    modelSummary.set(describeModel(plan));
                    if (generation == runGeneration.get()) {
                        liveCharts.setRun(scenarioFile, plan);
                    }
                });
                // In the store from its start, as the run command does: a window killed now leaves an interrupted run.
                RunRecording.InProgress stored = beginRecording(generation, current, scenarioFile, plan,
                        replicateCount);
                RunStatus outcome;
                try {
                    outcome = runReplicates(plan, replicateCount, listener, runControl);
                } catch (RuntimeException e) {
                    endRecording(stored, () -> stored.fail(String.valueOf(e)));
                    throw e;
                }
                synchronized (recorded) {
                    if (outcome == RunStatus.COMPLETED) {
                        endRecording(stored, () -> {
                            stored.finishReplicates(recorded);
                            fxThread.execute(() -> lastRunId.set(stored.id()));
                        });
                    } else {
                        int fewest = recorded.size() < replicateCount ? 0
                                : recorded.stream().mapToInt(List::size).min().orElse(0);
                        endRecording(stored, () -> stored.cancel(fewest));
                    }
                }
            } catch (ScenarioException | DataException e) {
                fxThread.execute(() -> finish(generation, "Cannot run: " + e.getMessage()));
            } catch (RuntimeException e) {
                fxThread.execute(() -> finish(generation, "Run failed: " + e));
            }
        });
    }

    /**
     * One replicate on this thread, or several on a pool (the engine's {@code Experiment}, which
     * reports steps of every replicate but leaves the end of the run to its caller).
     */
    private static RunStatus runReplicates(SimulationPlan plan, int count, RunListener listener, RunControl runControl) {
        if (count == 1) {
            return SimulationEngine.run(plan, 0, listener, runControl);
        }
        RunStatus status = org.twinbench.sim.Experiment.run(plan, count,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), listener, runControl).status();
        listener.onFinish(status);
        return status;
    }

    /** How many replicates the next run has (1 to {@value #MAX_REPLICATES}). */
    public javafx.beans.property.IntegerProperty replicatesProperty() {
        return replicates;
    }

    private static String describeModel(SimulationPlan plan) {
        Map<String, Double> holdout = plan.model().card().holdoutMetrics();
        return String.format(Locale.ROOT, "%s predicting %s = %s%nholdout accuracy %.3f, AUC %.3f",
                plan.model().card().algorithm(), plan.target(), plan.model().card().positiveLabel(),
                holdout.getOrDefault("accuracy", Double.NaN), holdout.getOrDefault("roc_auc", Double.NaN));
    }

    /** Stops the current run at once: its remaining results are discarded. */
    public void stop() {
        RunControl current = control;
        if (current == null || !running.get()) {
            return;
        }
        current.cancel();
        finish(runGeneration.get(), "Stopped");
        runGeneration.incrementAndGet();
    }

    public void togglePause() {
        RunControl current = control;
        if (current == null || !running.get()) {
            return;
        }
        if (current.isPaused()) {
            current.resume();
            paused.set(false);
            status.set("Running ...");
        } else {
            current.pause();
            paused.set(true);
            status.set("Paused");
        }
    }

    /** While paused, runs exactly one more step. */
    public void step() {
        RunControl current = control;
        if (current != null && running.get()) {
            current.step();
            paused.set(true);
        }
    }

    private void finish(long generation, String message) {
        if (generation != runGeneration.get()) {
            return;
        }
        liveCharts.flush();
        running.set(false);
        paused.set(false);
        String notice = storeNotice;
        storeNotice = null;
        status.set(notice == null ? message : message + ". " + notice);
    }

    /**
     * Records in the run store that the run starts (on the executor); null if the store cannot be
     * opened, and the run goes on unrecorded. What the store has to say (a damaged file set aside, or
     * why the run is not recorded) ends up in the status line when the run ends.
     */
    private RunRecording.InProgress beginRecording(long generation, Scenario scenario, Path scenarioFile,
                                                   SimulationPlan plan, int replicateCount) {
        RunRecording.InProgress stored = null;
        String notice;
        try {
            stored = RunRecording.begin(runStore, scenario, scenarioFile == null ? Path.of("untitled.twin.json")
                    : scenarioFile, plan, replicateCount);
            notice = stored.notice().orElse(null);
        } catch (RuntimeException e) {
            notice = "The run is not recorded: " + e.getMessage();
        }
        String told = notice;
        if (told != null) {
            fxThread.execute(() -> {
                if (generation == runGeneration.get()) {
                    storeNotice = told;
                    status.set(told);
                }
            });
        }
        return stored;
    }

    /** Ends the stored run (completed, cancelled or failed) on the executor; a store failure goes to the status line. */
    private void endRecording(RunRecording.InProgress stored, Runnable end) {
        if (stored == null) {
            return;
        }
        try {
            end.run();
        } catch (RuntimeException e) {
            fxThread.execute(() -> status.set("The run ended but could not be recorded: " + e.getMessage()));
        }
    }

    private void showProgress(int step) {
        int steps = stepsOf(document.scenario());
        progress.set(Math.min(1, (step + 1) / (double) steps));
        long now = System.nanoTime();
        if (firstStepNanos == 0) {
            firstStepNanos = now;
            firstStep = step;
        }
        if (running.get() && !paused.get()) {
            status.set(String.format(Locale.ROOT, "Running: step %d of %d%s", step + 1, steps, eta(now, step, steps)));
        }
    }

    /** Remaining time at the pace of the steps so far; blank until a few steps have run. */
    private String eta(long now, int step, int steps) {
        int done = step - firstStep;
        if (done < 3) {
            return "";
        }
        long remaining = Math.round((now - firstStepNanos) / 1e9 / done * (steps - step - 1));
        return remaining < 1 ? "" : String.format(Locale.ROOT, "  ·  about %d:%02d left", remaining / 60, remaining % 60);
    }

    private static int stepsOf(Scenario scenario) {
        List<org.twinbench.scenario.ScenarioNode> sources = scenario.nodesOfKind("source.");
        return sources.isEmpty() ? 1 : Math.max(1, sources.get(0).integer("steps", 60));
    }

    public javafx.beans.property.DoubleProperty speedProperty() {
        return speed;
    }

    /** Changes the pace of the running simulation (and of the next one). */
    public void setSpeed(double stepsPerSecond) {
        speed.set(stepsPerSecond);
        RunControl current = control;
        if (current != null) {
            current.setStepsPerSecond(stepsPerSecond);
        }
    }

    /** The live charts and slice table of the current run. */
    public LiveChartsViewModel liveCharts() {
        return liveCharts;
    }

    /** The application's background executor, for windows opened from the main window. */
    AppExecutor executor() {
        return executor;
    }

    /** Export of a sweep bundle for a cluster and import of its results. */
    public SweepActions sweeps() {
        return sweeps;
    }

    /** Where finished runs are recorded. */
    public Path runStore() {
        return runStore;
    }

    /**
     * Shows a completed run from the run store in the results, as it ended, without re-running it:
     * its curves, slice table, drift heatmap and reliability diagram. Refused while a run is going.
     */
    public void reopen(long id) {
        if (running.get()) {
            status.set("Stop the current run before reopening run #" + id);
            return;
        }
        status.set("Reading run #" + id + " from the run store ...");
        executor.submit(() -> {
            try (RunStore store = RunStore.open(runStore)) {
                RunStore.StoredRun run = store.find(id).filter(RunStore.StoredRun::completed)
                        .orElseThrow(() -> new IllegalStateException("the store holds no results of run #" + id));
                org.twinbench.sim.RunOutcome outcome = org.twinbench.report.RunFolder.read(store, id);
                Scenario scenario = store.text(id, "scenario_json")
                        .map(json -> org.twinbench.scenario.ScenarioFormat.parse(json, "run #" + id)).orElse(null);
                fxThread.execute(() -> {
                    if (running.get()) {
                        status.set("Stop the current run before reopening run #" + id);
                        return;
                    }
                    runGeneration.incrementAndGet();
                    liveCharts.showRun(outcome, scenario);
                    reopened.set(run);
                    status.set("Reopened run #" + id + " (" + run.scenarioName() + ", " + run.steps()
                            + " steps) from the run store");
                });
            } catch (RuntimeException e) {
                fxThread.execute(() -> status.set("Cannot reopen run #" + id + ": " + e.getMessage()));
            }
        });
    }

    /** The stored run the results show after {@link #reopen}; null while they show a run of this window. */
    public ReadOnlyObjectProperty<RunStore.StoredRun> reopenedProperty() {
        return reopened.getReadOnlyProperty();
    }

    /** The store id of the last run recorded from this window (0 before any). */
    public javafx.beans.property.ReadOnlyLongProperty lastRunIdProperty() {
        return lastRunId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return document.scenarioProperty();
    }

    public ScenarioDocument document() {
        return document;
    }

    public GraphCanvasViewModel canvas() {
        return canvas;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    /** The data and model panel: the dataset and model opened for inspection, training. */
    public DataModelPanelViewModel dataPanel() {
        return dataPanel;
    }

    public PaletteViewModel palette() {
        return palette;
    }

    public FileActions files() {
        return files;
    }

    /** Why Run is disabled (the first validation problem), or empty when the scenario can run. */
    public ReadOnlyStringProperty runBlockedReasonProperty() {
        return runBlockedReason.getReadOnlyProperty();
    }

    /** "• name — file — TwinBench version": the bullet marks unsaved changes. */
    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    /** The columns and size of the scenario's data file, once read. */
    public ReadOnlyObjectProperty<DatasetColumns.Summary> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelSummaryProperty() {
        return modelSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
