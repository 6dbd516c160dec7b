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
import org.twinbench.sim.RunControl;
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
 * State and actions of the main window: the open scenario, the run in progress and its accuracy
 * series per slice. All properties change on the FX thread; the engine runs on the app executor.
 */
public final class MainViewModel {

    /** The metric the main chart shows. */
    public static final String CHART_METRIC = "accuracy";
    static final String OVERALL = "overall";
    public static final double DEFAULT_SPEED = 20;

    private final AppExecutor executor;
    private final Executor fxThread;

    private final ScenarioDocument document;
    private final GraphCanvasViewModel canvas;
    private final InspectorViewModel inspector;
    private final PaletteViewModel palette = new PaletteViewModel();
    private final FileActions files;
    private final DatasetColumns datasets;
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
    private final ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
    private final Map<String, XYChart.Series<Number, Number>> seriesBySlice = new LinkedHashMap<>();

    /** Identifies the current run; results of an older (stopped) run are dropped. */
    private final AtomicLong runGeneration = new AtomicLong();
    private volatile RunControl control;

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
        this.files = new FileActions(document, executor, fxThread, new ScenarioFiles(home), status::set);
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

    /** Reads a scenario file on the executor and makes it the open scenario. */
    public void open(Path file) {
        files.open(file);
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
        series.clear();
        seriesBySlice.clear();
        progress.set(0);
        running.set(true);
        paused.set(false);
        status.set("Starting ...");
        FxCoalescer<StepResult> coalescer = new FxCoalescer<>(fxThread, results -> {
            if (generation == runGeneration.get()) {
                results.forEach(this::addPoint);
            }
        });
        Path baseDir = document.baseDirectory();
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
                fxThread.execute(() -> modelSummary.set(describeModel(plan)));
                SimulationEngine.run(plan, 0, listener, runControl);
            } catch (ScenarioException | DataException e) {
                fxThread.execute(() -> finish(generation, "Cannot run: " + e.getMessage()));
            } catch (RuntimeException e) {
                fxThread.execute(() -> finish(generation, "Run failed: " + e));
            }
        });
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
        running.set(false);
        paused.set(false);
        status.set(message);
    }

    private void addPoint(StepResult result) {
        addPoint(OVERALL, result.step(), result.overall().get(CHART_METRIC));
        for (SliceMetrics slice : result.slices()) {
            String name = slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value());
            addPoint(name, result.step(), slice.metrics().get(CHART_METRIC));
        }
    }

    private void addPoint(String name, int step, double value) {
        XYChart.Series<Number, Number> line = seriesBySlice.computeIfAbsent(name, key -> {
            XYChart.Series<Number, Number> created = new XYChart.Series<>();
            created.setName(key);
            series.add(created);
            return created;
        });
        if (!Double.isNaN(value)) {
            line.getData().add(new XYChart.Data<>(step, value));
        }
        int steps = stepsOf(document.scenario());
        progress.set(Math.min(1, (step + 1) / (double) steps));
        if (running.get() && !paused.get()) {
            status.set(String.format(Locale.ROOT, "Running: step %d of %d", step + 1, steps));
        }
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

    public ObservableList<XYChart.Series<Number, Number>> series() {
        return series;
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
