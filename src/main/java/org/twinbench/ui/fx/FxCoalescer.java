package org.twinbench.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands items produced on a worker thread to the FX thread in batches: however fast items arrive,
 * at most one hand-over is pending, each delivers everything queued so far, and hand-overs are at
 * least {@link #MIN_INTERVAL_NANOS} apart (about 30 per second) unless a longer interval is asked
 * for, so the FX thread keeps time to render and handle input.
 * <p>
 * Made with {@link #onPulses}, the batches are delivered at the start of the window's pulses instead (every
 * second pulse at 60 frames a second): a busy producer then costs no timer thread and no {@code runLater} per
 * batch, both of which wait for a core on a loaded machine (flat out on 2 cores, 13 hand-overs a second instead
 * of 30), and a batch's changes are laid out and drawn in the pulse that delivered it.
 */
public final class FxCoalescer<T> {

    /** 1/30 s: the fastest the UI is asked to take new results. */
    static final long MIN_INTERVAL_NANOS = 33_000_000L;

    private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twinbench-ui-pacer");
        thread.setDaemon(true);
        return thread;
    });

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong lastDrainNanos = new AtomicLong(System.nanoTime() - MIN_INTERVAL_NANOS);
    private final AtomicLong handOvers = new AtomicLong();
    private final Executor fxThread;
    private final Consumer<List<T>> consumer;
    private final long intervalNanos;
    /** Delivers on pulses ({@link #onPulses}); null: by {@code runLater} after a timer. */
    private final javafx.animation.AnimationTimer pulses;
    /** The pulse of the last delivery (its {@code now}); FX thread only. */
    private long lastPulse = Long.MIN_VALUE / 2;

    public FxCoalescer(Executor fxThread, Consumer<List<T>> consumer) {
        this(fxThread, MIN_INTERVAL_NANOS, consumer);
    }

    /** Hand-overs at least {@code intervalNanos} apart (never less than {@link #MIN_INTERVAL_NANOS}). */
    public FxCoalescer(Executor fxThread, long intervalNanos, Consumer<List<T>> consumer) {
        this(fxThread, intervalNanos, consumer, false);
    }

    private FxCoalescer(Executor fxThread, long intervalNanos, Consumer<List<T>> consumer, boolean onPulses) {
        this.fxThread = fxThread;
        this.consumer = consumer;
        this.intervalNanos = Math.max(MIN_INTERVAL_NANOS, intervalNanos);
        lastDrainNanos.set(System.nanoTime() - this.intervalNanos);
        this.pulses = onPulses ? new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        } : null;
    }

    /**
     * Hand-overs at the start of the window's pulses, at least {@code intervalNanos} apart less half a frame (so
     * {@link #MIN_INTERVAL_NANOS} is every second pulse at 60 frames a second, every pulse when they come late).
     * The pulses are asked for only while items come. Made off the FX thread (no window: a view model driven by
     * a test), it hands over through {@code fxThread} as {@link #FxCoalescer(Executor, long, Consumer)} does.
     */
    public static <T> FxCoalescer<T> onPulses(Executor fxThread, long intervalNanos, Consumer<List<T>> consumer) {
        return new FxCoalescer<>(fxThread, intervalNanos, consumer, javafx.application.Platform.isFxApplicationThread());
    }

    /** Half a frame at 60 frames a second: a pulse this early still counts as on time for a hand-over. */
    static final long HALF_FRAME_NANOS = 8_333_333L;

    /**
     * A pulse at {@code now}: delivers what is queued when the interval has passed; once a due pulse finds nothing
     * queued, stops asking for pulses until the next item comes.
     */
    void pulse(long now) {
        if (now - lastPulse < intervalNanos - HALF_FRAME_NANOS) {
            return;
        }
        lastPulse = now;
        if (!queue.isEmpty()) {
            handOvers.incrementAndGet();
            drain();
            // Delivered: the next item asks for a pulse again, unless more came meanwhile.
            pending.set(true);
            return;
        }
        pulses.stop();
        pending.set(false);
        // An item offered after the look at the queue saw the hand-over still pending and asked for nothing.
        if (!queue.isEmpty() && pending.compareAndSet(false, true)) {
            pulses.start();
        }
    }

    /** Called from any thread. */
    public void offer(T item) {
        queue.add(item);
        if (pulses != null) {
            if (pending.compareAndSet(false, true)) {
                fxThread.execute(pulses::start);
            }
            return;
        }
        if (pending.compareAndSet(false, true)) {
            long wait = lastDrainNanos.get() + intervalNanos - System.nanoTime();
            if (wait <= 0) {
                handOver();
            } else {
                DELAYS.schedule(this::handOver, wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void handOver() {
        handOvers.incrementAndGet();
        fxThread.execute(this::drain);
    }

    /**
     * On the FX thread: delivers everything queued so far at once, e.g. when the producer has finished and
     * what follows must see every item. A hand-over already scheduled then finds nothing left to deliver.
     */
    public void flush() {
        drain();
    }

    /** How many times work was handed to the FX thread (for the smoothness benchmark). */
    public long handOvers() {
        return handOvers.get();
    }

    private void drain() {
        lastDrainNanos.set(System.nanoTime());
        pending.set(false);
        List<T> batch = new ArrayList<>();
        T item;
        while ((item = queue.poll()) != null) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
