package org.twinbench.ui.data;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An "FX thread" the test runs by hand, for view models tested without JavaFX: what the worker posts waits in a
 * queue until {@link #runUntil} runs it, one update at a time, on the test's thread.
 */
final class QueuedFx implements Executor {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable update) {
        queue.add(update);
    }

    /** Runs what the worker posted until {@code done} holds; fails after 120 s. */
    void runUntil(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within 120 s");
            }
            Runnable update = queue.poll(100, TimeUnit.MILLISECONDS);
            if (update != null) {
                update.run();
            }
        }
    }
}
