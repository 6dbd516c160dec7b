package org.twinbench.ui;

/**
 * One curve as the live chart draws it: the (decimated) points of a metric of one slice, or of an
 * estimate of it. Plain values, so the view model can be tested without the toolkit.
 *
 * @param name what the legend and the hover label call it, e.g. {@code region=north}
 * @param colour index into the chart's palette: the slice's position, so a slice keeps its colour
 *     when others are hidden; an estimate takes the colour of the metric it estimates
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
}
