package org.twinbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.twinbench.Version;
import org.twinbench.data.BundledSamples;
import org.twinbench.data.DataException;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.data.DataModelPanelViewModel;
import org.twinbench.ui.data.DatasetColumns;
import org.twinbench.ui.data.ModelSummary;
import org.twinbench.ui.editor.GraphEdits;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.editor.ScenarioChecking;
import org.twinbench.ui.editor.ScenarioFiles;
import org.twinbench.ui.editor.ScenarioProblems;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.graph.GraphCanvasViewModel;
import org.twinbench.ui.graph.InspectorViewModel;
import org.twinbench.ui.graph.PaletteViewModel;
import org.twinbench.ui.results.LiveChartsViewModel;
import org.twinbench.ui.runs.SweepActions;
import org.twinbench.ui.runs.WindowRun;

/**
 * State and actions of the main window: the open scenario, the run in progress and its live
 * results ({@link LiveChartsViewModel}); runs are recorded in the run store from their start. All properties change on the FX thread; the engine runs on the app executor.
 */
public final class MainViewModel {

    private final AppExecutor executor;
    private final BackgroundTask.Runner background;

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
    static final String READY = "Ready";
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(READY);
    private static final String NO_MODEL = "No model trained yet";
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper(NO_MODEL);
    private final LiveChartsViewModel liveCharts;
    private final Path runStore;
    private final SweepActions sweeps;
    private final WindowRun runs;
    private final ScenarioChecking checking;

    public MainViewModel(AppExecutor executor, Executor fxThread) {
        this(executor, fxThread, BundledSamples.userDirectory(), BundledSamples.userDirectory().resolve("samples"));
    }

    /**
     * @param home the user's TwinBench folder (recent files, recovery file)
     * @param dataFolder where relative data paths of a scenario not yet saved are read from
     */
    public MainViewModel(AppExecutor executor, Executor fxThread, Path home, Path dataFolder) {
        this.executor = executor;
        this.background = new BackgroundTask.Runner(executor::submit, fxThread);
        this.document = new ScenarioDocument(dataFolder);
        this.datasets = new DatasetColumns(executor, fxThread);
        this.checking = new ScenarioChecking(document, background);
        this.canvas = new GraphCanvasViewModel(document, checking);
        this.inspector = new InspectorViewModel(document, canvas.selection(), datasets, checking);
        this.dataPanel = new DataModelPanelViewModel(executor, fxThread, document, canvas);
        this.files = new FileActions(document, executor, fxThread, new ScenarioFiles(home), status::set);
        this.liveCharts = new LiveChartsViewModel(executor::submit, fxThread);
        this.runStore = System.getProperty(RunStore.PATH_PROPERTY) != null ? RunStore.defaultPath()
                : home.resolve("runs.sqlite");
        this.sweeps = new SweepActions(executor, fxThread, runStore, status::set);
        this.runs = new WindowRun(executor, fxThread, liveCharts, runStore, status::set, modelSummary::set);
        liveCharts.messageProperty().addListener((obs, old, text) -> status.set(text));
        canvas.problemsProperty().addListener((obs, old, now) -> runBlockedReason.set(blockedReason(now)));
        runBlockedReason.set(blockedReason(canvas.problemsProperty().get()));
        document.scenarioProperty().addListener((obs, old, now) -> {
            updateTitle();
            updateDataset();
        });
        document.fileProperty().addListener((obs, old, now) -> updateTitle());
        // The first scenario of the window replaces an empty one: nothing of it to forget.
        document.openedProperty().addListener((obs, old, now) -> {
            if (old.intValue() > 0) {
                forgetPreviousScenario();
            }
        });
        document.history().dirtyProperty().addListener((obs, old, now) -> updateTitle());
        updateTitle();
    }

    /**
     * Another scenario is open (opened, new, recovered, from the wizard or from the open table): the
     * previous one's results, trained-model note, canvas message and, unless it is this one's data,
     * the data panel's table and model are cleared.
     */
    private void forgetPreviousScenario() {
        canvas.say("");
        modelSummary.set(NO_MODEL);
        runs.forgetShown();
        dataPanel.forgetUnlessReading(inspector.dataFile().orElse(null));
    }

    /** The status line's message has been up long enough: "Ready", unless a run is going (it reports its progress). */
    void statusExpired() {
        if (!runs.runningProperty().get() && !aboutTheResults(status.get())) {
            status.set(READY);
        }
    }

    /**
     * Whether a status tells what the results shown are worth — a finished run's verdict, its warning (its model's
     * training rows replayed) or its notes (a file sorted by a column, ...): it stays until another status replaces
     * it.
     */
    static boolean aboutTheResults(String status) {
        return status != null && (status.contains(". Warning: ") || status.contains(". Note: ")
                || status.contains(". Verdict: "));
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
        background.task(context -> org.twinbench.model.ModelFiles.load(file).card())
                .onSuccess(card -> {
                    modelSummary.set(ModelSummary.of(card, file.getFileName().toString()));
                    status.set("Opened the model " + file.getFileName() + ": its card is in the data and model panel");
                })
                .onFailure(e -> status.set(e instanceof DataException ? e.getMessage()
                        : file + ": cannot read the model: " + e))
                .start();
    }

    /**
     * Writes the bundle {@code bundle} as the ONNX model {@code onnx} (and its {@code .onnx.json}) in the
     * background, as {@code export-model} does; the status line says how it went.
     */
    public void exportModel(Path bundle, Path onnx) {
        status.set("Exporting " + bundle.getFileName() + " to ONNX ...");
        background.task(context -> {
            org.twinbench.model.OnnxExport.write(org.twinbench.model.ModelBundle.readModel(bundle), onnx);
            return onnx;
        }).onSuccess(file -> status.set("Exported " + bundle.getFileName() + " to " + file + " (with "
                        + file.getFileName() + ".json)"))
                .onFailure(e -> status.set(e instanceof DataException ? e.getMessage()
                        : bundle + ": cannot export the model: " + e))
                .start();
    }

    /** The live charts and slice table of the current run. */
    public LiveChartsViewModel liveCharts() {
        return liveCharts;
    }

    /** The application's background executor, for windows opened from the main window. */
    public AppExecutor executor() {
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

    /**
     * The window's runs: start, pause, step, stop, speed, replicates, progress, and a stored run
     * reopened into the results. The main view binds to it directly.
     */
    /** "What-if from here" of the run history, run in this window: its scenario as it is now, saved or not. */
    public org.twinbench.ui.runs.WhatIfLauncher whatIfs() {
        return (baseId, step, recorded, ended) -> {
            if (!runBlockedReason.get().isEmpty()) {
                ended.accept(runBlockedReason.get());
            } else {
                runs.startBranch(document.scenario(), document.baseDirectory(), document.fileProperty().get(),
                        baseId, step, recorded, ended);
            }
        };
    }

    public WindowRun runs() {
        return runs;
    }

    /** Compiles the open scenario (loads data, trains the model) and runs it, all on the executor. */
    public void run() {
        if (runBlockedReason.get().isEmpty()) {
            runs.start(document.scenario(), document.baseDirectory(), document.fileProperty().get());
        } else {
            status.set(runBlockedReason.get());
        }
    }
}
