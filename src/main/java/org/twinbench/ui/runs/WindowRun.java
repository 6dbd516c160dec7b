package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.twinbench.data.DataException;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.data.ModelSummary;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.fx.FxCoalescer;
import org.twinbench.ui.fx.PulsePacer;
import org.twinbench.ui.results.LiveChartsViewModel;

/**
 * The runs of the main window: compiles the open scenario and runs it (with its replicates) on the
 * executor, hands the steps to the live results at most ~30 times a second, and records the run in
 * the run store from its start; pause, step, stop, speed, progress with ETA; and a stored run
 * reopened into the results. Its properties change on the FX thread; the main window binds to them.
 */
public final class WindowRun {

    /** Steps per second of a new window's runs. */
    public static final double DEFAULT_SPEED = 20;
    /** The most replicates a run in the window may have. */
    public static final int MAX_REPLICATES = 50;

    /** The current run's steps on their way to the FX thread (null before the first run). */
    private FxCoalescer<StepResult> stepHandOver;
    private final BackgroundTask.Runner background;
    private final LiveChartsViewModel liveCharts;
    private final Path runStore;
    /** The window's status line and model summary. */
    private final Consumer<String> status;
    private final Consumer<String> modelSummary;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    /** Steps per second while watching; 0 runs as fast as possible. */
    /** A run going flat out updates its status line and progress bar at most this often. */
    static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private final javafx.beans.property.DoubleProperty speed =
            new javafx.beans.property.SimpleDoubleProperty(DEFAULT_SPEED);
    /** Runs of the scenario with independent random draws; more than one shows a band. */
    /** Kept from 1 to {@value #MAX_REPLICATES} whoever sets it, so the spinner bound to it shows what a run takes. */
    private final javafx.beans.property.IntegerProperty replicates = new javafx.beans.property.SimpleIntegerProperty(1) {
        @Override public void set(int value) { super.set(Math.max(1, Math.min(MAX_REPLICATES, value))); }
    };
    private final javafx.beans.property.ReadOnlyLongWrapper lastRunId = new javafx.beans.property.ReadOnlyLongWrapper();
    /** The run recorded before the last one from this window (0 before two): the baseline of a what-if. */
    private final javafx.beans.property.ReadOnlyLongWrapper previousRunId = new javafx.beans.property.ReadOnlyLongWrapper();
    /** Completed runs read back from the run store into the results. */
    private final RunReopening reopening;
    /** The steps of the run as compiled: a replay in time order that runs out of rows makes fewer than asked. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper plannedSteps =
            new javafx.beans.property.ReadOnlyIntegerWrapper();
    /** The current run, or the run reopened last; results of an older (stopped) run are dropped. */
    private final BackgroundTask.Key shown = new BackgroundTask.Key();
    private volatile RunControl control;
    /** Gives the window's frames the cores first while a run goes (see {@link PulsePacer}). */
    private final PulsePacer pacer = new PulsePacer();
    /** What the run store said when the current run began, shown with the run's last status; FX thread only. */
    private String storeNotice;

    public WindowRun(AppExecutor executor, Executor fxThread, LiveChartsViewModel liveCharts, Path runStore,
              Consumer<String> status, Consumer<String> modelSummary) {
        this.background = new BackgroundTask.Runner(executor::submit, fxThread);
        this.liveCharts = liveCharts;
        this.runStore = runStore;
        this.status = status;
        this.modelSummary = modelSummary;
        this.reopening = new RunReopening(background, runStore, liveCharts, status);
    }

    /**
     * Compiles {@code current} (loads data, trains the model) and runs it, all on the executor;
     * nothing happens while a run is going.
     */
    public void start(Scenario current, Path baseDir, Path scenarioFile) {
        start(current, baseDir, scenarioFile, null);
    }

    /**
     * A what-if from step {@code step} of the recorded run {@code baseId} ({@link RunBranching}): {@code current}
     * (the window's scenario, saved or not) is run like any run of the window, with its replicates, Stop, pause
     * and speed. {@code recorded} is told the branch's id; {@code ended} why it was refused or stopped.
     */
    public void startBranch(Scenario current, Path baseDir, Path scenarioFile, long baseId, int step,
                            java.util.function.LongConsumer recorded, Consumer<String> ended) {
        if (running.get()) {
            ended.accept("a run is going in the main window: stop it first");
        } else {
            start(current, baseDir, scenarioFile, new RunBranching(runStore, baseId, step, recorded, ended));
        }
    }

    private void start(Scenario asked, Path baseDir, Path scenarioFile, RunBranching branching) {
        if (running.get()) {
            return;
        }
        Scenario current = asked;
        int steps = stepsOf(current);
        BackgroundTask.Ticket ticket = shown.next();
        RunControl runControl = new RunControl();
        runControl.setStepsPerSecond(speed.get());
        runControl.setYield(pacer);
        pacer.start();
        control = runControl;
        // A followed file runs once, as its windows close (docs/calendar-replay.md says why); a what-if replays it.
        boolean follows = branching == null && current.nodes().stream().anyMatch(n -> n.type().equals(
                org.twinbench.scenario.NodeCatalog.DATASET_SOURCE) && n.flag("follow"));
        int replicateCount = follows ? 1 : Math.max(1, Math.min(MAX_REPLICATES, replicates.get()));
        liveCharts.clear();
        liveCharts.setReplicates(replicateCount);
        reopening.forget();
        RunProgress counted = new RunProgress(steps, replicateCount);
        plannedSteps.set(0);
        progress.set(0);
        running.set(true);
        paused.set(false);
        status.accept("Starting ...");
        long[] shownAt = {Long.MIN_VALUE / 2};
        // Delivered on the window's pulses: flat out, a timer thread and a runLater per batch wait for a core.
        FxCoalescer<StepResult> coalescer = FxCoalescer.onPulses(background.fxThread(), 0, results -> {
            if (ticket.isCurrent()) {
                // A followed file's axis spans the windows arrived so far (other runs' steps are all planned).
                int reached = results.stream().mapToInt(StepResult::step).max().orElse(-1) + 1;
                if (plannedSteps.get() > 0 && reached > plannedSteps.get()) {
                    plannedSteps.set(reached);
                }
                liveCharts.accept(results);
                long now = System.nanoTime();
                counted.add(results.size(), now);
                // Flat out, at most every PROGRESS_INTERVAL_NANOS: each change lays the window out again.
                if (speed.get() > 0 || now - shownAt[0] >= PROGRESS_INTERVAL_NANOS || counted.done() >= counted.total()) {
                    shownAt[0] = now;
                    progress.set(counted.fraction());
                    if (running.get() && !paused.get()) {
                        status.accept(counted.text());
                    }
                }
            }
        });
        stepHandOver = coalescer;
        // Every replicate's steps, for the run store; written by the replicates' threads (one at a time).
        List<List<StepResult>> recorded = new java.util.ArrayList<>();
        org.twinbench.sim.RunFindings[] findings = new org.twinbench.sim.RunFindings[1];
        background.task(context -> {
            // What the run says beside its last status: the training-rows warning and the compile notes.
            java.util.concurrent.atomic.AtomicReference<String> told = new java.util.concurrent.atomic.AtomicReference<>("");
            RunListener listener = new RunListener() {
                private int total = 1;

                @Override
                public void onPhase(String description) {
                    context.onFx(() -> status.accept(description + " ..."));
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
                public void onFindings(org.twinbench.sim.RunFindings found) {
                    synchronized (recorded) {
                        findings[0] = found;
                    }
                    context.onFx(() -> {
                        liveCharts.topSlices().show(found);
                        liveCharts.robustness().set(found.robustness());
                    });
                }

                @Override
                public void onFinish(RunStatus outcome) {
                    int steps = total;
                    String optimistic = told.get();
                    context.onFx(() -> finish(outcome == RunStatus.COMPLETED ? "Finished: " + steps + " steps"
                            + optimistic : "Stopped" + optimistic));
                }
            };
            Scenario toRun = branching == null ? current : branching.scenario(current);
            SimulationPlan compiled = ScenarioCompiler.compile(toRun, baseDir, listener);
            // The plan's model files (ONNX runtime sessions) are released when the run ends, however it ends.
            try (compiled) {
                SimulationPlan plan = branching == null ? compiled : branching.plan(compiled);
                // The headline says so, as `run` does, when the twin replays its model's training data; and what
                // compiling noted (a file sorted by a column, ...).
                StringBuilder said = new StringBuilder();
                String warning = RunProvenance.trainingRowsWarning(plan);
                if (warning != null) {
                    said.append(". Warning: ").append(warning.endsWith(".") ? warning.substring(0, warning.length() - 1)
                            : warning);
                }
                plan.notes().notes().stream().filter(n -> warning == null || !n.contains("trained on"))
                        .forEach(n -> said.append(". Note: ").append(n));
                told.set(said.toString());
                if (runControl.isCancelled()) {
                    listener.onFinish(RunStatus.CANCELLED);
                    if (branching != null) {
                        context.onFxAnyway(() -> branching.ended("the what-if was stopped after 0 steps"));
                    }
                    return null;
                }
                context.onFxAnyway(() -> modelSummary.accept(ModelSummary.of(plan.model(), null)));
                context.onFx(() -> {
                    liveCharts.setRun(scenarioFile, plan);
                    counted.plan(plan.steps());
                    plannedSteps.set(RunProgress.axisSteps(plan));
                });
                // In the store from its start, as the run command does: a window killed now leaves an interrupted run.
                WindowRecording.Begun begun = WindowRecording.begin(runStore, toRun, scenarioFile,
                        branching == null ? null : baseDir, plan, replicateCount);
                if (begun.notice() != null) {
                    context.onFx(() -> {
                        storeNotice = begun.notice();
                        status.accept(begun.notice());
                    });
                }
                RunRecording.InProgress stored = begun.stored();
                if (branching != null && stored == null) {
                    throw new IllegalArgumentException(begun.notice());
                }
                Consumer<Runnable> endRecording = end -> WindowRecording.end(stored, end, problem ->
                        context.onFxAnyway(() -> status.accept(problem)));
                // The engine's warm-up may go on while this run compiles, not once it steps.
                EngineWarmUp.giveWay();
                RunStatus outcome;
                try {
                    outcome = runReplicates(plan, replicateCount, listener, runControl);
                } catch (RuntimeException e) {
                    endRecording.accept(() -> stored.fail(String.valueOf(e)));
                    throw e;
                }
                synchronized (recorded) {
                    if (outcome == RunStatus.COMPLETED) {
                        endRecording.accept(() -> {
                            String refused = branching == null ? null : branching.finish(stored, recorded, findings[0]);
                            org.twinbench.sim.RunSummary verdict = branching == null
                                    ? stored.finishReplicates(recorded, findings[0]) : null;
                            context.onFxAnyway(() -> {
                                if (refused != null) {
                                    branching.ended(refused);
                                    return;
                                }
                                if (verdict != null && finished != null) {
                                    // The verdict stays on the status line until another message replaces it.
                                    status.accept(finished + ". Verdict: " + verdict.light() + ": " + verdict.headline());
                                }
                                previousRunId.set(lastRunId.get());
                                lastRunId.set(stored.id());
                                if (branching != null) {
                                    branching.recorded(stored.id());
                                }
                            });
                        });
                    } else {
                        int fewest = recorded.size() < replicateCount ? 0
                                : recorded.stream().mapToInt(List::size).min().orElse(0);
                        endRecording.accept(() -> stored.cancel(fewest));
                        if (branching != null) {
                            context.onFxAnyway(() -> branching.ended("the what-if was stopped after "
                                    + (replicateCount > 1 ? "at least " : "") + fewest + " steps"));
                        }
                    }
                }
                return null;
            }
        }).whileCurrent(ticket).onFailure(e -> {
            boolean refused = branching != null && e instanceof IllegalArgumentException;
            boolean told = refused || e instanceof ScenarioException || e instanceof DataException;
            String why = told ? e.getMessage() : String.valueOf(e);
            finish((refused ? "Cannot branch: " : told ? "Cannot run: " : "Run failed: ") + why);
            if (branching != null) {
                branching.ended(why);
            }
        }).start();
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

    /**
     * Another scenario was opened: the results of the last run (or of a reopened one) are cleared, so
     * they are not read as this scenario's. A run still going keeps its results; nothing when one is.
     */
    public void forgetShown() {
        if (running.get()) {
            return;
        }
        shown.invalidate();
        liveCharts.clear();
        reopening.forget();
        progress.set(0);
    }

    /** Stops the current run at once: its remaining results are discarded. */
    public void stop() {
        RunControl current = control;
        if (current == null || !running.get()) {
            return;
        }
        current.cancel();
        finish("Stopped");
        shown.invalidate();
    }

    public void togglePause() {
        RunControl current = control;
        if (current == null || !running.get()) {
            return;
        }
        if (current.isPaused()) {
            current.resume();
            paused.set(false);
            status.accept("Running ...");
        } else {
            current.pause();
            paused.set(true);
            status.accept("Paused");
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

    /** The current run has ended (callers drop what a stale run says). */
    /** The status the last run ended with, before its verdict is added (null before any run ends). */
    private String finished;

    private void finish(String message) {
        // Steps still waiting for their hand-over are drawn before the run is said to have ended.
        if (stepHandOver != null) {
            stepHandOver.flush();
        }
        liveCharts.flush();
        pacer.stop();
        running.set(false);
        paused.set(false);
        String notice = storeNotice;
        storeNotice = null;
        finished = notice == null ? message : message + (message.endsWith(".") ? " " : ". ") + notice;
        status.accept(finished);
    }

    private static int stepsOf(Scenario scenario) {
        List<org.twinbench.scenario.ScenarioNode> sources = scenario.nodesOfKind("source.");
        return sources.isEmpty() ? 1 : Math.max(1, sources.get(0).integer("steps"));
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

    /**
     * Shows a completed run from the run store in the results, as it ended, without re-running it:
     * its curves, slice table, drift heatmap and reliability diagram. Refused while a run is going.
     */
    public void reopen(long id) {
        reopening.reopen(id, running::get, shown::invalidate);
    }

    /** The stored run the results show after {@link #reopen}; null while they show a run of this window. */
    public javafx.beans.property.ReadOnlyIntegerProperty plannedStepsProperty() {
        return plannedSteps.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunStore.StoredRun> reopenedProperty() {
        return reopening.reopenedProperty();
    }

    /** The store id of the last run recorded from this window (0 before any). */
    public javafx.beans.property.ReadOnlyLongProperty previousRunIdProperty() {
        return previousRunId.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyLongProperty lastRunIdProperty() {
        return lastRunId.getReadOnlyProperty();
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
