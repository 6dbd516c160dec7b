package org.twinbench.ui.bench;

import java.util.Locale;

/**
 * The phases of one benchmarked run, from the chart's revisions: until the first step reaches the chart (the
 * scenario compiled: data read, model trained), while steps stream in, and after the last one (the run's
 * findings and its record in the run store). The chart updates a second are counted over the whole run, so a
 * run whose steps go faster while its compiling and recording do not gets fewer updates a second over all:
 * {@code chart_update_per_s_streaming} counts them over the streaming phase alone. FX thread for
 * {@link #revised}; any thread for the rest.
 */
final class RunPhases {

    private volatile long firstStep;
    private volatile long lastStep;
    private volatile long streamingUpdates;

    /** Before a run starts. */
    void reset() {
        firstStep = 0;
        lastStep = 0;
        streamingUpdates = 0;
    }

    /** The chart took a revision with {@code steps} steps in all (FX thread). */
    void revised(int steps) {
        if (steps <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (firstStep == 0) {
            firstStep = now;
        }
        if (lastStep == 0) {
            streamingUpdates++;
            if (steps >= AppRunSmoothness.STEPS) {
                lastStep = now;
            }
        }
    }

    /** Prints the phases of the run from {@code from} to {@code to} ({@link System#nanoTime()}). */
    void report(long from, long to, int steps) {
        if (firstStep == 0 || lastStep == 0) {
            System.out.println("  phases: the run's steps did not all reach the chart");
            return;
        }
        double streaming = (lastStep - firstStep) / 1e9;
        System.out.printf(Locale.ROOT,
                "  phases: before_first_step_s=%.2f streaming_s=%.2f after_last_step_s=%.2f steps_per_s=%.0f"
                        + " chart_update_per_s_streaming=%.1f%n",
                (firstStep - from) / 1e9, streaming, (to - lastStep) / 1e9, steps / Math.max(1e-9, streaming),
                streamingUpdates / Math.max(1e-9, streaming));
    }
}
