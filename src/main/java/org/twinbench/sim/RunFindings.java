package org.twinbench.sim;

import org.twinbench.stats.SliceFinder;

/**
 * What a run learnt from its rows beyond its steps' metrics, known when it ends: the worst slices of a
 * classifier's labelled rows ({@code topSlices}, by accuracy) or of a regression's ({@code errorSlices}, by mean
 * absolute error), each null when not searched or no row had a label ({@link SliceSample}), and the names of a
 * binary outcome's two values, so that a headline can say "misses 76% of 'yes'" rather than "of the positives"
 * ({@code negative} null when the label held more than one other value, or none). A run read back from the
 * run store gets them from its {@code run.json}.
 */
public record RunFindings(SliceFinder.Result topSlices, String positive, String negative,
                          SliceFinder.Result errorSlices) {

    /** The findings of a classifier run. */
    public RunFindings(SliceFinder.Result topSlices, String positive, String negative) {
        this(topSlices, positive, negative, null);
    }

    /** The worst slices found, of either search; null when none was made. */
    public SliceFinder.Result searched() {
        return topSlices != null ? topSlices : errorSlices;
    }

    /** The positive value quoted ({@code 'yes'}), or {@code fallback} when unknown. */
    public String positiveOr(String fallback) {
        return positive == null || positive.isEmpty() ? fallback : "'" + positive + "'";
    }

    /** The other value quoted ({@code 'no'}), or {@code fallback} when unknown. */
    public String negativeOr(String fallback) {
        return negative == null || negative.isEmpty() ? fallback : "'" + negative + "'";
    }
}
