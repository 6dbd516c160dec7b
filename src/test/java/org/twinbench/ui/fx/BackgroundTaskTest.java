package org.twinbench.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The UI's background helper without a toolkit: the "background" and the "FX thread" are queues
 * the test drains by hand, so what runs where, and in which order, is exact.
 */
class BackgroundTaskTest {

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> fxThread = new ArrayDeque<>();
    private final BackgroundTask.Runner runner = new BackgroundTask.Runner(background::add, fxThread::add);
    private final List<String> seen = new ArrayList<>();

    private static void drain(Queue<Runnable> queue) {
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
        }
    }

    @Test
    void workRunsOnTheBackgroundAndItsResultArrivesOnTheFxThread() {
        runner.task(context -> "read " + 3).onSuccess(seen::add).onFailure(e -> seen.add("failed")).start();
        assertThat(background).hasSize(1);
        assertThat(seen).isEmpty();

        drain(background);
        assertThat(seen).as("nothing delivered before the FX thread runs").isEmpty();
        assertThat(fxThread).hasSize(1);

        drain(fxThread);
        assertThat(seen).containsExactly("read 3");
    }

    @Test
    void resultIsHandedToTheGivenFxExecutorNotRunOnTheWorker() throws Exception {
        List<String> threads = new ArrayList<>();
        Executor worker = task -> {
            Thread thread = new Thread(task, "worker");
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        BackgroundTask.Runner threaded = new BackgroundTask.Runner(worker, fxThread::add);
        threaded.task(context -> Thread.currentThread().getName()).onSuccess(name -> {
            threads.add(name);
            threads.add(Thread.currentThread().getName());
        }).onFailure(e -> threads.add("failed")).start();
        drain(fxThread);
        assertThat(threads).containsExactly("worker", Thread.currentThread().getName());
    }

    @Test
    void failureGoesToTheFailureHandlerOnTheFxThread() {
        runner.task(context -> {
            throw new IOException("data.csv: line 3: not a number");
        }).onSuccess(value -> seen.add("success")).onFailure(e -> seen.add(e.getMessage())).start();
        drain(background);
        assertThat(seen).isEmpty();
        drain(fxThread);
        assertThat(seen).containsExactly("data.csv: line 3: not a number");
    }

    @Test
    void errorsSuchAsAReaderThatFailedToLoadAreFailuresToo() {
        runner.chore(() -> {
            throw new NoClassDefFoundError("org/apache/poi/Workbook");
        }).onFailure(e -> seen.add(e.getClass().getSimpleName())).start();
        drain(background);
        drain(fxThread);
        assertThat(seen).containsExactly("NoClassDefFoundError");
    }

    @Test
    void anOlderTaskOfTheSameKeyDeliversNothing() {
        BackgroundTask.Key opening = new BackgroundTask.Key();
        runner.task(context -> "first").whileCurrent(opening.next()).onSuccess(seen::add)
                .onFailure(e -> seen.add("first failed")).start();
        runner.<String>task(context -> {
            throw new IOException("second failed");
        }).whileCurrent(opening.next()).onSuccess(seen::add).onFailure(e -> seen.add(e.getMessage())).start();
        drain(background);
        drain(fxThread);
        assertThat(seen).containsExactly("second failed");
    }

    @Test
    void aTaskThatWentStaleAfterItsWorkRanStillDeliversNothing() {
        BackgroundTask.Key run = new BackgroundTask.Key();
        runner.task(context -> "done").whileCurrent(run.next()).onSuccess(seen::add)
                .onFailure(e -> seen.add("failed")).start();
        drain(background);
        run.invalidate();
        drain(fxThread);
        assertThat(seen).isEmpty();
    }

    @Test
    void tasksOfOtherKeysAreNotDropped() {
        BackgroundTask.Key one = new BackgroundTask.Key();
        BackgroundTask.Key other = new BackgroundTask.Key();
        runner.task(context -> "one").whileCurrent(one.next()).onSuccess(seen::add).onFailure(e -> { }).start();
        runner.task(context -> "other").whileCurrent(other.next()).onSuccess(seen::add).onFailure(e -> { }).start();
        drain(background);
        drain(fxThread);
        assertThat(seen).containsExactly("one", "other");
    }

    @Test
    void updatesFromTheWorkArriveInOrderAndStopOnceStale() {
        BackgroundTask.Key run = new BackgroundTask.Key();
        runner.task(context -> {
            context.onFx(() -> seen.add("reading"));
            context.onFx(() -> seen.add("training"));
            context.onFxAnyway(() -> seen.add("recorded"));
            return "finished";
        }).whileCurrent(run.next()).onSuccess(seen::add).onFailure(e -> seen.add("failed")).start();
        drain(background);
        Runnable reading = fxThread.poll();
        reading.run();
        run.invalidate();
        drain(fxThread);
        assertThat(seen).containsExactly("reading", "recorded");
    }

    @Test
    void aTaskWithoutAKeyAlwaysDelivers() {
        runner.task(context -> context.isCurrent()).onSuccess(current -> seen.add("current " + current))
                .onFailure(e -> seen.add("failed")).start();
        drain(background);
        drain(fxThread);
        assertThat(seen).containsExactly("current true");
    }
}
