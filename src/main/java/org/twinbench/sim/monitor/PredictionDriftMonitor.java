package org.twinbench.sim.monitor;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.twinbench.sim.Alarm;

/**
 * Compares every step's model scores with the scores the model gave the reference rows, records
 * {@code <id>.score} per step, and raises an alarm when the statistic reaches {@code threshold}
 * (once per crossing). Needs no labels: a shifted score distribution is often the first visible sign
 * that the inputs or the model changed.
 *
 * @param referenceScores the scores of the reference rows under the initial model
 */
public record PredictionDriftMonitor(String nodeId, double[] referenceScores, String statisticName,
                                     DriftStatistic statistic, double threshold) implements Monitor {

    @Override
    public Watch start() {
        ToDoubleFunction<double[]> against = statistic.against(referenceScores);
        boolean[] above = new boolean[1];
        return (arrived, current, out) -> {
            double value = against.applyAsDouble(present(current.scores()));
            out.measure(nodeId + ".score", value);
            boolean drifted = value >= threshold;
            if (drifted && !above[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, "scores drifted: %s %.3f >= %.3f",
                        statisticName, value, threshold));
            }
            above[0] = drifted;
        };
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
