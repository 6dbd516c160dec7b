package org.twinbench.sim.monitor;

import java.util.Locale;
import org.twinbench.sim.Alarm;
import org.twinbench.stats.Cbpe;
import org.twinbench.stats.MulticlassCbpe;

/**
 * A {@code monitor.cbpe} node on a multiclass model: estimates the step's performance without labels
 * ({@link MulticlassCbpe}), calibrated once on the labelled reference rows; records
 * {@code <id>.estimated_accuracy}, {@code <id>.estimated_balanced_accuracy} (the macro recall) and
 * {@code <id>.estimated_macro_f1}, and alarms when the estimated accuracy falls below {@code threshold}
 * (once per crossing).
 */
public record MulticlassCbpeMonitor(String nodeId, MulticlassCbpe estimator, double threshold) implements Monitor {

    /** Calibrates on the reference rows that have a label. */
    public static MulticlassCbpe calibrate(int[] labels, double[][] proba, int classes, String method) {
        int n = 0;
        int[] y = new int[labels.length];
        double[][] p = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                y[n] = labels[i];
                p[n++] = proba[i];
            }
        }
        return MulticlassCbpe.fit(java.util.Arrays.copyOf(y, n), java.util.Arrays.copyOf(p, n), classes,
                Cbpe.Method.named(method));
    }

    @Override
    public Watch start() {
        boolean[] below = new boolean[1];
        return (arrived, current, out) -> {
            MulticlassCbpe.Estimate estimate = estimator.estimate(current.proba());
            out.measure(nodeId + ".estimated_accuracy", estimate.accuracy());
            out.measure(nodeId + ".estimated_balanced_accuracy", estimate.macroRecall());
            out.measure(nodeId + ".estimated_macro_f1", estimate.macroF1());
            boolean low = estimate.accuracy() < threshold;
            if (low && !below[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT,
                        "estimated accuracy %.3f < %.3f (CBPE, no labels)", estimate.accuracy(), threshold));
            }
            below[0] = low;
        };
    }
}
