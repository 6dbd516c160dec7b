package org.twinbench.ui.runs;

import java.util.Locale;

/**
 * How far a run of the window has come, over the steps of every replicate, and the time left at the
 * pace so far: "Running: 95 of 180 steps (3 replicates)  ·  about 0:03 left". The window may run
 * replicates one after another, so a step number alone would run backwards. Plain Java (no toolkit),
 * fed on the FX thread with each batch of steps that arrives.
 */
public final class RunProgress {

    /** Fewer steps than this since the clock started give no estimate (too few to judge the pace). */
    static final int PACED_BEFORE_ETA = 3;

    private int steps;
    private final int replicates;
    private int done;
    /** When the first batch arrived (the clock of the ETA starts there), and how many steps it held. */
    private long firstNanos;
    private int firstBatch;
    private boolean started;
    private long lastNanos;

    /** A run of {@code steps} steps per replicate, {@code replicates} times (at least 1 each). */
    public RunProgress(int steps, int replicates) {
        this.steps = Math.max(1, steps);
        this.replicates = Math.max(1, replicates);
    }

    /** The run as compiled makes {@code planned} steps per replicate (a replay in time order may end early). */
    public void plan(int planned) {
        steps = Math.max(1, planned);
    }

    /**
     * The steps the time axis spans at the start of a run: all of them, but for a followed file, whose
     * {@code steps} is only the most windows it may take, the windows closed so far (it grows as they arrive).
     */
    static int axisSteps(org.twinbench.sim.SimulationPlan plan) {
        if (!(plan.source() instanceof org.twinbench.sim.source.FollowSource)) {
            return plan.steps();
        }
        int closed = 0;
        while (closed < plan.steps() && plan.source().windowStart(closed) != null) {
            closed++;
        }
        return Math.max(1, closed);
    }

    /** {@code received} more steps arrived at {@code nowNanos} ({@link System#nanoTime()}). */
    public void add(int received, long nowNanos) {
        done += received;
        lastNanos = nowNanos;
        if (!started) {
            started = true;
            firstNanos = nowNanos;
            firstBatch = done;
        }
    }

    /** Steps received over every replicate. */
    public int done() {
        return done;
    }

    /** Steps of the whole run: steps per replicate times replicates. */
    public int total() {
        return steps * replicates;
    }

    /** Share done, 0 to 1. */
    public double fraction() {
        return Math.min(1, done / (double) total());
    }

    /** "Running: step 5 of 60" or "Running: 95 of 180 steps (3 replicates)", with the time left once known. */
    public String text() {
        String counted = replicates == 1 ? String.format(Locale.ROOT, "step %d of %d", done, steps)
                : String.format(Locale.ROOT, "%d of %d steps (%d replicates)", done, total(), replicates);
        return "Running: " + counted + eta();
    }

    /**
     * "  ·  about m:ss left": the steps still to come at the pace of those received since the first
     * batch (rounded to whole seconds); blank until {@link #PACED_BEFORE_ETA} have arrived since, or
     * when under a second is left.
     */
    String eta() {
        int paced = done - firstBatch;
        if (paced < PACED_BEFORE_ETA) {
            return "";
        }
        long remaining = Math.round((lastNanos - firstNanos) / 1e9 / paced * (total() - done));
        return remaining < 1 ? "" : String.format(Locale.ROOT, "  ·  about %d:%02d left", remaining / 60,
                remaining % 60);
    }
}
