package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.sim.ModelTask;
import org.twinbench.sim.StepOutput;

/**
 * The naive baseline on every step's rows, the very rows the step's metrics are measured on (every row with
 * a label, as the model's; selective labels do not apply): a classifier's {@code baseline.accuracy}, the share
 * of them labelled with the reference rows' most frequent class (ties to the first class, 0 = not positive
 * before 1 for a binary model); a regression's {@code baseline.mae} and {@code baseline.rmse} of always
 * predicting the mean of the reference amounts. Every run records it.
 *
 * <p>Per slice too, with the same answer (the reference's majority or mean over all rows, as the model is one
 * model for every slice), named as a slice's metric is ({@link org.twinbench.sim.RunSeries.Key}):
 * {@code baseline.accuracy[region=north]}, {@code baseline.mae[sex=2]}, for every slice with a labelled row
 * that step, {@code (missing)} for the rows without a value.
 *
 * @param majority the reference rows' most frequent class (binary 1 positive / 0 other; multiclass its code)
 * @param mean the reference rows' mean amount (regression; NaN otherwise)
 * @param slices the run's slice columns (may be empty)
 * @param sliceValues a batch's slices of a column, as a categorical column (as the step's slice metrics)
 */
public record BaselineMonitor(ModelTask task, int majority, double mean, List<String> slices,
                              BiFunction<Frame, String, CategoricalColumn> sliceValues) implements Monitor {

    /** The id its measures start with. */
    public static final String ID = "baseline";

    public BaselineMonitor {
        slices = List.copyOf(slices);
    }

    /** The baseline of the reference rows' labels ({@link ModelTask#labels}) and amounts (regression, else null). */
    public static BaselineMonitor of(ModelTask task, int[] referenceLabels, double[] referenceAmounts,
                                     List<String> slices, BiFunction<Frame, String, CategoricalColumn> sliceValues) {
        if (task.task() == Task.REGRESSION) {
            double mean = java.util.Arrays.stream(referenceAmounts).filter(v -> !Double.isNaN(v)).average()
                    .orElse(Double.NaN);
            return new BaselineMonitor(task, -1, mean, slices, sliceValues);
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
        return new BaselineMonitor(task, majority, Double.NaN, slices, sliceValues);
    }

    @Override
    public String nodeId() {
        return ID;
    }

    @Override
    public Watch start() {
        // Measure names by slice column, then level ("[region=north]"), made once a run rather than at every step;
        // the sums kept from step to step.
        String[] overall = measureNames("");
        Map<String, Map<String, String[]>> names = new java.util.HashMap<>();
        double[][] sums = {new double[3]};
        return (arrived, current, out) -> {
            boolean regression = task.task() == Task.REGRESSION;
            // The labels of every row, as the engine read them for the step (the current batch's may be hidden).
            double[] amounts = regression ? out.amounts(task, current.rows()) : null;
            int[] labels = regression ? null : out.labels(task, current.rows());
            int rows = current.rows().rowCount();
            // Per group (slice level, then missing): labelled rows, then right answers or Σ|e| and Σe².
            double[] all = zeroed(sums, 3);
            for (int i = 0; i < rows; i++) {
                add(all, 0, regression, amounts, labels, i);
            }
            measure(out, overall, regression, all, 0);
            for (String column : slices) {
                CategoricalColumn groups = sliceValues.apply(current.rows(), column);
                int k = groups.levels().size();
                double[] groupSums = zeroed(sums, 3 * (k + 1));
                for (int i = 0; i < rows; i++) {
                    int code = groups.codes()[i];
                    add(groupSums, 3 * (code < 0 ? k : code), regression, amounts, labels, i);
                }
                Map<String, String[]> levels = names.get(column);
                if (levels == null) {
                    levels = new java.util.HashMap<>();
                    names.put(column, levels);
                }
                for (int g = 0; g <= k; g++) {
                    if (groupSums[3 * g] > 0) {
                        String level = g < k ? groups.levels().get(g) : "(missing)";
                        String[] measured = levels.get(level);
                        if (measured == null) {
                            measured = measureNames("[" + column + "=" + level + "]");
                            levels.put(level, measured);
                        }
                        measure(out, measured, regression, groupSums, 3 * g);
                    }
                }
            }
        };
    }

    /** {@code holder[0]}, grown to at least {@code size} and its first {@code size} values zero. */
    private static double[] zeroed(double[][] holder, int size) {
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        java.util.Arrays.fill(holder[0], 0, size, 0.0);
        return holder[0];
    }

    /** Adds row {@code row} to the group whose sums start at {@code at}. */
    private void add(double[] sums, int at, boolean regression, double[] amounts, int[] labels, int row) {
        if (regression) {
            double error = amounts[row] - mean;
            if (!Double.isNaN(error)) {
                sums[at]++;
                sums[at + 1] += Math.abs(error);
                sums[at + 2] += error * error;
            }
        } else if (labels[row] >= 0) {
            sums[at]++;
            sums[at + 1] += labels[row] == majority ? 1 : 0;
        }
    }

    /** The measures of a slice ("" for every row, "[region=north]"): accuracy, mae and rmse. */
    private static String[] measureNames(String slice) {
        return new String[] {ID + ".accuracy" + slice, ID + ".mae" + slice, ID + ".rmse" + slice};
    }

    /** The measures of the group whose sums start at {@code at}. */
    private static void measure(StepOutput out, String[] names, boolean regression, double[] sums, int at) {
        double n = sums[at];
        if (regression) {
            out.measure(names[1], n == 0 ? Double.NaN : sums[at + 1] / n);
            out.measure(names[2], n == 0 ? Double.NaN : Math.sqrt(sums[at + 2] / n));
        } else {
            out.measure(names[0], n == 0 ? Double.NaN : sums[at + 1] / n);
        }
    }
}
