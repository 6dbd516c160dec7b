package org.twinbench.bench;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Wall-clock timing with warm-up: the best of several repetitions, in seconds; and, beside it, CPU time, which a
 * loaded machine inflates far less than the wall clock (another process's work takes turns on the cores, not this
 * thread's CPU time): {@link #THREAD_CPU} for work on the calling thread, {@link #PROCESS_CPU} for work spread over
 * threads (the garbage collector's and compilers' threads included).
 */
public final class Timing {

    /** The calling thread's CPU time, in nanoseconds. */
    public static final LongSupplier THREAD_CPU = () -> ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();

    /** The whole JVM's CPU time (every thread's), in nanoseconds. */
    public static final LongSupplier PROCESS_CPU = () -> ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();

    /** Defeats dead-code elimination: workloads add their results here. */
    private static volatile double sink;

    private Timing() {
    }

    /** Runs {@code body} {@code warmups} times untimed, then {@code repetitions} times; returns the fastest. */
    public static double best(int warmups, int repetitions, Runnable body) {
        return bestWithCpu(warmups, repetitions, body, THREAD_CPU)[0];
    }

    /**
     * As {@link #best}, measuring {@code cpu} as well: {wall seconds, CPU seconds}, the fewest of each over the
     * repetitions.
     */
    public static double[] bestWithCpu(int warmups, int repetitions, Runnable body, LongSupplier cpu) {
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < repetitions; i++) {
            long cpuStart = cpu.getAsLong();
            long start = System.nanoTime();
            body.run();
            best[0] = Math.min(best[0], (System.nanoTime() - start) / 1e9);
            best[1] = Math.min(best[1], (cpu.getAsLong() - cpuStart) / 1e9);
        }
        return best;
    }

    /**
     * Times {@code ours} and {@code reference} alternately, so that a burst of load from other processes
     * slows both alike; returns the fastest repetition of each, in seconds: {ours, reference}.
     */
    public static double[] bestAlternating(int warmups, int repetitions, Runnable ours, Runnable reference) {
        double[] both = bestAlternating(warmups, repetitions, ours, reference, THREAD_CPU);
        return new double[] {both[0], both[1]};
    }

    /**
     * As {@link #bestAlternating(int, int, Runnable, Runnable)}, measuring {@code cpu} as well: {ours' wall seconds,
     * the reference's, ours' CPU seconds, the reference's}, the fewest of each over the repetitions.
     */
    public static double[] bestAlternating(int warmups, int repetitions, Runnable ours, Runnable reference,
                                           LongSupplier cpu) {
        for (int i = 0; i < warmups; i++) {
            ours.run();
            reference.run();
        }
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY};
        for (int i = 0; i < repetitions; i++) {
            double[] one = bestWithCpu(0, 1, ours, cpu);
            double[] other = bestWithCpu(0, 1, reference, cpu);
            best[0] = Math.min(best[0], one[0]);
            best[1] = Math.min(best[1], other[0]);
            best[2] = Math.min(best[2], one[1]);
            best[3] = Math.min(best[3], other[1]);
        }
        return best;
    }

    /**
     * The CPU-time figures of a workload into {@code extra}: {@code cpu_ms} (ours), {@code reference_cpu_ms} and
     * {@code cpu_ratio} (ours over the reference's, as the wall-clock {@code ratio}).
     */
    static void putCpu(java.util.Map<String, Object> extra, double cpuSeconds, double referenceCpuSeconds) {
        extra.put("cpu_ms", Math.round(cpuSeconds * 1e4) / 10.0);
        extra.put("reference_cpu_ms", Math.round(referenceCpuSeconds * 1e4) / 10.0);
        extra.put("cpu_ratio", Math.round(cpuSeconds / referenceCpuSeconds * 1000) / 1000.0);
    }

    public static void consume(double value) {
        sink += value;
    }
}
