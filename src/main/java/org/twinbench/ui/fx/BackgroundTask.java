package org.twinbench.ui.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The UI's one way to run work off the FX thread, after JabRef's {@code BackgroundTask}:
 * <pre>{@code
 * background.task(() -> ModelFiles.load(path))
 *         .whileCurrent(opening.next())
 *         .onSuccess(model -> show(model))
 *         .onFailure(e -> error.set(e.getMessage()))
 *         .start();
 * }</pre>
 * The work runs on the background executor (the app's {@link AppExecutor}); its result, or the
 * exception it threw, is handed to the FX thread. {@link #start()} is only reachable through
 * {@link #onFailure}, so a failure path cannot be forgotten: a training error ends in a message,
 * never in a window stuck on "Building a model…". A task bound to a {@link Ticket} that is no
 * longer {@linkplain Key#next() the latest of its key} delivers nothing, success or failure: the
 * results of a stopped run or of a file opened before the one now shown are dropped.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    /** Work that returns a value; it may report to the FX thread through its {@link Context}. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Context context) throws Exception;
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface Chore {
        void run() throws Exception;
    }

    /** Where a task runs its work and where its results arrive; one per view model. */
    public static final class Runner {
        private final Executor background;
        private final Executor fxThread;

        /**
         * @param background where the work runs (the app executor's {@code submit})
         * @param fxThread where results arrive ({@code Platform::runLater}; a direct executor in tests)
         */
        public Runner(Executor background, Executor fxThread) {
            this.background = Objects.requireNonNull(background);
            this.fxThread = Objects.requireNonNull(fxThread);
        }

        /** A task that computes a value. */
        public <T> BackgroundTask<T> task(Work<T> work) {
            return new BackgroundTask<>(this, work);
        }

        /** A task without a result (its success handler, if any, gets null). */
        public BackgroundTask<Void> chore(Chore chore) {
            return new BackgroundTask<>(this, context -> {
                chore.run();
                return null;
            });
        }

        /** The FX thread executor, for pacing helpers such as {@link FxCoalescer}. */
        public Executor fxThread() {
            return fxThread;
        }
    }

    /**
     * Drops stale results: each {@link #next()} makes the tickets handed out before it stale, and
     * {@link #invalidate()} does so without a new task (a run stopped, a wizard page left).
     * Replaces the hand-written "generation" counters of the view models. Thread-safe.
     */
    public static final class Key {
        private final AtomicLong latest = new AtomicLong();

        /** A ticket for a new task; every earlier ticket of this key becomes stale. */
        public Ticket next() {
            return new Ticket(this, latest.incrementAndGet());
        }

        /** Makes every ticket handed out so far stale. */
        public void invalidate() {
            latest.incrementAndGet();
        }
    }

    /** One task's place in its {@link Key}: current until the key moves on. */
    public static final class Ticket {
        /** A ticket that never goes stale, for tasks whose every result counts. */
        public static final Ticket ALWAYS = new Ticket(null, 0);

        private final Key key;
        private final long number;

        private Ticket(Key key, long number) {
            this.key = key;
            this.number = number;
        }

        /** Whether no newer task of the same key was started (and the key was not invalidated). */
        public boolean isCurrent() {
            return key == null || key.latest.get() == number;
        }
    }

    /** What the running work may do besides returning: tell the FX thread how it goes. */
    public static final class Context {
        private final Executor fxThread;
        private final Ticket ticket;

        Context(Executor fxThread, Ticket ticket) {
            this.fxThread = fxThread;
            this.ticket = ticket;
        }

        /** Runs {@code update} on the FX thread, unless the task is stale by then. */
        public void onFx(Runnable update) {
            fxThread.execute(() -> {
                if (ticket.isCurrent()) {
                    update.run();
                }
            });
        }

        /** Runs {@code update} on the FX thread even if the task has gone stale (a record the user must see). */
        public void onFxAnyway(Runnable update) {
            fxThread.execute(update);
        }

        /** Whether the task is still the latest of its key. */
        public boolean isCurrent() {
            return ticket.isCurrent();
        }

        /** The task's ticket, for pacers that must drop stale batches on the FX thread. */
        public Ticket ticket() {
            return ticket;
        }
    }

    /** A task whose failure is handled: the only stage that can be started. */
    public static final class Ready<T> {
        private final BackgroundTask<T> task;

        private Ready(BackgroundTask<T> task) {
            this.task = task;
        }

        /** Submits the work to the background executor. */
        public void start() {
            task.runner.background.execute(task::runInBackground);
        }
    }

    private final Runner runner;
    private final Work<T> work;
    private Ticket ticket = Ticket.ALWAYS;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;

    private BackgroundTask(Runner runner, Work<T> work) {
        this.runner = runner;
        this.work = Objects.requireNonNull(work);
    }

    /** Delivers nothing once {@code current} is stale. */
    public BackgroundTask<T> whileCurrent(Ticket current) {
        this.ticket = Objects.requireNonNull(current);
        return this;
    }

    /** Called on the FX thread with the work's result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Called on the FX thread with what the work threw: any exception, and errors the user can be
     * told about (a reader library that failed to load, memory running out on a huge file), so a
     * window never waits for ever.
     */
    public Ready<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return new Ready<>(this);
    }

    private void runInBackground() {
        Context context = new Context(runner.fxThread, ticket);
        T result;
        try {
            result = work.call(context);
        } catch (Exception | LinkageError | OutOfMemoryError | StackOverflowError | AssertionError e) {
            context.onFx(() -> onFailure.accept(e));
            return;
        }
        context.onFx(() -> onSuccess.accept(result));
    }
}
