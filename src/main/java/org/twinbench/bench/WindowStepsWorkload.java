package org.twinbench.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;

/**
 * "Window steps": the {@linkplain StandardScenarioWorkload standard scenario} in the small batches a
 * run in the window makes (100 rows a step, 10,000 steps), one replicate on one thread: the time of a
 * step and the bytes it allocates, which the garbage collector must reclaim while the window draws
 * (its pauses stop the window's threads too). The reference is the same hand-written loop over
 * primitive arrays as the standard scenario's; its bytes per step are measured the same way, so the
 * two allocation figures say how much the engine's general structure costs over the arithmetic. Both are timed in
 * wall-clock and in this thread's CPU time (the run is on the calling thread), which load from other processes
 * inflates far less.
 */
final class WindowStepsWorkload implements Workload {

    static final int BATCH = 100;

    @Override
    public String name() {
        return "engine.window-steps";
    }

    @Override
    public String description() {
        return "standard scenario in the window's 100-row steps, 1 replicate; time and bytes allocated per step; "
                + "reference: hand-written loop";
    }

    @Override
    public BenchResult run(boolean quick) {
        int steps = quick ? 2_000 : 10_000;
        Path dir = StandardScenarioWorkload.loansFolder();
        SimulationPlan plan = ScenarioCompiler.compile(StandardScenarioWorkload.scenario(BATCH, steps), dir,
                new RunListener() { });
        int reps = quick ? 1 : 3;
        // Wall seconds and this thread's CPU seconds of the engine, then of the loop.
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY};
        long[] fewestBytes = {Long.MAX_VALUE, Long.MAX_VALUE};
        // A warm-up repetition first, then the two in turn so load on a shared machine slows both alike.
        for (int rep = -1; rep < reps; rep++) {
            long bytes = allocated();
            double[] engine = Timing.bestWithCpu(0, 1, () -> SimulationEngine.run(plan, 0, new RunListener() { },
                    new RunControl()), Timing.THREAD_CPU);
            long engineBytes = allocated() - bytes;
            bytes = allocated();
            double[] hand = Timing.bestWithCpu(0, 1,
                    () -> Timing.consume(StandardScenarioWorkload.handWritten(plan, 0).length), Timing.THREAD_CPU);
            long handBytes = allocated() - bytes;
            if (rep >= 0) {
                best[0] = Math.min(best[0], engine[0]);
                best[1] = Math.min(best[1], hand[0]);
                best[2] = Math.min(best[2], engine[1]);
                best[3] = Math.min(best[3], hand[1]);
                fewestBytes[0] = Math.min(fewestBytes[0], engineBytes);
                fewestBytes[1] = Math.min(fewestBytes[1], handBytes);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("steps", steps);
        extra.put("steps_per_second", Math.round(steps / best[0]));
        extra.put("bytes_per_step", fewestBytes[0] / steps);
        extra.put("reference_bytes_per_step", fewestBytes[1] / steps);
        extra.put("bytes_ratio", Math.round((double) fewestBytes[0] / fewestBytes[1] * 1000) / 1000.0);
        Timing.putCpu(extra, best[2], best[3]);
        StandardScenarioWorkload.removeLoansFolder(dir);
        return new BenchResult(name(), (long) steps * BATCH, best[0], "hand-written loop, 1 thread", best[1], extra);
    }

    /** Bytes this thread has allocated so far (HotSpot's count; it includes what the timing itself allocates). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
