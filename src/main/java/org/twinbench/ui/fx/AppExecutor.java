package org.twinbench.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's one background executor: file reading, training and simulation run here, never
 * on the FX thread. Daemon threads, below the FX thread's priority where the OS lets them be
 * ({@link ThreadNiceness}), shut down when the window closes.
 */
public final class AppExecutor implements AutoCloseable {

    private final ExecutorService executor;

    public AppExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            // Below the FX thread in the OS's scheduler (ThreadNiceness): a run flat out leaves the window its core.
            Thread thread = new Thread(() -> {
                ThreadNiceness.lowerThisThread();
                runnable.run();
            }, "twinbench-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), factory);
    }

    public Future<?> submit(Runnable task) {
        return executor.submit(task);
    }

    /** Whether {@link #close()} was called: work submitted now would be refused. */
    public boolean isClosed() {
        return executor.isShutdown();
    }

    /**
     * Lets running work finish for a moment before interrupting it: an interrupt in the middle of a
     * first file read can leave the reader's classes unusable for the rest of the JVM, so the
     * executor only interrupts what is still running after the grace period. Simulations stop
     * sooner through their {@code RunControl}.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
