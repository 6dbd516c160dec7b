package org.twinbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items produced on a worker thread to the FX thread in batches: however fast items arrive,
 * at most one {@code runLater} is pending, and it delivers everything queued so far.
 */
public final class FxCoalescer<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Executor fxThread;
    private final Consumer<List<T>> consumer;

    public FxCoalescer(Executor fxThread, Consumer<List<T>> consumer) {
        this.fxThread = fxThread;
        this.consumer = consumer;
    }

    /** Called from any thread. */
    public void offer(T item) {
        queue.add(item);
        if (pending.compareAndSet(false, true)) {
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
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
