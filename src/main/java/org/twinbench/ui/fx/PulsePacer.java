package org.twinbench.ui.fx;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import org.twinbench.sim.RunControl;

/**
 * Paces a simulation running flat out by the window's pulses, so the FX and render threads get the
 * cores they need on a small machine. An {@link AnimationTimer} notes every pulse; before each step
 * the engine ({@link RunControl.Yield}) gives way:
 * <ul>
 *   <li>while the pulse is late (none for {@link #LATE_NANOS}): the FX or render thread is waiting for
 *       a core, so the engine sleeps until the next pulse comes, for at most {@link #MAX_WAIT_NANOS} a
 *       step, and not at all once none came for {@link #STALLED_NANOS} (a window that stops pulsing
 *       never stops the run);</li>
 *   <li>for the first part of each frame ({@link #share()}): when pulses came late lately, the engine
 *       leaves the start of every frame, where the window lays out and renders, to the window. That
 *       part grows by {@link #BACK_OFF_NANOS} with every late pulse and shrinks slowly while pulses
 *       come on time, so a quiet machine runs at full speed.</li>
 * </ul>
 * A run without a window has no pacer and is not slowed. The clock and the sleep are injectable for
 * tests; {@link #pulse(long)} is what the timer calls.
 */
public final class PulsePacer implements RunControl.Yield {

    /** A pulse this long after the previous one is late (a frame is 16.7 ms at 60 Hz). */
    static final long LATE_NANOS = 22_000_000L;
    /** The longest a step waits for a late pulse. */
    static final long MAX_WAIT_NANOS = 40_000_000L;
    /** No pulse for this long: the window is not pulsing at all (hidden, or blocked), so nothing is gained by waiting. */
    static final long STALLED_NANOS = 250_000_000L;
    /** The most of each frame left to the window. */
    static final long MAX_HOLD_NANOS = 12_000_000L;
    /** How much more of each frame a late pulse leaves to the window. */
    static final long BACK_OFF_NANOS = 3_000_000L;
    /** How much less of each frame an on-time pulse leaves to the window. */
    static final long RECOVER_NANOS = 250_000L;
    /** How long the engine sleeps between looks at the clock. */
    static final long NAP_NANOS = 1_000_000L;

    /** Nanoseconds engines have slept in {@link #await()} since start-up, all pacers together (read by the benchmarks). */
    private static final java.util.concurrent.atomic.AtomicLong HELD_NANOS = new java.util.concurrent.atomic.AtomicLong();
    /** Steps that slept in {@link #await()} at all since start-up, all pacers together. */
    private static final java.util.concurrent.atomic.AtomicLong HELD_STEPS = new java.util.concurrent.atomic.AtomicLong();

    private final LongSupplier clock;
    private final Sleeper sleeper;
    private volatile long lastPulse;
    private volatile long hold;
    private volatile boolean running;
    private AnimationTimer timer;

    /** How the engine thread sleeps (replaced in tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    public PulsePacer() {
        this(System::nanoTime, nanos -> {
            LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        });
    }

    PulsePacer(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Starts noting pulses; call on the FX thread. Until then (and after {@link #stop()}) the engine never waits.
     * Called off the FX thread (a window model driven without a window, as in tests) there are no pulses to give
     * way to, and it does nothing.
     */
    public void start() {
        if (!javafx.application.Platform.isFxApplicationThread()) {
            return;
        }
        begin();
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulse(clock.getAsLong());
                }
            };
        }
        timer.start();
    }

    /** From now on the engine gives way to late pulses (the timer that reports them is started by {@link #start()}). */
    void begin() {
        lastPulse = clock.getAsLong();
        hold = 0;
        running = true;
    }

    /** Stops noting pulses (the window no longer asks for a frame every pulse); call on the FX thread. */
    public void stop() {
        running = false;
        if (timer != null) {
            timer.stop();
        }
    }

    /** A pulse began at {@code now}: a late one leaves more of each frame to the window, an on-time one less. */
    void pulse(long now) {
        long gap = now - lastPulse;
        lastPulse = now;
        hold = gap > LATE_NANOS ? Math.min(MAX_HOLD_NANOS, hold + BACK_OFF_NANOS) : Math.max(0, hold - RECOVER_NANOS);
    }

    /** The part of each frame, in nanoseconds, that the engine now leaves to the window. */
    long share() {
        return hold;
    }

    /**
     * How long engines have slept for pulses since start-up (nanoseconds) and how many steps slept at all, all
     * pacers of the application together: what the pacer's hold costs a run, for the smoothness benchmarks.
     */
    public static long[] held() {
        return new long[] {HELD_NANOS.get(), HELD_STEPS.get()};
    }

    @Override
    public void await() throws InterruptedException {
        if (!running) {
            return;
        }
        long start = clock.getAsLong();
        boolean slept = false;
        try {
            while (running) {
                long now = clock.getAsLong();
                long since = now - lastPulse;
                if (since > STALLED_NANOS) {
                    return;
                }
                boolean late = since > LATE_NANOS;
                long wait = late ? NAP_NANOS : hold - since;
                if (wait <= 0 || now - start + Math.min(wait, NAP_NANOS) > MAX_WAIT_NANOS) {
                    return;
                }
                slept = true;
                sleeper.sleep(Math.min(wait, NAP_NANOS));
            }
        } finally {
            if (slept) {
                HELD_NANOS.addAndGet(clock.getAsLong() - start);
                HELD_STEPS.incrementAndGet();
            }
        }
    }
}
