package org.twinbench.sim;

import org.twinbench.stats.SliceFinder;

/**
 * What a run learnt from its rows beyond its steps' metrics, known when it ends: the worst slices of a
 * classifier's labelled rows ({@code topSlices}, by accuracy) or of a regression's ({@code errorSlices}, by mean
 * absolute error), each null when not searched or no row had a label ({@link SliceSample}), and the names of a
 * binary outcome's two values, so that a headline can say "misses 76% of 'yes'" rather than "of the positives"
 * ({@code negative} null when the label held more than one other value, or none), and the robustness profile of
 * the model serving at the end ({@link RunRobustness}; null without a {@code metrics.robustness} node). A run read
 * back from the run store gets its slices and names from its {@code run.json}.
 *
 * <p>{@code distinctShare}: a replay that draws a small file's rows again and again (40 steps of 50 from 384
 * production rows) pools the same rows many times; an interval that counted every draw would be as narrow as if
 * 2,000 different people had been seen. The share is estimated from the pooled sample of labelled rows
 * ({@link SliceSample}): its distinct rows D among m kept give the pool size P solving D = P(1 − (1 − 1/P)^m),
 * and the run's N draws then hold P(1 − (1 − 1/P)^N) different rows.
 */
public record RunFindings(SliceFinder.Result topSlices, String positive, String negative,
                          SliceFinder.Result errorSlices, double distinctShare, RunRobustness robustness,
                          java.util.List<Double> sliceBaselines) {

    public RunFindings {
        sliceBaselines = java.util.List.copyOf(sliceBaselines);
    }

    /** Findings without the found slices' baselines. */
    public RunFindings(SliceFinder.Result topSlices, String positive, String negative,
                       SliceFinder.Result errorSlices, double distinctShare, RunRobustness robustness) {
        this(topSlices, positive, negative, errorSlices, distinctShare, robustness, java.util.List.of());
    }

    /**
     * The naive baseline on the rows of the {@code i}th slice {@link #searched() found} ({@link SliceSample}):
     * always answering the reference rows' majority class (its accuracy there) or, for a regression, always
     * predicting their mean (its MAE there); NaN when not known (a run stored before it was kept).
     */
    public double sliceBaseline(int i) {
        return i < sliceBaselines.size() && sliceBaselines.get(i) != null ? sliceBaselines.get(i) : Double.NaN;
    }

    /** The findings of a classifier run that drew no row twice (or whose repeats are unknown). */
    public RunFindings(SliceFinder.Result topSlices, String positive, String negative) {
        this(topSlices, positive, negative, null, 1.0, null);
    }

    /** Findings with a regression's error slices, no repeats known and no robustness profile. */
    public RunFindings(SliceFinder.Result topSlices, String positive, String negative,
                       SliceFinder.Result errorSlices) {
        this(topSlices, positive, negative, errorSlices, 1.0, null);
    }

    /** These findings with a robustness profile. */
    public RunFindings with(RunRobustness profile) {
        return new RunFindings(topSlices, positive, negative, errorSlices, distinctShare, profile, sliceBaselines);
    }

    /** The worst slices found, of either search; null when none was made. */
    public SliceFinder.Result searched() {
        return topSlices != null ? topSlices : errorSlices;
    }

    /**
     * The labelled rows a run pooled, counted as different rows: {@code rows} times {@link #distinctShare} (the
     * estimated share of the run's labelled draws that were different rows, 1 when no row was drawn twice).
     */
    public long distinctRows(long rows) {
        return Double.isNaN(distinctShare) || distinctShare >= 1 ? rows : Math.round(rows * distinctShare);
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
