package org.twinbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.StepRows;
import org.twinbench.sim.store.RunStore;

/**
 * The history of a what-if branched from a recorded run ({@code run --base ID --from-step N}, "What-if
 * from here"): the steps before N are copied from what the run store recorded — metrics, slices,
 * measures, window starts, reliability bins and alarms, as they happened — rather than the ones the replay
 * that rebuilt the engine's state at N computed again. Replicate r gets the base run's replicate r, or
 * its first replicate when the base ran fewer (a mirrored run is one history).
 */
public final class BranchHistory {

    private final long baseId;
    private final List<List<StepResult>> recorded;

    private BranchHistory(long baseId, List<List<StepResult>> recorded) {
        this.baseId = baseId;
        this.recorded = recorded;
    }

    /** The steps run {@code id} recorded, each replicate's. */
    public static BranchHistory read(RunStore store, long id) {
        return new BranchHistory(id, RunFolder.read(store, id).replicates());
    }

    /**
     * {@code branch} with every replicate's steps before {@code fromStep} replaced by the recorded ones
     * (its status and findings kept).
     *
     * @throws IllegalArgumentException when the base run recorded fewer than {@code fromStep} steps
     */
    public RunOutcome spliced(RunOutcome branch, int fromStep) {
        List<List<StepResult>> replicates = new ArrayList<>();
        for (int r = 0; r < branch.replicates().size(); r++) {
            List<StepResult> history = history(r);
            if (history.size() < fromStep) {
                throw new IllegalArgumentException("run " + baseId + " recorded " + history.size()
                        + " steps: a branch from step " + fromStep + " has no recorded history before it");
            }
            List<StepResult> steps = new ArrayList<>();
            for (int s = 0; s < fromStep; s++) {
                steps.add(renumbered(history.get(s), r));
            }
            List<StepResult> ran = branch.replicates().get(r);
            steps.addAll(ran.subList(Math.min(fromStep, ran.size()), ran.size()));
            replicates.add(steps);
        }
        return new RunOutcome(replicates, branch.status(), branch.findings());
    }

    /**
     * The replicates (1-based, as the window and the CLI number them) whose replay before {@code fromStep}
     * is not the history copied into them: a replicate the base run did not record, whose scenario draws at
     * random before the branch, continues from a state that is not the recorded history's.
     */
    public List<Integer> replayedOtherwise(RunOutcome branch, int fromStep) {
        List<Integer> differing = new ArrayList<>();
        for (int r = 0; r < branch.replicates().size(); r++) {
            if (!rows(branch.replicates().get(r), fromStep, r).equals(rows(history(r), fromStep, r))) {
                differing.add(r + 1);
            }
        }
        return differing;
    }

    private List<StepResult> history(int replicate) {
        return replicate < recorded.size() ? recorded.get(replicate) : recorded.isEmpty() ? List.of() : recorded.get(0);
    }

    /** The step rows ({@code steps.csv}'s long format) of the steps before {@code fromStep}, as replicate r's. */
    private static List<String> rows(List<StepResult> steps, int fromStep, int replicate) {
        List<StepResult> before = new ArrayList<>();
        for (StepResult step : steps) {
            if (step.step() < fromStep) {
                before.add(renumbered(step, replicate));
            }
        }
        List<String> rows = new ArrayList<>();
        try {
            StepRows.forEach(new RunOutcome(List.of(before), org.twinbench.sim.RunStatus.COMPLETED),
                    (r, step, slice, metric, value) -> rows.add(step + "," + slice + "," + metric + "," + value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static StepResult renumbered(StepResult step, int replicate) {
        if (step.replicate() == replicate) {
            return step;
        }
        List<Alarm> alarms = step.alarms().stream()
                .map(a -> new Alarm(replicate, a.step(), a.nodeId(), a.kind(), a.detail())).toList();
        return new StepResult(replicate, step.step(), step.overall(), step.slices(), step.measures(), alarms,
                step.calibration(), step.windowStart());
    }
}
