package org.twinbench.sim;

import java.util.List;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/** What one simulated step produced: immutable, handed to every listener. */
public record StepResult(int replicate, int step, MetricSet overall, List<SliceMetrics> slices) {

    public StepResult {
        slices = List.copyOf(slices);
    }
}
