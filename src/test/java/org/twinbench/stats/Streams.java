package org.twinbench.stats;

import java.util.SplittableRandom;

/** Seeded test streams: error indicators (0/1) and real values, with abrupt, gradual or no change. */
final class Streams {

    private Streams() {
    }

    /** 0/1 values, P(1) = before up to {@code change}, then after. */
    static double[] abruptBernoulli(long seed, int n, int change, double before, double after) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble() < (i < change ? before : after) ? 1 : 0;
        }
        return out;
    }

    /** 0/1 values whose P(1) moves linearly from before to after over [start, end). */
    static double[] gradualBernoulli(long seed, int n, int start, int end, double before, double after) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double share = i < start ? 0 : i >= end ? 1 : (double) (i - start) / (end - start);
            out[i] = random.nextDouble() < before + share * (after - before) ? 1 : 0;
        }
        return out;
    }

    /** Gaussian values with standard deviation 1 whose mean jumps from before to after at {@code change}. */
    static double[] gaussianShift(long seed, int n, int change, double before, double after) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // Box–Muller, one value per pair.
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            out[i] = (i < change ? before : after) + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return out;
    }
}
