package org.twinbench.sim.monitor;

import org.twinbench.data.Task;
import org.twinbench.sim.ModelTask;

/**
 * The naive baseline on every step's rows, the very rows the step's metrics are measured on (every row with
 * a label, as the model's; selective labels do not apply): a classifier's {@code baseline.accuracy}, the share
 * of them labelled with the reference rows' most frequent class (ties to the first class, 0 = not positive
 * before 1 for a binary model); a regression's {@code baseline.mae} and {@code baseline.rmse} of always
 * predicting the mean of the reference amounts. Every run records it.
 *
 * @param majority the reference rows' most frequent class (binary 1 positive / 0 other; multiclass its code)
 * @param mean the reference rows' mean amount (regression; NaN otherwise)
 */
public record BaselineMonitor(ModelTask task, int majority, double mean) implements Monitor {

    /** The id its measures start with. */
    public static final String ID = "baseline";

    /** The baseline of the reference rows' labels ({@link ModelTask#labels}) and amounts (regression, else null). */
    public static BaselineMonitor of(ModelTask task, int[] referenceLabels, double[] referenceAmounts) {
        if (task.task() == Task.REGRESSION) {
            double mean = java.util.Arrays.stream(referenceAmounts).filter(v -> !Double.isNaN(v)).average()
                    .orElse(Double.NaN);
            return new BaselineMonitor(task, -1, mean);
        }
        int classes = task.task() == Task.BINARY ? 2 : task.classes().size();
        long[] counts = new long[classes];
        for (int label : referenceLabels) {
            if (label >= 0) {
                counts[label]++;
            }
        }
        int majority = 0;
        for (int c = 1; c < classes; c++) {
            majority = counts[c] > counts[majority] ? c : majority;
        }
        return new BaselineMonitor(task, majority, Double.NaN);
    }

    @Override
    public String nodeId() {
        return ID;
    }

    @Override
    public Watch start() {
        return (arrived, current, out) -> {
            if (task.task() == Task.REGRESSION) {
                double[] amounts = task.amounts(current.rows());
                double absolute = 0;
                double squared = 0;
                int n = 0;
                for (double amount : amounts) {
                    if (!Double.isNaN(amount)) {
                        absolute += Math.abs(amount - mean);
                        squared += (amount - mean) * (amount - mean);
                        n++;
                    }
                }
                out.measure(ID + ".mae", n == 0 ? Double.NaN : absolute / n);
                out.measure(ID + ".rmse", n == 0 ? Double.NaN : Math.sqrt(squared / n));
                return;
            }
            int right = 0;
            int n = 0;
            for (int label : task.labels(current.rows())) {
                if (label >= 0) {
                    right += label == majority ? 1 : 0;
                    n++;
                }
            }
            out.measure(ID + ".accuracy", n == 0 ? Double.NaN : (double) right / n);
        };
    }
}
