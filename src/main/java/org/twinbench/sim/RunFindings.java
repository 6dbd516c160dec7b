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
 *
 * <p>{@code leaks}: the model's features that give the outcome away in the data file's rows (the data-quality check
 * {@code leakage}, {@link Leak}); a run measured with one shows a model that knows the outcome, so the verdict calls
 * its figures optimistic. Empty when none (or not known).
 */
public record RunFindings(SliceFinder.Result topSlices, String positive, String negative,
                          SliceFinder.Result errorSlices, double distinctShare, RunRobustness robustness,
                          java.util.List<Double> sliceBaselines, java.util.List<Leak> leaks) {

    /**
     * A feature the model was given that gives the outcome away: {@code reason} is the leakage finding's sentence
     * ("feature 'expenditure' alone predicts 'card' almost perfectly (it is 0 in 296 of the 296 rows where 'card' is
     * 'no' and in 2.1% of the others); it is probably recorded after the outcome").
     */
    public record Leak(String column, String reason) implements java.io.Serializable {
    }

    public RunFindings {
        sliceBaselines = sliceBaselines == null ? java.util.List.of() : java.util.List.copyOf(sliceBaselines);
        leaks = leaks == null ? java.util.List.of() : java.util.List.copyOf(leaks);
    }

    /** Findings with the found slices' baselines, without leaked columns. */
    public RunFindings(SliceFinder.Result topSlices, String positive, String negative,
                       SliceFinder.Result errorSlices, double distinctShare, RunRobustness robustness,
                       java.util.List<Double> sliceBaselines) {
        this(topSlices, positive, negative, errorSlices, distinctShare, robustness, sliceBaselines, java.util.List.of());
    }

    /** Findings without the found slices' baselines or leaked columns. */
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
        return new RunFindings(topSlices, positive, negative, errorSlices, distinctShare, profile, sliceBaselines,
                leaks);
    }

    /** These findings with the leaked columns {@code found} (see {@link Leak}). */
    public RunFindings withLeaks(java.util.List<Leak> found) {
        return new RunFindings(topSlices, positive, negative, errorSlices, distinctShare, robustness, sliceBaselines,
                found);
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
