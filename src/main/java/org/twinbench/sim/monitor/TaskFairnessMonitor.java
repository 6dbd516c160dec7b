package org.twinbench.sim.monitor;

import java.util.List;
import java.util.function.BiFunction;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.StepOutput;

/**
 * Fairness between the slices (groups) of each slice column for a model that is not binary, on every step's
 * labelled rows. Groups are compared only with the groups of their own column.
 * <ul>
 *   <li>multiclass, per class c: each group's share predicted c ({@code <id>.<column>=<level>.selection_rate_<c>})
 *       and recall of c ({@code .recall_<c>}: of its rows labelled c, the share predicted c; {@code .support_<c>}
 *       the number of those rows, so recall can be pooled over steps); per column the
 *       parity ratio of c, the lowest group's selection rate over the highest ({@code <id>.<column>.parity_ratio_<c>}),
 *       and the recall gap, highest minus lowest ({@code .recall_gap_<c>});</li>
 *   <li>regression: each group's {@code .mae} and {@code .rmse} and its RMSE gap to the best (lowest) group of the
 *       column ({@code .rmse_gap}); per column the worst group's RMSE over the best's ({@code <id>.<column>.rmse_ratio})
 *       and the largest MAE gap ({@code .mae_gap}).</li>
 * </ul>
 * Undefined figures (a group without rows of a class, fewer than two groups) are NaN (empty in {@code steps.csv}).
 *
 * @param classes the multiclass model's classes; empty for a regression
 * @param slices a batch's slices of a column, as a categorical column
 */
public record TaskFairnessMonitor(String nodeId, List<String> columns, List<String> classes,
                                  BiFunction<Frame, String, CategoricalColumn> slices) implements Monitor {

    public TaskFairnessMonitor {
        columns = List.copyOf(columns);
        classes = List.copyOf(classes);
    }

    @Override
    public Watch start() {
        return (arrived, current, out) -> {
            int[] keep = labelled(current);
            for (String column : columns) {
                CategoricalColumn groups = slices.apply(current.rows(), column).select(keep);
                if (classes.isEmpty()) {
                    regression(column, groups, current, keep, out);
                } else {
                    multiclass(column, groups, current, keep, out);
                }
            }
        };
    }

    private static int[] labelled(LabelledBatch current) {
        int[] keep = new int[current.labels().length];
        int n = 0;
        for (int i = 0; i < keep.length; i++) {
            if (current.labels()[i] >= 0 && Double.isFinite(current.scores()[i])) {
                keep[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(keep, n);
    }

    private void multiclass(String column, CategoricalColumn groups, LabelledBatch current, int[] keep,
                            StepOutput out) {
        int k = groups.levels().size();
        int c = classes.size();
        long[] n = new long[k];
        long[][] predicted = new long[k][c];
        long[][] labelled = new long[k][c];
        long[][] right = new long[k][c];
        for (int r = 0; r < keep.length; r++) {
            int g = groups.codes()[r];
            if (g < 0) {
                continue;
            }
            int label = current.labels()[keep[r]];
            int guess = (int) current.scores()[keep[r]];
            n[g]++;
            predicted[g][guess]++;
            labelled[g][label]++;
            right[g][label] += guess == label ? 1 : 0;
        }
        for (int cls = 0; cls < c; cls++) {
            double[] selection = new double[k];
            double[] recall = new double[k];
            for (int g = 0; g < k; g++) {
                selection[g] = n[g] == 0 ? Double.NaN : (double) predicted[g][cls] / n[g];
                recall[g] = labelled[g][cls] == 0 ? Double.NaN : (double) right[g][cls] / labelled[g][cls];
                String group = nodeId + "." + column + "=" + groups.levels().get(g) + ".";
                measure(out, group + "selection_rate_" + classes.get(cls), selection[g]);
                measure(out, group + "recall_" + classes.get(cls), recall[g]);
                measure(out, group + "support_" + classes.get(cls), labelled[g][cls]);
            }
            double[] range = range(selection);
            measure(out, nodeId + "." + column + ".parity_ratio_" + classes.get(cls),
                    range[2] < 2 || range[1] == 0 ? Double.NaN : range[0] / range[1]);
            double[] recalls = range(recall);
            measure(out, nodeId + "." + column + ".recall_gap_" + classes.get(cls),
                    recalls[2] < 2 ? Double.NaN : recalls[1] - recalls[0]);
        }
    }

    private void regression(String column, CategoricalColumn groups, LabelledBatch current, int[] keep,
                            StepOutput out) {
        int k = groups.levels().size();
        long[] n = new long[k];
        double[] absolute = new double[k];
        double[] squared = new double[k];
        for (int r = 0; r < keep.length; r++) {
            int g = groups.codes()[r];
            double error = current.amounts()[keep[r]] - current.scores()[keep[r]];
            if (g < 0 || Double.isNaN(error)) {
                continue;
            }
            n[g]++;
            absolute[g] += Math.abs(error);
            squared[g] += error * error;
        }
        double[] mae = new double[k];
        double[] rmse = new double[k];
        for (int g = 0; g < k; g++) {
            mae[g] = n[g] == 0 ? Double.NaN : absolute[g] / n[g];
            rmse[g] = n[g] == 0 ? Double.NaN : Math.sqrt(squared[g] / n[g]);
        }
        double[] rmseRange = range(rmse);
        double[] maeRange = range(mae);
        for (int g = 0; g < k; g++) {
            String group = nodeId + "." + column + "=" + groups.levels().get(g) + ".";
            measure(out, group + "mae", mae[g]);
            measure(out, group + "rmse", rmse[g]);
            measure(out, group + "rmse_gap", rmseRange[2] < 2 ? Double.NaN : rmse[g] - rmseRange[0]);
        }
        measure(out, nodeId + "." + column + ".rmse_ratio",
                rmseRange[2] < 2 || rmseRange[0] == 0 ? Double.NaN : rmseRange[1] / rmseRange[0]);
        measure(out, nodeId + "." + column + ".mae_gap", maeRange[2] < 2 ? Double.NaN : maeRange[1] - maeRange[0]);
    }

    /** {min, max, count} of the defined values. */
    private static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                count++;
            }
        }
        return new double[] {min, max, count};
    }

    private static void measure(StepOutput out, String name, double value) {
        out.measure(name, value);
    }
}
