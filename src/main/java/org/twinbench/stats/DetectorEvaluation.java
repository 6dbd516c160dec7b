package org.twinbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well detections match known change points. The stream is split at the change points; in the
 * segment that starts at a change, the first detection within {@code maxDelay} values is that change's
 * true detection (its delay = detection − change); every other detection — before the first change,
 * later in a segment, or too late — is a false alarm; a change without a true detection is missed.
 *
 * @param delays the delay of each detected change, in change order
 * @param falseAlarms detections that belong to no change
 * @param missed changes without a detection
 */
public record DetectorEvaluation(List<Integer> delays, int falseAlarms, int missed) {

    public DetectorEvaluation {
        delays = List.copyOf(delays);
    }

    public static DetectorEvaluation evaluate(List<Integer> detections, int[] changePoints, int maxDelay) {
        int[] changes = changePoints.clone();
        Arrays.sort(changes);
        List<Integer> delays = new ArrayList<>();
        int matched = 0;
        for (int c = 0; c < changes.length; c++) {
            int segmentEnd = c + 1 < changes.length ? changes[c + 1] : Integer.MAX_VALUE;
            for (int detection : detections) {
                if (detection >= changes[c] && detection < segmentEnd && detection - changes[c] <= maxDelay) {
                    delays.add(detection - changes[c]);
                    matched++;
                    break;
                }
            }
        }
        return new DetectorEvaluation(delays, detections.size() - matched, changes.length - matched);
    }

    /** Mean delay of the detected changes; NaN when none was detected. */
    public double meanDelay() {
        return delays.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }
}
