package org.twinbench.sim;

import org.twinbench.stats.SliceFinder;

/**
 * What a run learnt from its rows beyond its steps' metrics, known when it ends: the worst slices of its
 * labelled rows ({@link SliceSample}; null for a regression or when no row had a label) and the names of a
 * binary outcome's two values, so that a headline can say "misses 76% of 'yes'" rather than "of the positives"
 * ({@code negative} null when the label held more than one other value, or none), and the robustness profile of
 * the model serving at the end ({@link RunRobustness}; null without a {@code metrics.robustness} node).
 */
public record RunFindings(SliceFinder.Result topSlices, String positive, String negative, RunRobustness robustness) {

    /** Findings without a robustness profile. */
    public RunFindings(SliceFinder.Result topSlices, String positive, String negative) {
        this(topSlices, positive, negative, null);
    }

    /** These findings with a robustness profile. */
    public RunFindings with(RunRobustness profile) {
        return new RunFindings(topSlices, positive, negative, profile);
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
