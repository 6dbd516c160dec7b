package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.twinbench.data.Task;

/**
 * One replicate's part of what a run finds in its rows ({@link RunFindings}): its reservoir of labelled rows
 * ({@link SliceSample}), the robustness profile when it is the replicate that keeps one (replicate 0), and what the
 * plan knew (the task, the positive value, the leaked columns). {@link #pool} makes the run's findings from the
 * parts of all its replicates, wherever they ran: {@code run} pools its replicates' parts and a sweep point its
 * tasks', so a point's findings are those of a {@code run} of the same scenario and parameters. Serializable, so a
 * cluster task (Spark) sends it to the driver with its steps.
 */
public final class ReplicateFindings implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final SliceSample sample;
    private final RunRobustness robustness;
    private final Task task;
    private final String positive;
    private final ArrayList<RunFindings.Leak> leaks;

    ReplicateFindings(SimulationPlan plan, SliceSample sample, RunRobustness.Rows rows) {
        sample.trim();
        this.sample = sample;
        this.robustness = rows == null ? null : rows.profile();
        this.task = plan.modelTask().task();
        this.positive = plan.modelTask().positive();
        this.leaks = new ArrayList<>(plan.notes().leaks());
    }

    /** The labelled rows the replicate offered to its reservoir. */
    public long labelledRows() {
        return sample.seen();
    }

    /**
     * The findings of a run whose replicates' parts are {@code parts} (in replicate order): the worst slices of their
     * pooled reservoirs, the outcome's names, the robustness profile of the replicate that kept one, the leaked
     * columns.
     */
    public static RunFindings pool(List<ReplicateFindings> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no replicate to pool");
        }
        ReplicateFindings first = parts.get(0);
        RunRobustness profile = parts.stream().map(p -> p.robustness).filter(Objects::nonNull).findFirst()
                .orElse(null);
        return SliceSample.findings(parts.stream().map(p -> p.sample).toList(), first.task, first.positive,
                first.leaks).with(profile);
    }
}
