package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunStore;
import org.twinbench.sim.whatif.BaseRun;
import org.twinbench.sim.whatif.Branch;

/**
 * "What-if from here" in the run history: a what-if scenario run from a step of a recorded run, as
 * {@code run SCENARIO --base ID --from-step N} does — the scenario must be the recorded system (its
 * source and model nodes, with the recorded seed), the steps before N are checked against the stored
 * ones, and the branch is recorded in the store with a headline saying where it starts. A followed
 * source is replayed from its file as it is now instead of waiting for rows.
 */
final class RunBranching {

    private RunBranching() {
    }

    /**
     * Runs {@code scenarioFile} branched at {@code step} of run {@code baseId} and records it; returns the new
     * run's id.
     *
     * @throws IllegalArgumentException in words for the status line, when the scenario is not the recorded
     *     system, the step is not one the base run recorded, or the history is not the recorded one
     */
    static long branch(Path store, long baseId, int step, Path scenarioFile, RunControl control) {
        BaseRun base;
        try (RunStore runs = RunStore.open(store)) {
            base = BaseRun.read(runs, baseId);
        }
        if (step < 0 || step >= base.recordedSteps()) {
            throw new IllegalArgumentException("run #" + baseId + " recorded steps 0 to " + (base.recordedSteps() - 1)
                    + ", not " + step);
        }
        Scenario scenario = replayed(ScenarioFormat.read(scenarioFile).withSeed(base.seed()));
        base.checkSameSystem(scenario);
        // The plan's model files (ONNX runtime sessions) are released when the what-if ends.
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, scenarioFile.toAbsolutePath().getParent(),
                new RunListener() { })) {
            return branch(plan, scenario, scenarioFile, store, base, baseId, step, control);
        }
    }

    private static long branch(SimulationPlan plan, Scenario scenario, Path scenarioFile, Path store, BaseRun base,
                               long baseId, int step, RunControl control) {
        if (step >= plan.steps()) {
            throw new IllegalArgumentException(scenarioFile.getFileName() + " runs " + plan.steps()
                    + " steps: it has no step " + step);
        }
        SimulationPlan branched = Branch.from(plan, step);
        RunRecording.InProgress recording = RunRecording.begin(store, scenario, scenarioFile, branched);
        try {
            List<StepResult> steps = new ArrayList<>();
            RunStatus status = SimulationEngine.run(branched, 0, new RunListener() {
                @Override
                public void onStep(StepResult result, int totalSteps) {
                    steps.add(result);
                }
            }, control);
            if (status != RunStatus.COMPLETED) {
                recording.cancel(steps.size());
                throw new IllegalArgumentException("the what-if was stopped after " + steps.size() + " steps");
            }
            RunOutcome outcome = new RunOutcome(List.of(steps), RunStatus.COMPLETED);
            base.checkHistory(outcome, step);
            RunSeries series = RunSeries.of(outcome);
            RunSummary summary = RunSummary.of(outcome, series, List.of())
                    .withHeadlinePrefix(Branch.words(branched, step, baseId) + ". ");
            recording.finish(outcome, summary, series);
            return recording.id();
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().startsWith("the what-if was stopped")) {
                recording.fail(e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            recording.fail(e.getMessage());
            throw e;
        }
    }

    /** The scenario with its dataset sources replaying their files as they are, not waiting for more rows. */
    private static Scenario replayed(Scenario scenario) {
        Scenario replayed = scenario;
        for (ScenarioNode node : scenario.nodes()) {
            if (node.type().equals(NodeCatalog.DATASET_SOURCE) && node.flag("follow")) {
                replayed = replayed.withNode(node.withParam("follow", false));
            }
        }
        return replayed;
    }
}
