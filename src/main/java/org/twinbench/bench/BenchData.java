package org.twinbench.bench;

import java.util.SplittableRandom;

/** Seeded inputs of the benchmark workloads. */
final class BenchData {

    private BenchData() {
    }

    /** n normal values with the given mean and standard deviation. */
    static double[] gaussian(long seed, int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * random.nextGaussian();
        }
        return out;
    }

    /** n 0/1 values, P(1) = before until {@code change}, then after. */
    static double[] bernoulli(long seed, int n, int change, double before, double after) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble() < (i < change ? before : after) ? 1 : 0;
        }
        return out;
    }
}
