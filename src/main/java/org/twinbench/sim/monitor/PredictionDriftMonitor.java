package org.twinbench.sim.monitor;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.twinbench.sim.Alarm;
import org.twinbench.stats.NullCalibration;

/**
 * Compares every step's model scores with the scores the model gave the reference rows, records
 * {@code <id>.score} per step, and raises an alarm when the statistic reaches its threshold
 * (once per crossing): the user's, or one calibrated to a stated false-alarm rate ({@link AlarmThreshold}). Needs no labels: a shifted score distribution is often the first visible sign
 * that the inputs or the model changed.
 *
 * @param referenceScores the scores of the reference rows under the initial model
 */
public record PredictionDriftMonitor(String nodeId, double[] referenceScores, String statisticName,
                                     DriftStatistic statistic, AlarmThreshold threshold) implements Monitor {

    /** A monitor alarming at a fixed threshold. */
    public PredictionDriftMonitor(String nodeId, double[] referenceScores, String statisticName,
                                  DriftStatistic statistic, double threshold) {
        this(nodeId, referenceScores, statisticName, statistic, AlarmThreshold.fixed(threshold));
    }

    @Override
    public Watch start() {
        ToDoubleFunction<double[]> against = statistic.against(referenceScores);
        boolean[] above = new boolean[1];
        return (arrived, current, out) -> {
            double[] scores = present(current.scores());
            double value = against.applyAsDouble(scores);
            out.measure(nodeId + ".score", value);
            double limit = threshold.threshold("score", scores.length, referenceScores.length, (r, b) -> statistic
                    .against(NullCalibration.pick(referenceScores, r))
                    .applyAsDouble(NullCalibration.pick(referenceScores, b)));
            boolean drifted = value >= limit;
            if (drifted && !above[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, "scores drifted: %s %.3f %s",
                        statisticName, value, threshold.describe(limit, scores.length)));
            }
            above[0] = drifted;
        };
    }

    @Override
    public AlarmRate alarmRate() {
        return threshold.isCalibrated() ? new AlarmRate(nodeId, 1, threshold.rate(), false) : AlarmRate.NONE;
    }

    /** The finite scores (a row whose features are missing may score NaN). */
    public static double[] present(double[] scores) {
        int n = 0;
        double[] out = new double[scores.length];
        for (double s : scores) {
            if (Double.isFinite(s)) {
                out[n++] = s;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
