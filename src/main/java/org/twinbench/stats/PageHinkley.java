package org.twinbench.stats;

import java.util.Map;

/**
 * The Page–Hinkley test (Page, Biometrika 1954) for an increase of the mean: with the running mean
 * x̄_t, the faded cumulative sum m_t = α·m_{t−1} + (x_t − x̄_t − δ) and its minimum M_t, drift when
 * m_t − M_t &gt; λ after {@code minInstances} values. Defaults as MOA's {@code PageHinkleyDM}: δ = 0.005,
 * λ = 50, α = 1 − 0.0001, 30 instances.
 *
 * <p>MOA 2024.07's {@code PageHinkleyDM} compares m_t itself with λ (no minimum; later MOA sources
 * subtract it). {@code minimum = 0} selects that variant, whose detections are then MOA 2024.07's.
 */
public final class PageHinkley implements ChangeDetector {

    private final int minInstances;
    private final double delta;
    private final double lambda;
    private final double alpha;
    private final boolean subtractMinimum;
    private boolean fresh = true;
    private int n;
    private double mean;
    private double sum;
    private double minimum;

    public PageHinkley() {
        this(30, 0.005, 50, 1 - 0.0001, true);
    }

    public PageHinkley(int minInstances, double delta, double lambda, double alpha, boolean subtractMinimum) {
        this.subtractMinimum = subtractMinimum;
        this.minInstances = minInstances;
        this.delta = delta;
        this.lambda = lambda;
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "page-hinkley";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("min_instances", (double) minInstances, "delta", delta, "lambda", lambda, "alpha", alpha,
                "minimum", subtractMinimum ? 1.0 : 0.0);
    }

    @Override
    public Signal update(double x) {
        if (fresh) {
            n = 1;
            mean = 0;
            sum = 0;
            minimum = Double.MAX_VALUE;
            fresh = false;
        }
        mean = mean + (x - mean) / (double) n;
        sum = alpha * sum + (x - mean - delta);
        n++;
        if (sum <= minimum) {
            minimum = sum;
        }
        if (n < minInstances) {
            return Signal.NONE;
        }
        if ((subtractMinimum ? sum - minimum : sum) > lambda) {
            fresh = true;
            return Signal.DRIFT;
        }
        return Signal.NONE;
    }
}
