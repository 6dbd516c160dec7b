package org.twinbench.ui.results;

/**
 * One curve as the live chart draws it: the (decimated) points of a metric of one slice, or of an
 * estimate of it. Plain values, so the view model can be tested without the toolkit.
 *
 * @param name what the legend and the hover label call it, e.g. {@code region=north}
 * @param colour index into the chart's palette, from the slice's value as the report picks it
 *     ({@link org.twinbench.report.SliceColours}), -1 for the grey curve of the others; an estimate
 *     takes the colour of the overall curve
 * @param steps the steps of the points, ascending
 * @param values the values at those steps (no NaN: steps without a value are left out)
 * @param estimate whether this is a label-free estimate (drawn dashed) rather than a measured value
 * @param low the lower edge of a band around the curve per point (the 5th percentile over
 *     replicates), or {@code null} without a band
 * @param high the upper edge (95th percentile), or {@code null}
 * @param settled how many of the first points stay as they are while the run goes on (the chart
 *     draws those once); 0 when unknown
 */
public record ChartCurve(String name, int colour, int[] steps, double[] values, boolean estimate, double[] low,
                         double[] high, int settled) {

    public ChartCurve(String name, int colour, int[] steps, double[] values, boolean estimate, double[] low,
                      double[] high) {
        this(name, colour, steps, values, estimate, low, high, 0);
    }

    public ChartCurve(String name, int colour, int[] steps, double[] values, boolean estimate) {
        this(name, colour, steps, values, estimate, null, null, 0);
    }

    public int size() {
        return steps.length;
    }

    public boolean hasBand() {
        return low != null && high != null;
    }

    /** The index of the point nearest to {@code step} (by step), or -1 for an empty curve. */
    public int nearest(double step) {
        int lo = 0;
        int hi = steps.length - 1;
        if (hi < 0) {
            return -1;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo > 0 && step - steps[lo - 1] < steps[lo] - step ? lo - 1 : lo;
    }

    /**
     * A series decimated to about three points per bucket of {@code buckets}; full buckets settle
     * (see {@link Decimator#selectGrowing}), and the points before them are marked settled. Kept between
     * calls for the same series ({@link GrowingDecimation}): a growing series' update picks only its new points.
     */
    static ChartCurve decimated(String name, int colour, MetricHistory.Series values, boolean estimate, int buckets) {
        return decimated(name, colour, values, estimate, buckets, 0);
    }

    /** As {@link #decimated(String, int, MetricHistory.Series, boolean, int)}, {@code expected} points in all. */
    static ChartCurve decimated(String name, int colour, MetricHistory.Series values, boolean estimate, int buckets,
                                int expected) {
        return GrowingDecimation.of(values, buckets, expected).curve(name, colour, values, estimate);
    }

    /** The mean over replicates, decimated, with the band's edges at the same points. */
    static ChartCurve banded(String name, int colour, ReplicateBands.Band band, int buckets) {
        int[] keep = Decimator.select(band.mean, buckets);
        int[] steps = new int[keep.length];
        double[] mean = new double[keep.length];
        double[] low = new double[keep.length];
        double[] high = new double[keep.length];
        int n = 0;
        for (int i : keep) {
            if (!Double.isNaN(band.mean.value(i))) {
                steps[n] = band.mean.step(i);
                mean[n] = band.mean.value(i);
                low[n] = band.low[i];
                high[n++] = band.high[i];
            }
        }
        return new ChartCurve(name, colour, java.util.Arrays.copyOf(steps, n), java.util.Arrays.copyOf(mean, n), false,
                java.util.Arrays.copyOf(low, n), java.util.Arrays.copyOf(high, n));
    }

    /** The lowest and highest value (band edges included) over {@code curves}; NaN for none. */
    static double[] range(java.util.List<ChartCurve> curves) {
        double low = Double.NaN;
        double high = Double.NaN;
        for (ChartCurve curve : curves) {
            for (double[] edge : curve.hasBand() ? new double[][] {curve.low(), curve.high()}
                    : new double[][] {curve.values()}) {
                for (double v : edge) {
                    low = Double.isNaN(low) || v < low ? v : low;
                    high = Double.isNaN(high) || v > high ? v : high;
                }
            }
        }
        return new double[] {low, high};
    }
}
