package org.twinbench.stats;

import java.util.Map;

/**
 * One-sided CUSUM (Page 1954) for an increase of the mean: g_t = max(0, g_{t−1} + x_t − x̄_t − δ) with
 * x̄_t the running mean; drift when g_t &gt; λ after {@code minInstances} values. Same arithmetic and
 * defaults as MOA's {@code CusumDM}: δ = 0.005, λ = 50, 30 instances.
 */
public final class Cusum implements ChangeDetector {

    private final int minInstances;
    private final double delta;
    private final double lambda;
    private boolean fresh = true;
    private int n;
    private double mean;
    private double sum;

    public Cusum() {
        this(30, 0.005, 50);
    }

    public Cusum(int minInstances, double delta, double lambda) {
        this.minInstances = minInstances;
        this.delta = delta;
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "cusum";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("min_instances", (double) minInstances, "delta", delta, "lambda", lambda);
    }

    @Override
    public Signal update(double x) {
        if (fresh) {
            n = 1;
            mean = 0;
            sum = 0;
            fresh = false;
        }
        mean = mean + (x - mean) / (double) n;
        sum = Math.max(0, sum + x - mean - delta);
        n++;
        if (n < minInstances) {
            return Signal.NONE;
        }
        if (sum > lambda) {
            fresh = true;
            return Signal.DRIFT;
        }
        return Signal.NONE;
    }
}
