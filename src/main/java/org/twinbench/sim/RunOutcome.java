package org.twinbench.sim;

import java.util.List;
import org.twinbench.stats.SliceFinder;

/**
 * The steps of every replicate of a run, in replicate order, how the run ended, and what it found in its rows
 * ({@link RunFindings}: the worst slices, the outcome's names; null when unknown, e.g. a run read back from
 * its files).
 */
public record RunOutcome(List<List<StepResult>> replicates, RunStatus status, RunFindings findings) {

    public RunOutcome {
        replicates = replicates.stream().map(List::copyOf).toList();
    }

    /** An outcome without top slices. */
    public RunOutcome(List<List<StepResult>> replicates, RunStatus status) {
        this(replicates, status, null);
    }

    /** The worst slices found in the run's labelled rows, or null. */
    public SliceFinder.Result topSlices() {
        return findings == null ? null : findings.topSlices();
    }

    /** The robustness profile of the model serving at the end, or null. */
    public RunRobustness robustness() {
        return findings == null ? null : findings.robustness();
    }

    /** The findings, never null (without names or slices when unknown). */
    public RunFindings foundOrNone() {
        return findings == null ? new RunFindings(null, null, null) : findings;
    }

    public List<Alarm> alarms() {
        return replicates.stream().flatMap(List::stream).flatMap(s -> s.alarms().stream()).toList();
    }
}
