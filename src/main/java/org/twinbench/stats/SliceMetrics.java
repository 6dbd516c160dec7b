package org.twinbench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Metrics of one slice: the rows whose slicing column has a given value.
 *
 * @param column the slicing column
 * @param value the slice's value, or null for rows where the column is missing
 * @param metrics the metrics of those rows
 */
public record SliceMetrics(String column, String value, MetricSet metrics) implements java.io.Serializable {

    /**
     * Metrics for every level of a coded column that has at least one row, in level order, followed by
     * the rows with a missing code ({@code -1}) if there are any.
     */
    public static List<SliceMetrics> bySlice(String column, int[] codes, List<String> levels, int[] labels,
                                             double[] scores, double threshold) {
        int k = levels.size();
        if (SlicePass.applies(scores)) {
            MetricSet[] metrics = SlicePass.compute(codes, k, labels, scores, threshold);
            List<SliceMetrics> out = new ArrayList<>();
            for (int s = 0; s <= k; s++) {
                if (metrics[s] != null) {
                    out.add(new SliceMetrics(column, s < k ? levels.get(s) : null, metrics[s]));
                }
            }
            return out;
        }
        int[] counts = new int[k + 1];
        for (int code : codes) {
            counts[code < 0 ? k : code]++;
        }
        int[][] labelsBySlice = new int[k + 1][];
        double[][] scoresBySlice = new double[k + 1][];
        for (int s = 0; s <= k; s++) {
            labelsBySlice[s] = new int[counts[s]];
            scoresBySlice[s] = new double[counts[s]];
        }
        int[] fill = new int[k + 1];
        for (int i = 0; i < codes.length; i++) {
            int s = codes[i] < 0 ? k : codes[i];
            labelsBySlice[s][fill[s]] = labels[i];
            scoresBySlice[s][fill[s]] = scores[i];
            fill[s]++;
        }
        List<SliceMetrics> out = new ArrayList<>();
        for (int s = 0; s <= k; s++) {
            if (counts[s] > 0) {
                out.add(new SliceMetrics(column, s < k ? levels.get(s) : null,
                        ClassificationMetrics.compute(labelsBySlice[s], scoresBySlice[s], threshold)));
            }
        }
        return out;
    }

    /**
     * Regression metrics ({@link RegressionMetrics}) for every level of a coded column that has at least
     * one row, in level order, followed by the rows with a missing code.
     */
    public static List<SliceMetrics> regressionBySlice(String column, int[] codes, List<String> levels,
                                                       double[] actual, double[] predicted) {
        int[][] groups = groups(codes, levels.size());
        List<SliceMetrics> out = new ArrayList<>();
        for (int s = 0; s < groups.length; s++) {
            if (groups[s].length > 0) {
                out.add(new SliceMetrics(column, s < levels.size() ? levels.get(s) : null, MetricSet.of(
                        RegressionMetrics.compute(pick(actual, groups[s]), pick(predicted, groups[s])))));
            }
        }
        return out;
    }

    /**
     * Multiclass metrics ({@link MulticlassMetrics}) for every level of a coded column that has at least
     * one row, in level order, followed by the rows with a missing code; {@code proba} may be null.
     */
    public static List<SliceMetrics> multiclassBySlice(String column, int[] codes, List<String> levels, int[] labels,
                                                       int[] predicted, double[][] proba, List<String> classes) {
        int[][] groups = groups(codes, levels.size());
        List<SliceMetrics> out = new ArrayList<>();
        for (int s = 0; s < groups.length; s++) {
            int[] rows = groups[s];
            if (rows.length > 0) {
                double[][] p = proba == null ? null : new double[rows.length][];
                for (int i = 0; p != null && i < rows.length; i++) {
                    p[i] = proba[rows[i]];
                }
                out.add(new SliceMetrics(column, s < levels.size() ? levels.get(s) : null, MetricSet.of(
                        MulticlassMetrics.compute(pick(labels, rows), pick(predicted, rows), p, classes))));
            }
        }
        return out;
    }

    /** The row indices of each code {@code 0..k-1}, then of the missing code at index k. */
    private static int[][] groups(int[] codes, int k) {
        int[] counts = new int[k + 1];
        for (int code : codes) {
            counts[code < 0 ? k : code]++;
        }
        int[][] rows = new int[k + 1][];
        for (int s = 0; s <= k; s++) {
            rows[s] = new int[counts[s]];
        }
        int[] fill = new int[k + 1];
        for (int i = 0; i < codes.length; i++) {
            int s = codes[i] < 0 ? k : codes[i];
            rows[s][fill[s]++] = i;
        }
        return rows;
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
