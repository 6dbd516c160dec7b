package org.twinbench.sim;

import java.util.List;
import org.twinbench.stats.SliceFinder;

/**
 * The steps of every replicate of a run, in replicate order, how the run ended, and the worst slices found in
 * its labelled rows ({@link SliceSample}; null when none were searched, e.g. a run read back from its files).
 */
public record RunOutcome(List<List<StepResult>> replicates, RunStatus status, SliceFinder.Result topSlices) {

    public RunOutcome {
        replicates = replicates.stream().map(List::copyOf).toList();
    }

    /** An outcome without top slices. */
    public RunOutcome(List<List<StepResult>> replicates, RunStatus status) {
        this(replicates, status, null);
    }

    public List<Alarm> alarms() {
        return replicates.stream().flatMap(List::stream).flatMap(s -> s.alarms().stream()).toList();
    }
}
