package org.twinbench.ui;

/**
 * Thins a long series for display with min/max bucketing: the steps are cut into {@code buckets}
 * equal runs and each run keeps its first point, its lowest and its highest value, in step order.
 * Peaks and dips survive (unlike plain subsampling), and a chart never draws more than about
 * {@code 3 * buckets} points however long the run.
 */
public final class Decimator {

    private Decimator() {
    }

    /** Indices of the points to draw, ascending; all of them when there are few enough. */
    public static int[] select(MetricHistory.Series series, int buckets) {
        int n = series.size();
        if (n <= 3 * buckets) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[3 * buckets + 1];
        int used = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int low = -1;
            int high = -1;
            for (int i = from; i < to; i++) {
                double v = series.value(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                if (low < 0 || v < series.value(low)) {
                    low = i;
                }
                if (high < 0 || v > series.value(high)) {
                    high = i;
                }
            }
            used = append(out, used, from);
            used = append(out, used, Math.min(low < 0 ? from : low, high < 0 ? from : high));
            used = append(out, used, Math.max(low < 0 ? from : low, high < 0 ? from : high));
        }
        used = append(out, used, n - 1);
        return java.util.Arrays.copyOf(out, used);
    }

    /** Appends {@code index} unless it equals the last one kept (indices only ever grow). */
    private static int append(int[] out, int used, int index) {
        if (used > 0 && out[used - 1] >= index) {
            return used;
        }
        out[used] = index;
        return used + 1;
    }
}
