package org.twinbench.sim.monitor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;

/**
 * Performance as an operator would see it: on the labels that have arrived (so {@code k} steps late
 * with a label delay of k), over the last {@code windowSteps} labelled steps. For a classifier it records
 * {@code <id>.observed_accuracy} every step once labels exist and raises an alarm when it falls below
 * {@code threshold}; for a regression it records {@code <id>.observed_mae}, {@code <id>.observed_rmse} and
 * {@code <id>.observed_r2} (R² = 1 − SS_res / SS_tot over the window's rows) and alarms when R² falls below
 * {@code threshold}. Once per crossing: it re-arms when the figure is back at or above the threshold.
 */
public record PerformanceMonitor(String nodeId, int windowSteps, double threshold, double scoreThreshold)
        implements Monitor {

    @Override
    public Watch start() {
        // Per labelled step: rows right, rows (classifier); or rows, Σ|e|, Σe², Σy, Σy² (regression).
        ArrayDeque<double[]> window = new ArrayDeque<>();
        boolean[] below = {false};
        return (arrived, current, out) -> {
            for (LabelledBatch batch : arrived) {
                window.addLast(batch.amounts() != null ? errorSums(batch)
                        : new double[] {batch.labelled() - batch.errors(scoreThreshold), batch.labelled()});
                while (window.size() > windowSteps) {
                    window.removeFirst();
                }
            }
            if (window.isEmpty()) {
                return;
            }
            double[] sums = new double[window.peekFirst().length];
            for (double[] counts : window) {
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += counts[j];
                }
            }
            boolean regression = sums.length > 2;
            double total = regression ? sums[0] : sums[1];
            if (total == 0) {
                return;
            }
            String metric;
            double value;
            if (regression) {
                double n = sums[0];
                double totalSquares = sums[4] - sums[3] * sums[3] / n;
                value = totalSquares <= 0 ? Double.NaN : 1 - sums[2] / totalSquares;
                out.measure(nodeId + ".observed_mae", sums[1] / n);
                out.measure(nodeId + ".observed_rmse", Math.sqrt(sums[2] / n));
                out.measure(nodeId + ".observed_r2", value);
                metric = "R²";
            } else {
                value = sums[0] / sums[1];
                out.measure(nodeId + ".observed_accuracy", value);
                metric = "accuracy";
            }
            if (value < threshold && !below[0] && !arrived.isEmpty()) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT,
                        "%s %.3f < %.3f over the last %d labelled steps", metric, value, threshold, window.size()));
            }
            below[0] = value < threshold;
        };
    }

    /** A regression step's rows with a true amount: n, Σ|e|, Σe², Σy, Σy². */
    private static double[] errorSums(LabelledBatch batch) {
        double[] sums = new double[5];
        for (int i = 0; i < batch.labels().length; i++) {
            if (batch.labels()[i] >= 0) {
                double y = batch.amounts()[i];
                double e = y - batch.scores()[i];
                sums[0]++;
                sums[1] += Math.abs(e);
                sums[2] += e * e;
                sums[3] += y;
                sums[4] += y * y;
            }
        }
        return sums;
    }

    static List<String> measureNames(String nodeId) {
        return List.of(nodeId + ".observed_accuracy");
    }
}
