package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunFindings;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * One run of the window on the executor, from compiling the scenario to ending its record: compiles it (data
 * loaded, model trained or opened), records it in the run store from its start as the {@code run} command does,
 * runs its replicates, hands every step to the {@link StepHandOver}, and ends the record completed (with its
 * verdict), stopped or failed. What the window shows of it goes through {@link Window}, on the FX thread.
 */
final class RunPass {

    /** What the window does with what the run says; every call is on the FX thread. */
    interface Window {
        /** A phase before the steps ("Loading data"). */
        void phase(String description);

        /** The run's slices, robustness and findings so far. */
        void findings(RunFindings found);

        /** The compiled plan: the run's model, its steps and its axis. */
        void planned(SimulationPlan plan);

        /** The model the run uses (shown even if the run is no longer current). */
        void model(SimulationPlan plan);

        /** What the run store said when the run began (null: nothing to say). */
        void storeNotice(String notice);

        /** A problem to tell whatever happens to the run (the store could not end its record). */
        void problem(String message);

        /**
         * The run ended, completed or stopped, with the words for the status line ("Finished: 30 steps") and what
         * the run noted (". Warning: …. Note: …", or empty).
         */
        void ended(String message, String notes);

        /** The completed run was recorded as {@code id}, with its verdict (null for a what-if). */
        void recorded(long id, RunSummary verdict);
    }

    private final Scenario current;
    private final Path baseDir;
    private final Path scenarioFile;
    private final Path runStore;
    private final RunBranching branching;
    private final int replicates;
    private final RunControl control;
    private final StepHandOver handOver;
    private final Window window;
    /** Every replicate's steps, for the run store; written by the replicates' threads (one at a time). */
    private final List<List<StepResult>> recorded = new ArrayList<>();
    private RunFindings findings;
    /** What the run says beside its last status: the training-rows warning and the compile notes. */
    private volatile String told = "";

    RunPass(Scenario current, Path baseDir, Path scenarioFile, Path runStore, RunBranching branching, int replicates,
            RunControl control, StepHandOver handOver, Window window) {
        this.current = current;
        this.baseDir = baseDir;
        this.scenarioFile = scenarioFile;
        this.runStore = runStore;
        this.branching = branching;
        this.replicates = replicates;
        this.control = control;
        this.handOver = handOver;
        this.window = window;
    }

    /** The work of the background task: the run from start to end. */
    Void run(BackgroundTask.Context context) {
        RunListener listener = new Listener(context);
        Scenario toRun = branching == null ? current : branching.scenario(current);
        SimulationPlan compiled = ScenarioCompiler.compile(toRun, baseDir, listener);
        // The plan's model files (ONNX runtime sessions) are released when the run ends, however it ends.
        try (compiled) {
            SimulationPlan plan = branching == null ? compiled : branching.plan(compiled);
            told = notes(plan);
            if (control.isCancelled()) {
                listener.onFinish(RunStatus.CANCELLED);
                if (branching != null) {
                    context.onFxAnyway(() -> branching.ended("the what-if was stopped after 0 steps"));
                }
                return null;
            }
            context.onFxAnyway(() -> window.model(plan));
            context.onFx(() -> window.planned(plan));
            // In the store from its start, as the run command does: a window killed now leaves an interrupted run.
            WindowRecording.Begun begun = WindowRecording.begin(runStore, toRun, scenarioFile,
                    branching == null ? null : baseDir, plan, replicates);
            if (begun.notice() != null) {
                context.onFx(() -> window.storeNotice(begun.notice()));
            }
            RunRecording.InProgress stored = begun.stored();
            if (branching != null && stored == null) {
                throw new IllegalArgumentException(begun.notice());
            }
            Consumer<Runnable> endRecording = end -> WindowRecording.end(stored, end, problem ->
                    context.onFxAnyway(() -> window.problem(problem)));
            RunStatus outcome;
            try {
                outcome = runReplicates(plan, listener);
            } catch (RuntimeException e) {
                endRecording.accept(() -> stored.fail(String.valueOf(e)));
                throw e;
            }
            synchronized (recorded) {
                if (outcome == RunStatus.COMPLETED) {
                    endRecording.accept(() -> completed(stored, context));
                } else {
                    int fewest = recorded.size() < replicates ? 0
                            : recorded.stream().mapToInt(List::size).min().orElse(0);
                    endRecording.accept(() -> stored.cancel(fewest));
                    if (branching != null) {
                        context.onFxAnyway(() -> branching.ended("the what-if was stopped after "
                                + (replicates > 1 ? "at least " : "") + fewest + " steps"));
                    }
                }
            }
            return null;
        }
    }

    /**
     * The headline says so, as {@code run} does, when the twin replays its model's training data; and what
     * compiling noted (a file sorted by a column, ...).
     */
    private static String notes(SimulationPlan plan) {
        StringBuilder said = new StringBuilder();
        String warning = RunProvenance.trainingRowsWarning(plan);
        if (warning != null) {
            said.append(". Warning: ").append(warning.endsWith(".") ? warning.substring(0, warning.length() - 1)
                    : warning);
        }
        plan.notes().notes().stream().filter(n -> warning == null || !n.contains("trained on"))
                .forEach(n -> said.append(". Note: ").append(n));
        return said.toString();
    }

    /** Ends a completed run's record: its verdict, or a what-if's check against its base run. */
    private void completed(RunRecording.InProgress stored, BackgroundTask.Context context) {
        String refused = branching == null ? null : branching.finish(stored, recorded, findings);
        RunSummary verdict = branching == null ? stored.finishReplicates(recorded, findings) : null;
        context.onFxAnyway(() -> {
            if (refused != null) {
                branching.ended(refused);
                return;
            }
            window.recorded(stored.id(), verdict);
            if (branching != null) {
                branching.recorded(stored.id());
            }
        });
    }

    /**
     * One replicate on this thread, or several on a pool (the engine's {@code Experiment}, which
     * reports steps of every replicate but leaves the end of the run to its caller).
     */
    private RunStatus runReplicates(SimulationPlan plan, RunListener listener) {
        if (replicates == 1) {
            return SimulationEngine.run(plan, 0, listener, control);
        }
        RunStatus status = Experiment.run(plan, replicates,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), listener, control).status();
        listener.onFinish(status);
        return status;
    }

    /** The engine's events: steps kept and handed over, findings shown, the end told. */
    private final class Listener implements RunListener {
        private final BackgroundTask.Context context;
        private int total = 1;

        Listener(BackgroundTask.Context context) {
            this.context = context;
        }

        @Override
        public void onPhase(String description) {
            context.onFx(() -> window.phase(description));
        }

        @Override
        public void onStep(StepResult result, int totalSteps) {
            total = totalSteps;
            synchronized (recorded) {
                while (recorded.size() <= result.replicate()) {
                    recorded.add(new ArrayList<>());
                }
                recorded.get(result.replicate()).add(result);
            }
            handOver.offer(result);
        }

        @Override
        public void onFindings(RunFindings found) {
            synchronized (recorded) {
                findings = found;
            }
            context.onFx(() -> window.findings(found));
        }

        @Override
        public void onFinish(RunStatus outcome) {
            int steps = total;
            String optimistic = told;
            context.onFx(() -> window.ended(outcome == RunStatus.COMPLETED ? "Finished: " + steps + " steps"
                    : "Stopped", optimistic));
        }
    }
}
