package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepOutput;
import org.twinbench.stats.NullCalibration;

/**
 * Compares every step's values of numeric features with the reference rows the model was trained
 * on, records {@code <id>.<feature>} per step, and raises an alarm when a feature's statistic
 * reaches its threshold (once per crossing): the user's, or one calibrated to a stated false-alarm rate
 * for the step's batch size ({@link AlarmThreshold}). Needs no labels, so it sees drift at once.
 *
 * @param reference the present reference values of each feature
 */
public record FeatureDriftMonitor(String nodeId, List<String> features, Map<String, double[]> reference,
                                  String statisticName, DriftStatistic statistic, AlarmThreshold threshold)
        implements Monitor {

    public FeatureDriftMonitor {
        features = List.copyOf(features);
        reference = Map.copyOf(reference);
    }

    /** A monitor alarming at a fixed threshold. */
    public FeatureDriftMonitor(String nodeId, List<String> features, Map<String, double[]> reference,
                               String statisticName, DriftStatistic statistic, double threshold) {
        this(nodeId, features, reference, statisticName, statistic, AlarmThreshold.fixed(threshold));
    }

    @Override
    public Watch start() {
        boolean[] above = new boolean[features.size()];
        List<ToDoubleFunction<double[]>> against = features.stream().map(f -> statistic.against(reference.get(f)))
                .toList();
        String[] measures = measureNames(nodeId, features);
        // A calibration's resamples are picked into these, not into new arrays: its 999 resamples of a reference
        // 20 times the batch were most of what a run allocated (the statistics read them before the next pick).
        double[][] scratch = new double[2][];
        List<NullCalibration.PairStatistic> pairs = features.stream().map(reference::get).map(ref ->
                (NullCalibration.PairStatistic) (r, b) -> statistic.against(pick(ref, r, scratch, 0))
                        .applyAsDouble(pick(ref, b, scratch, 1))).toList();
        // The threshold of a feature's last step size, kept for the run: the shared lookup names its key anew
        // (a string per feature per step), and steps mostly keep their size.
        int[] lastSize = new int[features.size()];
        double[] lastLimit = new double[features.size()];
        java.util.Arrays.fill(lastSize, -1);
        ExactArrays[] presentValues = new ExactArrays[features.size()];
        for (int f = 0; f < presentValues.length; f++) {
            presentValues[f] = new ExactArrays();
        }
        return (arrived, current, out) -> {
            for (int f = 0; f < features.size(); f++) {
                String feature = features.get(f);
                double[] values = present((NumericColumn) current.rows().column(feature), presentValues[f]);
                double value = against.get(f).applyAsDouble(values);
                if (lastSize[f] != values.length) {
                    lastLimit[f] = threshold.threshold(feature, values.length, reference.get(feature).length,
                            pairs.get(f));
                    lastSize[f] = values.length;
                }
                double limit = lastLimit[f];
                record(nodeId, measures[f], feature, statisticName, value, limit, threshold, values.length, above, f,
                        out);
            }
        };
    }

    /** {@link NullCalibration#pick}, into {@code scratch[slot]} (made again only when the count changes). */
    private static double[] pick(double[] values, int[] rows, double[][] scratch, int slot) {
        if (scratch[slot] == null || scratch[slot].length != rows.length) {
            scratch[slot] = new double[rows.length];
        }
        double[] into = scratch[slot];
        for (int i = 0; i < rows.length; i++) {
            into[i] = values[rows[i]];
        }
        return into;
    }

    @Override
    public AlarmRate alarmRate() {
        return threshold.isCalibrated() ? new AlarmRate(nodeId, features.size(), threshold.rate(), false)
                : AlarmRate.NONE;
    }

    /**
     * Records {@code <id>.<feature>} and alarms when the value reaches the threshold, once per
     * crossing: {@code above[f]} remembers whether feature f was above at the previous step. A NaN
     * threshold (no values to compare) never alarms.
     */
    static void record(String nodeId, String measure, String feature, String statisticName, double value,
                       double threshold, AlarmThreshold rule, int present, boolean[] above, int f, StepOutput out) {
        out.measure(measure, value);
        boolean drifted = value >= threshold;
        if (drifted && !above[f]) {
            // Worded only when it alarms: formatting it every step was most of the monitor's garbage.
            out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, "%s drifted: %s %.3f %s", feature,
                    statisticName, value, rule.describe(threshold, present)));
        }
        above[f] = drifted;
    }

    /** The measure of each feature, {@code <id>.<feature>}, named once per run rather than every step. */
    static String[] measureNames(String nodeId, List<String> features) {
        return features.stream().map(feature -> nodeId + "." + feature).toArray(String[]::new);
    }

    /**
     * The column's present values: its own array when none is missing (the statistics only read it), else a
     * copy without the missing ones, into an array of {@code kept} (the statistics read it within the step).
     */
    private static double[] present(NumericColumn column, ExactArrays kept) {
        double[] values = column.values();
        int n = 0;
        for (double v : values) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        if (n == values.length) {
            return values;
        }
        double[] out = kept.get(n, double[]::new);
        int j = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[j++] = v;
            }
        }
        return out;
    }
}
