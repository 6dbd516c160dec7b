package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import java.util.concurrent.Executor;
import org.twinbench.data.DataException;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunFindings;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.data.ModelSummary;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.results.LiveChartsViewModel;

/**
 * The runs of the main window: starts the open scenario (with its replicates) as a {@link RunPass} on the
 * executor, whose steps reach the live results through a {@link StepHandOver} on the window's pulses;
 * pause, step, stop, speed, progress with ETA; what-ifs ({@link RunBranching}) and a stored run reopened
 * into the results ({@link RunReopening}). Its properties change on the FX thread; the main window binds to them.
 */
public final class WindowRun {

    /** Steps per second of a new window's runs. */
    public static final double DEFAULT_SPEED = 20;
    /** The most replicates a run in the window may have. */
    public static final int MAX_REPLICATES = 50;

    private final BackgroundTask.Runner background;
    private final LiveChartsViewModel liveCharts;
    private final Path runStore;
    /** The window's status line and model summary. */
    private final Consumer<String> status;
    private final Consumer<String> modelSummary;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    /** Steps per second while watching (0 runs as fast as possible), pause and step. */
    private final RunPace pace = new RunPace(DEFAULT_SPEED);
    /**
     * Runs of the scenario with independent random draws; more than one shows a band. Kept from 1 to
     * {@value #MAX_REPLICATES} whoever sets it, so the spinner bound to it shows what a run takes.
     */
    private final IntegerProperty replicates = new SimpleIntegerProperty(1) {
        @Override public void set(int value) {
            super.set(Math.max(1, Math.min(MAX_REPLICATES, value)));
        }
    };
    private final ReadOnlyLongWrapper lastRunId = new ReadOnlyLongWrapper();
    /** The run recorded before the last one from this window (0 before two): the baseline of a what-if. */
    private final ReadOnlyLongWrapper previousRunId = new ReadOnlyLongWrapper();
    /** Completed runs read back from the run store into the results. */
    private final RunReopening reopening;
    /** The steps of the run as compiled: a replay in time order that runs out of rows makes fewer than asked. */
    private final ReadOnlyIntegerWrapper plannedSteps = new ReadOnlyIntegerWrapper();
    /** The current run, or the run reopened last; results of an older (stopped) run are dropped. */
    private final BackgroundTask.Key shown = new BackgroundTask.Key();
    /** The current run's steps on their way to the FX thread (null before the first run). */
    private StepHandOver stepHandOver;
    /** What the run store said when the current run began, shown with the run's last status; FX thread only. */
    private String storeNotice;
    /**
     * The status the last run ended with, before its verdict is added, in two parts: its first words ("Finished: 30
     * steps"; null before any run ends) and the rest (its warnings, notes and the store's notice); FX thread only.
     */
    private String finishedHead;
    private String finishedTail = "";

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
                            LongConsumer recorded, Consumer<String> ended) {
        if (running.get()) {
            ended.accept("a run is going in the main window: stop it first");
        } else {
            start(current, baseDir, scenarioFile, new RunBranching(runStore, baseId, step, recorded, ended));
        }
    }

    private void start(Scenario current, Path baseDir, Path scenarioFile, RunBranching branching) {
        if (running.get()) {
            return;
        }
        // The engine's warm-up, if still going, gives way at once: this run loads, trains and steps on its own cores.
        EngineWarmUp.giveWay();
        BackgroundTask.Ticket ticket = shown.next();
        RunControl runControl = pace.begin();
        // A followed file runs once, as its windows close (docs/calendar-replay.md says why); a what-if replays it.
        boolean follows = branching == null && current.nodes().stream().anyMatch(n -> n.type().equals(
                NodeCatalog.DATASET_SOURCE) && n.flag("follow"));
        int replicateCount = follows ? 1 : Math.max(1, Math.min(MAX_REPLICATES, replicates.get()));
        liveCharts.clear();
        liveCharts.setReplicates(replicateCount);
        reopening.forget();
        RunProgress counted = new RunProgress(stepsOf(current), replicateCount);
        plannedSteps.set(0);
        progress.set(0);
        running.set(true);
        status.accept("Starting ...");
        Shown shownRun = new Shown(counted, scenarioFile);
        stepHandOver = new StepHandOver(background.fxThread(), ticket, liveCharts, counted, shownRun);
        RunPass pass = new RunPass(current, baseDir, scenarioFile, runStore, branching, replicateCount, runControl,
                stepHandOver, shownRun);
        background.task(pass::run).whileCurrent(ticket).onFailure(e -> {
            boolean refused = branching != null && e instanceof IllegalArgumentException;
            boolean told = refused || e instanceof ScenarioException || e instanceof DataException;
            String why = told ? e.getMessage() : String.valueOf(e);
            finish((refused ? "Cannot branch: " : told ? "Cannot run: " : "Run failed: ") + why, "");
            if (branching != null) {
                branching.ended(why);
            }
        }).start();
    }

    /** What the window shows of its current run: its progress, model, results and end (FX thread). */
    private final class Shown implements RunPass.Window, StepHandOver.Progress {
        private final RunProgress counted;
        private final Path scenarioFile;

        Shown(RunProgress counted, Path scenarioFile) {
            this.counted = counted;
            this.scenarioFile = scenarioFile;
        }

        @Override public int axisSteps() {
            return plannedSteps.get();
        }

        @Override public void widenAxis(int steps) {
            plannedSteps.set(steps);
        }

        @Override public boolean paced() {
            return pace.paced();
        }

        @Override public void show(double fraction, String text) {
            progress.set(fraction);
            if (running.get() && !pace.isPaused()) {
                status.accept(text);
            }
        }

        @Override public void phase(String description) {
            status.accept(description + " ...");
        }

        @Override public void findings(RunFindings found) {
            liveCharts.topSlices().show(found);
            liveCharts.robustness().set(found.robustness());
        }

        @Override public void model(SimulationPlan plan) {
            modelSummary.accept(ModelSummary.of(plan.model(), null));
        }

        @Override public void planned(SimulationPlan plan) {
            liveCharts.setRun(scenarioFile, plan);
            counted.plan(plan.steps());
            plannedSteps.set(RunProgress.axisSteps(plan));
        }

        @Override public void storeNotice(String notice) {
            WindowRun.this.storeNotice = notice;
            status.accept(notice);
        }

        @Override public void problem(String message) {
            status.accept(message);
        }

        @Override public void ended(String message, String notes) {
            finish(message, notes);
        }

        @Override public void recorded(long id, RunSummary verdict) {
            if (verdict != null && finishedHead != null) {
                // The verdict stays on the status line until another message replaces it; it comes first, where a
                // narrow window still shows it, and the run's warnings and notes after it.
                String tail = finishedTail.startsWith(". ") ? " " + finishedTail.substring(2) : finishedTail;
                status.accept(finishedHead + ". Verdict: " + verdict.light() + ": " + verdict.headline()
                        + (tail.isEmpty() || verdict.headline().endsWith(".") ? tail : "." + tail));
            }
            previousRunId.set(lastRunId.get());
            lastRunId.set(id);
        }
    }

    /** How many replicates the next run has (1 to {@value #MAX_REPLICATES}). */
    public IntegerProperty replicatesProperty() {
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
        if (running.get()) {
            pace.cancel();
            finish("Stopped", "");
            shown.invalidate();
        }
    }

    /** Pauses the current run, or resumes it. */
    public void togglePause() {
        String said = running.get() ? pace.togglePause() : null;
        if (said != null) {
            status.accept(said);
        }
    }

    /** While paused, runs exactly one more step. */
    public void step() {
        if (running.get()) {
            pace.step();
        }
    }

    /**
     * The current run has ended (callers drop what a stale run says): the status line says {@code head} and
     * {@code tail}, then the store's notice if it gave one.
     */
    private void finish(String head, String tail) {
        // Steps still waiting for their hand-over are drawn before the run is said to have ended.
        if (stepHandOver != null) {
            stepHandOver.flush();
        }
        liveCharts.flush();
        pace.end();
        running.set(false);
        String notice = storeNotice;
        storeNotice = null;
        String message = head + tail;
        finishedHead = head;
        finishedTail = notice == null ? tail : tail + (message.endsWith(".") ? " " : ". ") + notice;
        status.accept(head + finishedTail);
    }

    private static int stepsOf(Scenario scenario) {
        List<ScenarioNode> sources = scenario.nodesOfKind("source.");
        return sources.isEmpty() ? 1 : Math.max(1, sources.get(0).integer("steps"));
    }

    /** Steps per second of the current and next runs; 0 runs as fast as possible. */
    public DoubleProperty speedProperty() {
        return pace.speedProperty();
    }

    /** Changes the pace of the running simulation (and of the next one). */
    public void setSpeed(double stepsPerSecond) {
        pace.setSpeed(stepsPerSecond);
    }

    /**
     * Shows a completed run from the run store in the results, as it ended, without re-running it:
     * its curves, slice table, drift heatmap and reliability diagram. Refused while a run is going.
     */
    public void reopen(long id) {
        reopening.reopen(id, running::get, shown::invalidate);
    }

    /** The steps the time axis of the current run spans (0 before it is compiled). */
    public ReadOnlyIntegerProperty plannedStepsProperty() {
        return plannedSteps.getReadOnlyProperty();
    }

    /** The stored run the results show after {@link #reopen}; null while they show a run of this window. */
    public ReadOnlyObjectProperty<RunStore.StoredRun> reopenedProperty() {
        return reopening.reopenedProperty();
    }

    /** The store id of the run recorded before the last one from this window (0 before two). */
    public ReadOnlyLongProperty previousRunIdProperty() {
        return previousRunId.getReadOnlyProperty();
    }

    /** The store id of the last run recorded from this window (0 before any). */
    public ReadOnlyLongProperty lastRunIdProperty() {
        return lastRunId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return pace.pausedProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
