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
}
