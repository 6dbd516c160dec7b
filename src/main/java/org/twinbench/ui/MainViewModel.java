package org.twinbench.ui;

import java.nio.file.Path;
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
import org.twinbench.data.DataException;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

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

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> scenarioFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper("No model trained yet");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    /** Steps per second while watching; 0 runs as fast as possible. */
    private final javafx.beans.property.DoubleProperty speed =
            new javafx.beans.property.SimpleDoubleProperty(DEFAULT_SPEED);
    private final LiveChartsViewModel liveCharts;
    private final ObservableList<String> nodeSummaries = FXCollections.observableArrayList();

    /** Identifies the current run; results of an older (stopped) run are dropped. */
    private final AtomicLong runGeneration = new AtomicLong();
    private volatile RunControl control;
    private long firstStepNanos;
    private int firstStep;

    public MainViewModel(AppExecutor executor, Executor fxThread) {
        this.executor = executor;
        this.fxThread = fxThread;
        this.liveCharts = new LiveChartsViewModel(executor::submit, fxThread);
        liveCharts.messageProperty().addListener((obs, old, text) -> status.set(text));
    }

    /** The live charts and slice table of the current run. */
    public LiveChartsViewModel liveCharts() {
        return liveCharts;
    }

    /** Reads a scenario file on the executor and makes it the open scenario. */
    public void open(Path file) {
        status.set("Opening " + file.getFileName() + " ...");
        executor.submit(() -> {
            try {
                Scenario loaded = ScenarioFormat.read(file);
                fxThread.execute(() -> setScenario(loaded, file));
            } catch (ScenarioException e) {
                fxThread.execute(() -> status.set(e.getMessage()));
            }
        });
    }

    void setScenario(Scenario loaded, Path file) {
        scenario.set(loaded);
        scenarioFile.set(file);
        nodeSummaries.setAll(loaded.nodes().stream().map(n -> n.id() + "  ·  " + org.twinbench.scenario.NodeCatalog
                .find(n.type()).map(org.twinbench.scenario.NodeType::title).orElse(n.type())).toList());
        status.set("Opened " + (loaded.name().isBlank() ? file.getFileName() : loaded.name()));
    }

    /** Compiles the open scenario (loads data, trains the model) and runs it, all on the executor. */
    public void run() {
        Scenario current = scenario.get();
        Path file = scenarioFile.get();
        if (current == null || running.get()) {
            return;
        }
        long generation = runGeneration.incrementAndGet();
        RunControl runControl = new RunControl();
        runControl.setStepsPerSecond(speed.get());
        control = runControl;
        liveCharts.clear();
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
        Path baseDir = file.toAbsolutePath().getParent();
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

    private void showProgress(int step) {
        Scenario current = scenario.get();
        int steps = current == null ? 1 : stepsOf(current);
        progress.set(Math.min(1, (step + 1) / (double) steps));
        long now = System.nanoTime();
        if (step == 0 || firstStepNanos == 0) {
            firstStepNanos = now;
            firstStep = step;
        }
        if (running.get() && !paused.get()) {
            status.set(String.format(Locale.ROOT, "Running: step %d of %d%s", step + 1, steps,
                    eta(now, step, steps)));
        }
    }

    /** Remaining time at the pace of the steps so far; blank until a few steps have run. */
    private String eta(long now, int step, int steps) {
        int done = step - firstStep;
        if (done < 3) {
            return "";
        }
        double secondsPerStep = (now - firstStepNanos) / 1e9 / done;
        long remaining = Math.round(secondsPerStep * (steps - step - 1));
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

    public ObservableList<String> nodeSummaries() {
        return nodeSummaries;
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
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
