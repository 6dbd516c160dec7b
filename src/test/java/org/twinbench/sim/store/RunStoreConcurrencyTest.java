package org.twinbench.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;

/**
 * Many connections at once, as the window's runs, its history list and the CLI beside it have: every
 * write is recorded, none refused with SQLITE_BUSY. Before the store began its writes IMMEDIATE and
 * stopped writing on every opening, the first test lost about one operation in ten ("cannot open the run
 * store: [SQLITE_BUSY]") and the second one's reader waited for the writer and failed after 10 s.
 */
class RunStoreConcurrencyTest {

    private static final RunProvenance PROVENANCE = new RunProvenance("s.twin.json", "busy", "0", "d.csv", "0", 8,
            "logistic", null, "0", "0", 7, 0, 1, "test", "17", "2026-12-03T00:00:00Z");
    private static final RunOutcome OUTCOME = new RunOutcome(List.of(List.of()), RunStatus.COMPLETED);
    private static final RunSummary SUMMARY = RunSummary.of(OUTCOME, RunSeries.of(OUTCOME), List.of());

    @TempDir
    Path dir;

    @Test
    void concurrentWritersAndReadersAllGetThrough() throws Exception {
        Path file = dir.resolve("runs.sqlite");
        try (RunStore first = RunStore.open(file)) {
            assertThat(first.list()).isEmpty();
        }
        int writers = 24;
        int readers = 12;
        int rounds = 25;
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    try {
                        long id;
                        try (RunStore store = RunStore.open(file)) {
                            id = store.begin("{}", PROVENANCE);
                        }
                        try (RunStore store = RunStore.open(file)) {
                            store.finish(id, SUMMARY, "{}", OUTCOME);
                        }
                        try (RunStore store = RunStore.open(file)) {
                            store.save("{}", PROVENANCE, SUMMARY, "{}", OUTCOME);
                        }
                    } catch (RuntimeException e) {
                        failures.add((System.nanoTime() - t0) / 1_000_000 + " ms " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        for (int r = 0; r < readers; r++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < rounds * 2; i++) {
                    try (RunStore store = RunStore.open(file)) {
                        for (RunStore.StoredRun run : store.list()) {
                            store.hasSteps(run.id());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.getMessage());
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.list()).hasSize(writers * rounds * 2).allMatch(RunStore.StoredRun::completed);
        }
    }

    @Test
    void readingTheStoreNeedsNoWriteLockAndAWriterWaitsForIt() throws Exception {
        Path file = dir.resolve("runs.sqlite");
        long first;
        try (RunStore store = RunStore.open(file)) {
            first = store.save("{}", PROVENANCE, SUMMARY, "{}", OUTCOME);
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            // Another process is in the middle of recording a run: it holds the write lock.
            s.execute("BEGIN IMMEDIATE");
            s.execute("UPDATE runs SET headline = 'being rewritten' WHERE id = " + first);
            try (RunStore reader = RunStore.open(file)) {
                assertThat(reader.list()).extracting(RunStore.StoredRun::id).containsExactly(first);
                assertThat(reader.find(first).orElseThrow().headline()).isNotEqualTo("being rewritten");
            }
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                try (RunStore store = RunStore.open(file)) {
                    return store.begin("{}", PROVENANCE);
                }
            });
            Thread.sleep(300);
            assertThat(writer).as("the writer waits for the lock").isNotDone();
            s.execute("COMMIT");
            assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(first + 1);
        }
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.find(first).orElseThrow().headline()).isEqualTo("being rewritten");
            assertThat(store.find(first + 1).orElseThrow().status()).isEqualTo(RunState.RUNNING);
        }
    }
}
