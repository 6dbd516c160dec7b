package org.twinbench.bench;

/** Wall-clock timing with warm-up: the best of several repetitions, in seconds. */
public final class Timing {

    /** Defeats dead-code elimination: workloads add their results here. */
    private static volatile double sink;

    private Timing() {
    }

    /** Runs {@code body} {@code warmups} times untimed, then {@code repetitions} times; returns the fastest. */
    public static double best(int warmups, int repetitions, Runnable body) {
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            body.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    public static void consume(double value) {
        sink += value;
    }
}
