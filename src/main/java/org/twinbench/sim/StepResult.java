package org.twinbench.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.ReliabilityBins;
import org.twinbench.stats.SliceMetrics;

/**
 * What one simulated step produced: immutable, handed to every listener.
 *
 * @param overall the model's metrics on all rows of the step with a label
 * @param slices the same metrics per slice
 * @param measures other figures of the step by name, e.g. {@code latency_p95_ms}, {@code cost} or
 *     {@code <monitor>.observed_accuracy}, in the order the nodes produced them
 * @param alarms what monitors and policies signalled at this step
 * @param calibration the reliability bins of the labelled rows overall (empty when not recorded, as for
 *     a run read back from its folder: the bins are not part of {@code steps.csv})
 * @param windowStart the first day of the calendar window the step replayed (ISO date), or null when
 *     steps are counted in rows
 */
public record StepResult(int replicate, int step, MetricSet overall, List<SliceMetrics> slices,
                         Map<String, Double> measures, List<Alarm> alarms, ReliabilityBins calibration,
                         String windowStart)
        implements java.io.Serializable {

    /**
     * The name of the slice of all rows ({@link #overall()}) wherever slices are named: in
     * {@code steps.csv}, the run store, {@code --assert} selectors and the window's slice table.
     */
    public static final String OVERALL = "overall";

    public StepResult {
        slices = List.copyOf(slices);
        // A step's own measures are kept as they are, made final; any other map is copied.
        measures = measures instanceof StepOutput.Measures own ? own.handOver()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        alarms = List.copyOf(alarms);
        calibration = calibration == null ? ReliabilityBins.EMPTY : calibration;
    }

    public StepResult(int replicate, int step, MetricSet overall, List<SliceMetrics> slices,
                      Map<String, Double> measures, List<Alarm> alarms, ReliabilityBins calibration) {
        this(replicate, step, overall, slices, measures, alarms, calibration, null);
    }

    public StepResult(int replicate, int step, MetricSet overall, List<SliceMetrics> slices,
                      Map<String, Double> measures, List<Alarm> alarms) {
        this(replicate, step, overall, slices, measures, alarms, ReliabilityBins.EMPTY);
    }

    public StepResult(int replicate, int step, MetricSet overall, List<SliceMetrics> slices) {
        this(replicate, step, overall, slices, Map.of(), List.of());
    }
}
