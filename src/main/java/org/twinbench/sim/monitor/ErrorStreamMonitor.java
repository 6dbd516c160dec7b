package org.twinbench.sim.monitor;

import java.util.function.Supplier;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;

/**
 * Feeds a streaming change detector the error stream of the labels as they arrive (1 for a
 * misclassified row, 0 for a correct one, rows in batch order) and raises an alarm at each
 * detection. Records {@code <id>.error_rate}, the error rate of the rows that arrived this step.
 */
public record ErrorStreamMonitor(String nodeId, String detectorName, Supplier<ErrorDetector> detectors,
                                 double scoreThreshold) implements Monitor {

    @Override
    public Watch start() {
        ErrorDetector detector = detectors.get();
        return (arrived, current, out) -> {
            long errors = 0;
            long total = 0;
            int detections = 0;
            for (LabelledBatch batch : arrived) {
                int[] labels = batch.labels();
                double[] scores = batch.scores();
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] < 0) {
                        continue;
                    }
                    int error = (scores[i] >= scoreThreshold ? 1 : 0) != labels[i] ? 1 : 0;
                    errors += error;
                    total++;
                    if (detector.add(error)) {
                        detections++;
                    }
                }
            }
            if (total > 0) {
                out.measure(nodeId + ".error_rate", (double) errors / total);
            }
            if (detections > 0) {
                out.signal(nodeId, Alarm.ALARM, detectorName + " detected a change in the error rate"
                        + (detections > 1 ? " (" + detections + " times)" : ""));
            }
        };
    }
}
