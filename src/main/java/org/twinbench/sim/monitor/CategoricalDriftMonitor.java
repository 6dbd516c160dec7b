package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.stats.CategoricalDrift;
import org.twinbench.stats.CategoricalReference;
import org.twinbench.stats.NullCalibration;

/**
 * The categorical features of a feature-drift node: each step's category counts against the
 * reference's ({@link CategoricalReference}), recorded as {@code <id>.<feature>} like the numeric ones,
 * with an alarm when the statistic reaches its threshold (once per crossing): the user's, or one calibrated
 * to a stated false-alarm rate for the step's batch size and the column's categories ({@link AlarmThreshold}).
 * The statistics:
 * {@code psi}, {@code jensen-shannon} and {@code hellinger} over one bin per category, and
 * {@code chi2}, recorded as 1 − p of Pearson's chi-squared test so that larger still means more drift
 * (a threshold of 0.95 alarms at p &lt; 0.05).
 *
 * @param referenceRows the reference rows of each feature (codes and levels), which calibration resamples
 */
public record CategoricalDriftMonitor(String nodeId, List<String> features, Map<String, CategoricalReference> reference,
                                      Map<String, CategoricalColumn> referenceRows, String statisticName,
                                      ToDoubleFunction<CategoricalDrift> statistic, AlarmThreshold threshold)
        implements Monitor {

    public CategoricalDriftMonitor {
        features = List.copyOf(features);
        reference = Map.copyOf(reference);
        referenceRows = Map.copyOf(referenceRows);
    }

    /** A monitor of the reference columns alarming at the given threshold rule. */
    public static CategoricalDriftMonitor of(String nodeId, Map<String, CategoricalColumn> referenceRows,
                                             String statisticName, ToDoubleFunction<CategoricalDrift> statistic,
                                             AlarmThreshold threshold) {
        Map<String, CategoricalReference> profiles = new java.util.LinkedHashMap<>();
        referenceRows.forEach((f, c) -> profiles.put(f, CategoricalReference.of(c.codes(), c.levels())));
        return new CategoricalDriftMonitor(nodeId, List.copyOf(referenceRows.keySet()), profiles, referenceRows,
                statisticName, statistic, threshold);
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
        String[] measures = FeatureDriftMonitor.measureNames(nodeId, features);
        // The reference's present codes, sorted out once per run (they were, every step, for every feature).
        NullCalibration.PairStatistic[] calibrations = new NullCalibration.PairStatistic[features.size()];
        return (arrived, current, out) -> {
            for (int f = 0; f < features.size(); f++) {
                String feature = features.get(f);
                CategoricalColumn column = current.rows().categorical(feature);
                CategoricalDrift drift = reference.get(feature).compare(column.codes(), column.levels());
                double value = statistic.applyAsDouble(drift);
                int present = (int) drift.currentCount();
                if (calibrations[f] == null) {
                    calibrations[f] = calibration(referenceRows.get(feature));
                }
                double limit = threshold.threshold(feature, present, (int) reference.get(feature).count(),
                        calibrations[f]);
                FeatureDriftMonitor.record(nodeId, measures[f], feature, statisticName, value, limit, threshold,
                        present, above, f, out);
            }
        };
    }

    /** The statistic between rows of the reference column's present values. */
    private NullCalibration.PairStatistic calibration(CategoricalColumn column) {
        int[] present = java.util.Arrays.stream(column.codes()).filter(c -> c >= 0).toArray();
        List<String> levels = column.levels();
        return (r, b) -> statistic.applyAsDouble(CategoricalReference.of(NullCalibration.pick(present, r), levels)
                .compare(NullCalibration.pick(present, b), levels));
    }

    @Override
    public AlarmRate alarmRate() {
        return threshold.isCalibrated() ? new AlarmRate(nodeId, features.size(), threshold.rate(), false)
                : AlarmRate.NONE;
    }
}
