package org.twinbench.sim.sweep;

import java.util.List;
import org.twinbench.sim.ReplicateFindings;
import org.twinbench.sim.StepResult;

/**
 * What one task of a sweep (one replicate of one point) hands back: its steps and its part of the point's findings
 * ({@link ReplicateFindings}: the worst slices, the outcome's names, the robustness profile and the leaked columns
 * a {@code run} of the same scenario and parameters reports). Serializable, so a Spark task sends it to the driver.
 */
public record TaskResult(List<StepResult> steps, ReplicateFindings findings) implements java.io.Serializable {

    public TaskResult {
        steps = List.copyOf(steps);
    }
}
