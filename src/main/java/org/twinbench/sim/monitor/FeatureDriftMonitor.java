package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepOutput;

/**
 * Compares every step's values of numeric features with the reference rows the model was trained
 * on, records {@code <id>.<feature>} per step, and raises an alarm when a feature's statistic
 * reaches {@code threshold} (once per crossing). Needs no labels, so it sees drift at once.
 *
 * @param reference the present reference values of each feature
 */
public record FeatureDriftMonitor(String nodeId, List<String> features, Map<String, double[]> reference,
                                  String statisticName, DriftStatistic statistic, double threshold) implements Monitor {

    public FeatureDriftMonitor {
        features = List.copyOf(features);
        reference = Map.copyOf(reference);
    }

    @Override
    public Watch start() {
        boolean[] above = new boolean[features.size()];
        List<ToDoubleFunction<double[]>> against = features.stream().map(f -> statistic.against(reference.get(f)))
                .toList();
        return (arrived, current, out) -> {
            for (int f = 0; f < features.size(); f++) {
                String feature = features.get(f);
                double value = against.get(f).applyAsDouble(
                        ((NumericColumn) current.rows().column(feature)).presentValues());
                record(nodeId, feature, statisticName, value, threshold, above, f, out);
            }
        };
    }

    /**
     * Records {@code <id>.<feature>} and alarms when the value reaches the threshold, once per
     * crossing: {@code above[f]} remembers whether feature f was above at the previous step.
     */
    static void record(String nodeId, String feature, String statisticName, double value, double threshold,
                       boolean[] above, int f, StepOutput out) {
        out.measure(nodeId + "." + feature, value);
        boolean drifted = value >= threshold;
        if (drifted && !above[f]) {
            out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, "%s drifted: %s %.3f >= %.3f", feature,
                    statisticName, value, threshold));
        }
        above[f] = drifted;
    }
}
