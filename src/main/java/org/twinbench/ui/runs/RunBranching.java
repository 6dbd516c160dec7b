package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.twinbench.report.BranchHistory;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunFindings;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunStore;
import org.twinbench.sim.whatif.BaseRun;
import org.twinbench.sim.whatif.Branch;

/**
 * "What-if from here" in the run history, run by the main window ({@link WindowRun#startBranch}) like any of
 * its runs — the scenario open there, saved or not, with its replicates, its live charts, Stop, pause and
 * speed — as {@code run SCENARIO --base ID --from-step N} does: the scenario must be the recorded system
 * (its source and model nodes, with the recorded seed), the first replicate's steps before N are checked
 * against the stored ones, and the branch is recorded with a headline saying where it starts. A followed
 * source is replayed from its file as it is now instead of waiting for rows.
 */
final class RunBranching {

    private final Path store;
    private final long baseId;
    private final int step;
    private final LongConsumer recorded;
    private final Consumer<String> ended;
    /** Read on the executor by {@link #scenario}; used there after. */
    private BaseRun base;
    private BranchHistory history;
    private SimulationPlan branched;

    /**
     * @param recorded told the branch's run id once it is recorded (FX thread)
     * @param ended    told, in words for the status line, why the branch was refused or stopped (FX thread)
     */
    RunBranching(Path store, long baseId, int step, LongConsumer recorded, Consumer<String> ended) {
        this.store = store;
        this.baseId = baseId;
        this.step = step;
        this.recorded = recorded;
        this.ended = ended;
    }

    long baseId() {
        return baseId;
    }

    /**
     * The scenario to compile: {@code current} with the base run's seed and followed sources replayed as
     * they are, once it is found to be the recorded system.
     *
     * @throws IllegalArgumentException in words for the status line when it is not, or the step is not one
     *     the base run recorded
     */
    Scenario scenario(Scenario current) {
        try (RunStore runs = RunStore.open(store)) {
            base = BaseRun.read(runs, baseId);
            history = BranchHistory.read(runs, baseId);
        }
        if (step < 0 || step >= base.recordedSteps()) {
            throw new IllegalArgumentException("run #" + baseId + " recorded steps 0 to " + (base.recordedSteps() - 1)
                    + ", not " + step);
        }
        Scenario scenario = current.withSeed(base.seed());
        for (ScenarioNode node : current.nodes()) {
            if (node.type().equals(NodeCatalog.DATASET_SOURCE) && node.flag("follow")) {
                scenario = scenario.withNode(node.withParam("follow", false));
            }
        }
        base.checkSameSystem(scenario);
        return scenario;
    }

    /** The compiled plan, its changes held off before the step. */
    SimulationPlan plan(SimulationPlan plan) {
        if (step >= plan.steps()) {
            throw new IllegalArgumentException(plan.scenario().name() + " runs " + plan.steps()
                    + " steps: it has no step " + step);
        }
        branched = Branch.from(plan, step);
        return branched;
    }

    /**
     * Records the finished branch: refused (and the run marked failed) when the first replicate's history
     * is not the recorded one, else finished with the history before the step copied from the recorded run
     * ({@link BranchHistory}) and the headline {@code What-if from step N (…) of run ID.}.
     *
     * @return why it was refused, or null when it was recorded
     */
    String finish(RunRecording.InProgress stored, List<List<StepResult>> replicates, RunFindings findings) {
        RunOutcome copied;
        try {
            base.checkHistory(new RunOutcome(List.of(replicates.get(0)), RunStatus.COMPLETED), step);
            copied = history.spliced(new RunOutcome(replicates, RunStatus.COMPLETED), step);
        } catch (IllegalArgumentException e) {
            stored.fail(e.getMessage());
            return e.getMessage();
        }
        stored.finishReplicates(copied.replicates(), findings, Branch.words(branched, step, baseId) + ". ");
        return null;
    }

    void recorded(long id) {
        recorded.accept(id);
    }

    void ended(String why) {
        ended.accept(why);
    }
}
