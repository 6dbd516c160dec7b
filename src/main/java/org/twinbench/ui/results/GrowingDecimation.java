package org.twinbench.ui.results;

import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The live chart's decimation of one growing series, kept between chart updates: the points of full buckets
 * ({@link Decimator#selectGrowing}) are picked once and kept, so an update looks only at the steps added since
 * the last one and the open bucket at the end, not at every step of the run again (a long run's update scanned
 * and copied every series each time). The curve it gives equals {@link ChartCurve}'s from scratch: same points,
 * same settled count. When the bucket width doubles, the kept points are picked again from the start; with the
 * run's length known ({@code expected}) the width is the final one from the start and never doubles.
 * <p>
 * One per series, bucket count and expected length, found through {@link #of}: a series only ever grows, so what was picked
 * stays right until it is dropped with the series (weak keys). Not thread-safe: one cache per thread.
 */
final class GrowingDecimation {

    /** This thread's decimations, by series (identity: {@code Series} keeps {@code Object}'s equality). */
    private static final ThreadLocal<Map<MetricHistory.Series, GrowingDecimation>> CACHE =
            ThreadLocal.withInitial(WeakHashMap::new);

    private final int buckets;
    /** How many points the series will have in all (0: not known); see {@link Decimator#growingWidth}. */
    private final int expected;
    /** Bucket width in steps; 0 while the series is short enough to draw every point. */
    private int width = -1;
    /** Points (all: width 0) or full buckets (width &gt; 0) already picked. */
    private int done;
    /** The last index picked so far (-1: none). */
    private int lastIndex = -1;
    /** The picked points that have a value, in order: their steps and values. */
    private int[] steps = new int[64];
    private double[] values = new double[64];
    private int points;
    /** Reused for the open bucket: its picked indices. */
    private final int[] open = new int[4];

    private GrowingDecimation(int buckets, int expected) {
        this.buckets = buckets;
        this.expected = expected;
    }

    /**
     * The decimation kept for {@code series} at {@code buckets} buckets, {@code expected} points expected in all
     * (0: not known), on this thread.
     */
    static GrowingDecimation of(MetricHistory.Series series, int buckets, int expected) {
        Map<MetricHistory.Series, GrowingDecimation> cache = CACHE.get();
        GrowingDecimation kept = cache.get(series);
        if (kept == null || kept.buckets != buckets || kept.expected != expected) {
            kept = new GrowingDecimation(buckets, expected);
            cache.put(series, kept);
        }
        return kept;
    }

    /** The curve of {@code series} now: what was picked before, the newly full buckets, then the open end. */
    ChartCurve curve(String name, int colour, MetricHistory.Series series, boolean estimate) {
        int n = series.size();
        int now = widthFor(n);
        if (now != width) {
            width = now;
            done = 0;
            lastIndex = -1;
            points = 0;
        }
        if (width == 0) {
            for (; done < n; done++) {
                keep(series, done);
            }
            return copy(name, colour, estimate, 0, points);
        }
        int full = n / width;
        for (; done < full; done++) {
            int used = Decimator.appendBucket(series, done * width, (done + 1) * width, open, 0);
            for (int k = 0; k < used; k++) {
                keep(series, open[k]);
            }
        }
        // The open bucket and the last point: drawn, not kept (the next steps may change them).
        int settled = points;
        int used = full * width < n ? Decimator.appendBucket(series, full * width, n, open, 0) : 0;
        if (used == 0 || open[used - 1] < n - 1) {
            open[used++] = n - 1;
        }
        int extra = 0;
        int last = lastIndex;
        for (int k = 0; k < used; k++) {
            if (open[k] > last && !Double.isNaN(series.value(open[k]))) {
                extra++;
            }
            last = Math.max(last, open[k]);
        }
        ChartCurve curve = copy(name, colour, estimate, extra, settled);
        int at = settled;
        last = lastIndex;
        for (int k = 0; k < used; k++) {
            if (open[k] > last && !Double.isNaN(series.value(open[k]))) {
                curve.steps()[at] = series.step(open[k]);
                curve.values()[at++] = series.value(open[k]);
            }
            last = Math.max(last, open[k]);
        }
        return curve;
    }

    /** The kept points and room for {@code extra} more, as a curve whose first {@code settled} points stay. */
    private ChartCurve copy(String name, int colour, boolean estimate, int extra, int settled) {
        return new ChartCurve(name, colour, Arrays.copyOf(steps, points + extra), Arrays.copyOf(values, points + extra),
                estimate, null, null, settled);
    }

    /** Keeps point {@code i} (in index order; an index not past the last kept is already there). */
    private void keep(MetricHistory.Series series, int i) {
        if (i <= lastIndex) {
            return;
        }
        lastIndex = i;
        double value = series.value(i);
        if (Double.isNaN(value)) {
            return;
        }
        if (points == steps.length) {
            steps = Arrays.copyOf(steps, points * 2);
            values = Arrays.copyOf(values, points * 2);
        }
        steps[points] = series.step(i);
        values[points++] = value;
    }

    /** The bucket width {@link Decimator#selectGrowing} uses for {@code n} points (0: every point). */
    private int widthFor(int n) {
        return Decimator.growingWidth(n, buckets, expected);
    }
}
