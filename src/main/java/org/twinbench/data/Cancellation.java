package org.twinbench.data;

import java.util.concurrent.CancellationException;

/**
 * A flag another thread sets to stop a long load; the loader checks it every few thousand rows and
 * then throws {@link CancellationException}.
 */
public final class Cancellation {

    /** A token that is never cancelled. */
    public static final Cancellation NEVER = new Cancellation();

    private volatile boolean cancelled;

    public void cancel() {
        if (this == NEVER) {
            throw new IllegalStateException("the shared NEVER token cannot be cancelled");
        }
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when cancelled; {@code what} names the work in the exception message. */
    public void check(String what) {
        if (cancelled) {
            throw new CancellationException(what + " was cancelled");
        }
    }
}
