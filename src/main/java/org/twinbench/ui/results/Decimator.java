package org.twinbench.ui.results;

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
            used = appendBucket(series, from, to, out, used);
        }
        used = append(out, used, n - 1);
        return java.util.Arrays.copyOf(out, used);
    }

    /**
     * The indices to draw of a series that is still growing, and how many of the first of them are
     * settled: they stay the same however many points are appended, until the bucket width changes.
     * Buckets are {@code width} points wide, {@code width} the least power of two that keeps at most
     * {@code buckets} of them (so it changes only a few times in a run, never per step); each keeps
     * its first, lowest and highest point, as {@link #select} does, and the series' last point is
     * added. Only full buckets are settled: the live chart draws them once and redraws just the rest.
     * This is the definition; the live chart keeps what it picked between updates ({@link GrowingDecimation})
     * and gets the same points.
     */
    public static Selection selectGrowing(MetricHistory.Series series, int buckets) {
        return selectGrowing(series, buckets, 0);
    }

    /**
     * As {@link #selectGrowing(MetricHistory.Series, int)} for a series that will have {@code expected} points in
     * all (a run's steps; 0 when not known): its buckets are from the first point as wide as they will be at the
     * end ({@link #growingWidth}), so the points picked never change as it grows and the live chart never draws
     * its curves again from the start (it did a few times a run, at each doubling, each time every curve).
     * A series that grows past {@code expected} widens them as before.
     */
    public static Selection selectGrowing(MetricHistory.Series series, int buckets, int expected) {
        int n = series.size();
        int width = growingWidth(n, buckets, expected);
        if (width == 0) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new Selection(all, n);
        }
        int full = n / width;
        int count = (n + width - 1) / width;
        int[] out = new int[3 * count + 1];
        int used = 0;
        int settled = 0;
        for (int b = 0; b < count; b++) {
            int from = b * width;
            int to = Math.min(n, from + width);
            used = appendBucket(series, from, to, out, used);
            if (b < full) {
                settled = used;
            }
        }
        used = append(out, used, n - 1);
        return new Selection(java.util.Arrays.copyOf(out, used), settled);
    }

    /**
     * Indices of the points to draw, ascending, of which the first {@code settled} no longer change.
     *
     * @param indices the indices into the series
     * @param settled how many of the first indices stay as they are while the series grows
     */
    public record Selection(int[] indices, int settled) {
    }

    /**
     * The bucket width, in points, of a growing series of {@code n} points ({@code expected} in all, 0 when not
     * known) at {@code buckets} buckets: 0 (every point drawn) while there are at most {@code 3 * buckets} and
     * no more are expected; else the least power of two that keeps both the {@code n} points and the
     * {@code expected} ones within {@code buckets} buckets.
     */
    static int growingWidth(int n, int buckets, int expected) {
        return Math.max(widthFor(n, buckets), widthFor(expected, buckets));
    }

    private static int widthFor(int n, int buckets) {
        if (n <= 3 * buckets) {
            return 0;
        }
        int width = 1;
        while ((n + width - 1) / width > buckets) {
            width <<= 1;
        }
        return width;
    }

    /** Appends the bucket {@code [from, to)}'s first, lowest and highest point, in index order. */
    static int appendBucket(MetricHistory.Series series, int from, int to, int[] out, int used) {
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
        int lowOrFirst = low < 0 ? from : low;
        int highOrFirst = high < 0 ? from : high;
        used = append(out, used, from);
        used = append(out, used, Math.min(lowOrFirst, highOrFirst));
        return append(out, used, Math.max(lowOrFirst, highOrFirst));
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
