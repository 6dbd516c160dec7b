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

    /**
     * Times {@code ours} and {@code reference} alternately, so that a burst of load from other processes
     * slows both alike; returns the fastest repetition of each, in seconds: {ours, reference}.
     */
    public static double[] bestAlternating(int warmups, int repetitions, Runnable ours, Runnable reference) {
        for (int i = 0; i < warmups; i++) {
            ours.run();
            reference.run();
        }
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < repetitions; i++) {
            best[0] = Math.min(best[0], best(0, 1, ours));
            best[1] = Math.min(best[1], best(0, 1, reference));
        }
        return best;
    }

    public static void consume(double value) {
        sink += value;
    }
}
