package org.twinbench.stats;

/**
 * The reference side of a drift comparison, computed once (sorted values and decile bins, or
 * category counts) and reused for every current window, so that the cost of a window grows with
 * the window and not with the reference.
 */
public sealed interface ReferenceProfile permits NumericReference, CategoricalReference {

    /** Present (non-missing) reference values. */
    long count();

    /** Share of the reference rows that were missing. */
    double missingFraction();
}
