package org.twinbench.ui.wizard;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wizard's background work on the application's executor, counted: how many of its tasks are queued or running.
 * Cancel and Done drop what those tasks would deliver ({@link WizardNavigator#cancelWork}); a search under way (the
 * changes' ranking, the worst groups) cannot be stopped in the middle, so whoever closes the executor after the wizard
 * (a test, before the next one starts) can wait until {@link #pending()} is 0 instead of leaving it running.
 */
final class WizardWork implements Executor {

    private final Executor background;
    private final AtomicInteger pending = new AtomicInteger();

    WizardWork(Executor background) {
        this.background = background;
    }

    @Override
    public void execute(Runnable task) {
        pending.incrementAndGet();
        try {
            background.execute(() -> {
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    /** The wizard's tasks queued or running now. */
    int pending() {
        return pending.get();
    }
}
