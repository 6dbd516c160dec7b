package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.stats.CategoricalDrift;
import org.twinbench.stats.CategoricalReference;

/**
 * The categorical features of a feature-drift node: each step's category counts against the
 * reference's ({@link CategoricalReference}), recorded as {@code <id>.<feature>} like the numeric ones,
 * with an alarm when the statistic reaches {@code threshold} (once per crossing). The statistics:
 * {@code psi}, {@code jensen-shannon} and {@code hellinger} over one bin per category, and
 * {@code chi2}, recorded as 1 − p of Pearson's chi-squared test so that larger still means more drift
 * (a threshold of 0.95 alarms at p &lt; 0.05).
 */
public record CategoricalDriftMonitor(String nodeId, List<String> features, Map<String, CategoricalReference> reference,
                                      String statisticName, ToDoubleFunction<CategoricalDrift> statistic,
                                      double threshold) implements Monitor {

    public CategoricalDriftMonitor {
        features = List.copyOf(features);
        reference = Map.copyOf(reference);
    }

    /** The statistic of a categorical feature by name, or a message naming the node and the feature. */
    public static ToDoubleFunction<CategoricalDrift> statistic(String nodeId, String name, String feature) {
        return switch (name) {
            case "psi" -> CategoricalDrift::psi;
            case "jensen-shannon" -> CategoricalDrift::jensenShannon;
            case "hellinger" -> CategoricalDrift::hellinger;
            case "chi2" -> drift -> 1 - drift.chi2PValue();
            default -> throw new ScenarioException("node " + nodeId + ": statistic '" + name + "' is for numeric "
                    + "features but '" + feature + "' is categorical; use psi, jensen-shannon, hellinger or chi2");
        };
    }

    @Override
    public Watch start() {
        boolean[] above = new boolean[features.size()];
        return (arrived, current, out) -> {
            for (int f = 0; f < features.size(); f++) {
                String feature = features.get(f);
                CategoricalColumn column = current.rows().categorical(feature);
                double value = statistic.applyAsDouble(reference.get(feature).compare(column.codes(), column.levels()));
                FeatureDriftMonitor.record(nodeId, feature, statisticName, value, threshold, above, f, out);
            }
        };
    }
}
