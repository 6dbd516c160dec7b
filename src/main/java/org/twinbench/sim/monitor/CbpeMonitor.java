package org.twinbench.sim.monitor;

import java.util.Arrays;
import java.util.Locale;
import org.twinbench.sim.Alarm;
import org.twinbench.stats.Cbpe;

/**
 * Estimates the model's performance on every step's rows without labels (CBPE, see {@link Cbpe}),
 * calibrated once on the labelled reference rows; records {@code <id>.estimated_accuracy} and
 * {@code <id>.estimated_roc_auc} beside the true metrics, and alarms when the estimated accuracy falls
 * below {@code threshold} (once per crossing). It sees a drop at once, where a performance monitor
 * waits for the label delay.
 */
public record CbpeMonitor(String nodeId, Cbpe estimator, double threshold) implements Monitor {

    /** Calibrates on the reference rows that have a label and a score. */
    public static Cbpe calibrate(int[] labels, double[] scores, String method, double scoreThreshold) {
        int n = 0;
        int[] y = new int[labels.length];
        double[] s = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0 && Double.isFinite(scores[i])) {
                y[n] = labels[i];
                s[n++] = scores[i];
            }
        }
        return Cbpe.fit(Arrays.copyOf(y, n), Arrays.copyOf(s, n), Cbpe.Method.named(method), scoreThreshold);
    }

    @Override
    public Watch start() {
        boolean[] below = new boolean[1];
        return (arrived, current, out) -> {
            Cbpe.Estimate estimate = estimator.estimate(PredictionDriftMonitor.present(current.scores()));
            out.measure(nodeId + ".estimated_accuracy", estimate.accuracy());
            out.measure(nodeId + ".estimated_roc_auc", estimate.rocAuc());
            boolean low = estimate.accuracy() < threshold;
            if (low && !below[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT,
                        "estimated accuracy %.3f < %.3f (CBPE, no labels)", estimate.accuracy(), threshold));
            }
            below[0] = low;
        };
    }
}
