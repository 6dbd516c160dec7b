package org.twinbench.sim.monitor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;

/**
 * Accuracy as an operator would see it: on the labels that have arrived (so {@code k} steps late
 * with a label delay of k), over the last {@code windowSteps} labelled steps. Records
 * {@code <id>.observed_accuracy} every step once labels exist, and raises an alarm when it falls
 * below {@code threshold} (once per crossing: it re-arms when accuracy is back at or above it).
 */
public record PerformanceMonitor(String nodeId, int windowSteps, double threshold, double scoreThreshold)
        implements Monitor {

    @Override
    public Watch start() {
        ArrayDeque<int[]> window = new ArrayDeque<>();
        boolean[] below = {false};
        return (arrived, current, out) -> {
            for (LabelledBatch batch : arrived) {
                window.addLast(new int[] {batch.labelled() - batch.errors(scoreThreshold), batch.labelled()});
                while (window.size() > windowSteps) {
                    window.removeFirst();
                }
            }
            long correct = 0;
            long total = 0;
            for (int[] counts : window) {
                correct += counts[0];
                total += counts[1];
            }
            if (total == 0) {
                return;
            }
            double accuracy = (double) correct / total;
            out.measure(nodeId + ".observed_accuracy", accuracy);
            if (accuracy < threshold && !below[0] && !arrived.isEmpty()) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT,
                        "accuracy %.3f < %.3f over the last %d labelled steps", accuracy, threshold, window.size()));
            }
            below[0] = accuracy < threshold;
        };
    }

    static List<String> measureNames(String nodeId) {
        return List.of(nodeId + ".observed_accuracy");
    }
}
