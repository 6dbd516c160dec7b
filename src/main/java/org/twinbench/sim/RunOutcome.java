package org.twinbench.sim;

import java.util.List;
import org.twinbench.stats.SliceFinder;

/**
 * The steps of every replicate of a run, in replicate order, how the run ended, and what it found in its rows
 * ({@link RunFindings}: the worst slices, the outcome's names; null when unknown, e.g. a run read back from
 * files without its {@code run.json}).
 */
public record RunOutcome(List<List<StepResult>> replicates, RunStatus status, RunFindings findings) {

    public RunOutcome {
        replicates = replicates.stream().map(List::copyOf).toList();
    }

    /** An outcome without top slices. */
    public RunOutcome(List<List<StepResult>> replicates, RunStatus status) {
        this(replicates, status, null);
    }

    /** The worst slices found in a classifier run's labelled rows, or null. */
    public SliceFinder.Result topSlices() {
        return findings == null ? null : findings.topSlices();
    }

    /** The robustness profile of the model serving at the end, or null. */
    public RunRobustness robustness() {
        return findings == null ? null : findings.robustness();
    }

    /** The worst slices found in the run's labelled rows, by accuracy or (a regression) by error; or null. */
    public SliceFinder.Result searchedSlices() {
        return findings == null ? null : findings.searched();
    }

    /** The same steps and status with {@code found} (e.g. read back from the run's {@code run.json}). */
    public RunOutcome withFindings(RunFindings found) {
        return new RunOutcome(replicates, status, found);
    }

    /** The findings, never null (without names or slices when unknown). */
    public RunFindings foundOrNone() {
        return findings == null ? new RunFindings(null, null, null) : findings;
    }

    public List<Alarm> alarms() {
        return replicates.stream().flatMap(List::stream).flatMap(s -> s.alarms().stream()).toList();
    }
}
