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

    public FxCoalescer(Executor fxThread, Consumer<List<T>> consumer) {
        this(fxThread, MIN_INTERVAL_NANOS, consumer);
    }

    /** Hand-overs at least {@code intervalNanos} apart (never less than {@link #MIN_INTERVAL_NANOS}). */
    public FxCoalescer(Executor fxThread, long intervalNanos, Consumer<List<T>> consumer) {
        this.fxThread = fxThread;
        this.consumer = consumer;
        this.intervalNanos = Math.max(MIN_INTERVAL_NANOS, intervalNanos);
        lastDrainNanos.set(System.nanoTime() - this.intervalNanos);
    }

    /** Called from any thread. */
    public void offer(T item) {
        queue.add(item);
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
