package org.twinbench.sim;

/**
 * The Page-Hinkley test for an increase in the mean (Page 1954; the form used by MOA's
 * {@code PageHinkleyDM}): with the running mean x̄ₜ,
 * {@code sumₜ = max(0, α sumₜ₋₁ + xₜ − x̄ₜ − δ)}, and a change is signalled when {@code sumₜ > λ}
 * after at least {@code minInstances} values; the test then restarts.
 *
 * <p>Temporary: the engine's built-in detector until the stats layer's detectors (ADWIN and others)
 * land and are registered in {@link ChangeDetectors}.
 */
public final class PageHinkley implements ChangeDetector {

    private final int minInstances;
    private final double delta;
    private final double lambda;
    private final double alpha;
    private long count;
    private double mean;
    private double sum;

    public PageHinkley(int minInstances, double delta, double lambda, double alpha) {
        this.minInstances = minInstances;
        this.delta = delta;
        this.lambda = lambda;
        this.alpha = alpha;
        reset();
    }

    private void reset() {
        count = 1;
        mean = 0;
        sum = 0;
    }

    @Override
    public boolean add(double value) {
        mean += (value - mean) / count;
        sum = Math.max(0, alpha * sum + value - mean - delta);
        count++;
        if (count < minInstances) {
            return false;
        }
        if (sum > lambda) {
            reset();
            return true;
        }
        return false;
    }
}
