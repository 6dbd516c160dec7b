package org.twinbench.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunFindings;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.store.RunState;
import org.twinbench.sim.store.RunStore;

/**
 * Records a run's life in the run store, the one way both the {@code run} command and the window do
 * it, so that run history and comparison see both: in the store from its start ({@link #begin}), so
 * that a process killed mid-run leaves an interrupted run, then completed ({@link InProgress#finish}),
 * cancelled or failed.
 * Every call opens the store and closes it again, so no file handle outlives a call (the window may
 * be closed, or the run abandoned, at any moment); call them off the FX thread.
 */
public final class RunRecording {

    private RunRecording() {
    }

    /** Saves one replicate's steps of a run already over; returns the run's id in the store. */
    public static long record(Path store, Scenario scenario, Path scenarioFile, SimulationPlan plan,
                              List<StepResult> steps) {
        RunProvenance provenance = RunProvenance.of(scenarioFile, plan, 1, Instant.now());
        Results results = Results.of(List.of(steps));
        try (RunStore runs = RunStore.open(store)) {
            return runs.save(ScenarioFormat.toJson(scenario), provenance, results.summary(),
                    RunJson.toJson(provenance, results.summary(), results.series(), results.outcome()), results.outcome());
        }
    }

    /**
     * Records that the window starts a run of one replicate, owned by this process: until it is
     * finished, cancelled or failed it is {@link RunState#RUNNING}, and should the process die it
     * becomes {@link RunState#INTERRUPTED} on the store's next opening.
     */
    public static InProgress begin(Path store, Scenario scenario, Path scenarioFile, SimulationPlan plan) {
        return begin(store, scenario, scenarioFile, plan, 1);
    }

    /** As {@link #begin(Path, Scenario, Path, SimulationPlan)}, for a run of {@code replicates} replicates. */
    public static InProgress begin(Path store, Scenario scenario, Path scenarioFile, SimulationPlan plan,
                                   int replicates) {
        RunProvenance provenance = RunProvenance.of(scenarioFile, plan, replicates, Instant.now());
        try (RunStore runs = RunStore.open(store)) {
            long id = runs.begin(ScenarioFormat.toJson(scenario), provenance);
            return new InProgress(store, id, provenance, runs.notice().orElse(null));
        }
    }

    /**
     * As {@link #begin(Path, Scenario, Path, SimulationPlan, int)} for a scenario never saved (a what-if from a
     * run of the history): recorded with the SHA-256 of its text, its model file resolved against {@code baseDir}.
     */
    public static InProgress beginUnsaved(Path store, Scenario scenario, Path baseDir, SimulationPlan plan,
                                          int replicates) {
        String json = ScenarioFormat.toJson(scenario);
        RunProvenance provenance = RunProvenance.ofUnsaved(json, baseDir, plan, replicates, Instant.now());
        try (RunStore runs = RunStore.open(store)) {
            long id = runs.begin(json, provenance);
            return new InProgress(store, id, provenance, runs.notice().orElse(null));
        }
    }

    /** A run begun in the store and not yet ended. */
    public static final class InProgress {

        private final Path store;
        private final long id;
        private final RunProvenance provenance;
        private final String notice;

        private InProgress(Path store, long id, RunProvenance provenance, String notice) {
            this.store = store;
            this.id = id;
            this.provenance = provenance;
            this.notice = notice;
        }

        public long id() {
            return id;
        }

        /** What made the run, as recorded when it began (the run's files carry the same). */
        public RunProvenance provenance() {
            return provenance;
        }

        /** What the user should be told about the store when the run began, e.g. that a damaged file was set aside. */
        public Optional<String> notice() {
            return Optional.ofNullable(notice);
        }

        /** Stores one more step while the run goes (a followed file), so that a crash loses only the open window. */
        public void step(StepResult step) {
            try (RunStore runs = RunStore.open(store)) {
                runs.recordStep(id, step);
            }
        }

        /** The same run, which made {@code steps} steps in the end (a followed file that went idle). */
        public InProgress ranSteps(int steps) {
            return new InProgress(store, id, provenance.withSteps(steps), notice);
        }

        /** Stores the steps of the finished replicate and marks the run {@link RunState#COMPLETED}. */
        public void finish(List<StepResult> steps) {
            finishReplicates(List.of(steps));
        }

        /**
         * Stores the steps of every replicate (in replicate order), as the {@code run} command
         * stores a run with {@code --replicates}, and marks the run {@link RunState#COMPLETED}.
         */
        public void finishReplicates(List<List<StepResult>> replicates) {
            finishReplicates(replicates, null);
        }

        /** As {@link #finishReplicates(List)}, with what the run found in its rows (null: nothing known). */
        public RunSummary finishReplicates(List<List<StepResult>> replicates, RunFindings findings) {
            return finishReplicates(replicates, findings, "");
        }

        /**
         * As {@link #finishReplicates(List, RunFindings)}, the headline starting with {@code headlineStart}; returns
         * the summary stored (its light and headline: the run's verdict).
         */
        public RunSummary finishReplicates(List<List<StepResult>> replicates, RunFindings findings,
                String headlineStart) {
            Results results = Results.of(replicates, findings);
            RunSummary summary = results.summary().withHeadlinePrefix(headlineStart);
            finish(results.outcome(), summary, results.series());
            return summary;
        }

        /**
         * Stores an outcome already summarised (e.g. with the verdicts of the {@code run} command's
         * gates) and marks the run {@link RunState#COMPLETED}.
         */
        public void finish(RunOutcome outcome, RunSummary summary, RunSeries series) {
            try (RunStore runs = RunStore.open(store)) {
                runs.finish(id, summary, RunJson.toJson(provenance, summary, series, outcome), outcome);
            }
        }

        /**
         * The user stopped the run: {@link RunState#FAILED}, with a headline saying so.
         *
         * @param stepsDone the steps done (with replicates, by the replicate that did fewest)
         */
        public void cancel(int stepsDone) {
            end(provenance.replicates() > 1
                    ? "Cancelled: stopped in the window after at least " + stepsDone + " of " + provenance.steps()
                            + " steps in each of " + provenance.replicates() + " replicates"
                    : "Cancelled: stopped in the window after " + stepsDone + " of " + provenance.steps() + " steps");
        }

        /** The run stopped with an error: {@link RunState#FAILED}, with the error as headline. */
        public void fail(String reason) {
            end("Failed: " + reason);
        }

        private void end(String headline) {
            try (RunStore runs = RunStore.open(store)) {
                runs.fail(id, headline);
            }
        }
    }

    /** A finished run's outcome, series and summary (without gates, which only the run command has). */
    private record Results(RunOutcome outcome, RunSeries series, RunSummary summary) {

        static Results of(List<List<StepResult>> replicates) {
            return of(replicates, null);
        }

        static Results of(List<List<StepResult>> replicates, RunFindings findings) {
            RunOutcome outcome = new RunOutcome(replicates, RunStatus.COMPLETED, findings);
            RunSeries series = RunSeries.of(outcome);
            return new Results(outcome, series, RunSummary.of(outcome, series, List.of()));
        }
    }
}
