package org.twinbench.sim;

import java.util.List;

/** The steps of every replicate of a run, in replicate order, and how the run ended. */
public record RunOutcome(List<List<StepResult>> replicates, RunStatus status) {

    public RunOutcome {
        replicates = replicates.stream().map(List::copyOf).toList();
    }

    public List<Alarm> alarms() {
        return replicates.stream().flatMap(List::stream).flatMap(s -> s.alarms().stream()).toList();
    }
}
