package org.twinbench.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The smallest strength of a perturbation that takes a metric past a limit: the metric is evaluated on a grid of
 * strengths from 0 up to a maximum until it first falls below the limit, then that step is narrowed by bisection.
 * Finds the first crossing on the grid, which is the smallest one when the metric falls steadily with the strength
 * (a shift pushing rows across a decision boundary); a dip narrower than a grid step can be missed.
 */
public final class RobustnessSearch {

    /** Grid steps between 0 and the maximum strength. */
    public static final int GRID = 40;
    /** Bisection halvings of the bracketing step: the answer is within max / (GRID · 2^ITERATIONS). */
    public static final int ITERATIONS = 30;

    private RobustnessSearch() {
    }

    /**
     * The smallest strength in (0, max] at which {@code metric} falls below {@code limit}, or NaN when it stays at or
     * above the limit up to {@code max}. {@code metric.applyAsDouble(0)} is the unperturbed value.
     */
    public static double smallestStrength(DoubleUnaryOperator metric, double limit, double max) {
        double previous = 0;
        for (int g = 1; g <= GRID; g++) {
            double strength = max * g / GRID;
            if (metric.applyAsDouble(strength) < limit) {
                double low = previous;
                double high = strength;
                for (int i = 0; i < ITERATIONS; i++) {
                    double mid = (low + high) / 2;
                    if (metric.applyAsDouble(mid) < limit) {
                        high = mid;
                    } else {
                        low = mid;
                    }
                }
                return high;
            }
            previous = strength;
        }
        return Double.NaN;
    }
}
