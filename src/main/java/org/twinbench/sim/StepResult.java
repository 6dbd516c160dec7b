package org.twinbench.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * What one simulated step produced: immutable, handed to every listener.
 *
 * @param overall the model's metrics on all rows of the step with a label
 * @param slices the same metrics per slice
 * @param measures other figures of the step by name, e.g. {@code latency_p95_ms}, {@code cost} or
 *     {@code <monitor>.observed_accuracy}, in the order the nodes produced them
 * @param alarms what monitors and policies signalled at this step
 */
public record StepResult(int replicate, int step, MetricSet overall, List<SliceMetrics> slices,
                         Map<String, Double> measures, List<Alarm> alarms) implements java.io.Serializable {

    public StepResult {
        slices = List.copyOf(slices);
        measures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        alarms = List.copyOf(alarms);
    }

    public StepResult(int replicate, int step, MetricSet overall, List<SliceMetrics> slices) {
        this(replicate, step, overall, slices, Map.of(), List.of());
    }
}
