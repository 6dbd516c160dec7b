package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.store.RunState;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.fx.AppExecutor;

/**
 * A run started in the window is in the run store from its start, as a run of the {@code run}
 * command is: running while it goes, then completed or (stopped) failed; a process killed mid-run
 * leaves it interrupted; a damaged store is set aside and the window's status line says so.
 */
class WindowRunStoreTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    /** The loans sample on a small generated data file, {@code steps} steps of 100 rows. */
    private Path loansScenario(String name, int steps) throws IOException {
        return org.twinbench.testing.SmallLoans.scenario(dir, name, SampleScenarios.loansRecession(5), steps);
    }

    private MainViewModel window(Path scenarioFile) {
        // The "FX thread" is whichever thread posts: this test has no toolkit.
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir.resolve("home"), dir);
        model.document().reset(ScenarioFormat.read(scenarioFile), scenarioFile);
        assertThat(model.runBlockedReasonProperty().get()).isEmpty();
        return model;
    }

    private static List<RunStore.StoredRun> stored(Path store) {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try (RunStore runs = RunStore.open(store)) {
            return runs.list();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 120 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aWindowRunIsRunningInTheStoreUntilItIsStoppedOrCompleted() throws Exception {
        MainViewModel model = window(loansScenario("long.twin.json", 100_000));
        Path store = model.runStore();
        model.runs().speedProperty().set(20);
        model.run();
        await(() -> stored(store).size() == 1, "run in the store");
        // Still going (paced at 20 steps a second for 100 000 steps): running, no verdict, owned by this live JVM.
        RunStore.StoredRun going = stored(store).get(0);
        assertThat(going.status()).isEqualTo(RunState.RUNNING);
        assertThat(going.verdict()).isNull();
        assertThat(going.steps()).isEqualTo(100_000);
        assertThat(model.runs().runningProperty().get()).isTrue();

        model.runs().stop();
        await(() -> RunState.FAILED.equals(stored(store).get(0).status()), "stopped run marked failed");
        RunStore.StoredRun stopped = stored(store).get(0);
        assertThat(stopped.headline()).startsWith("Cancelled: stopped in the window after ").endsWith(" of 100000 steps");
        assertThat(stopped.verdict()).isNull();
        assertThat(model.runs().lastRunIdProperty().get()).isZero();

        MainViewModel shortRun = window(loansScenario("short.twin.json", 6));
        shortRun.runs().speedProperty().set(0);
        shortRun.run();
        await(() -> shortRun.runs().lastRunIdProperty().get() != 0, "finished run recorded");
        assertThat(shortRun.runs().lastRunIdProperty().get()).isEqualTo(2);
        try (RunStore runs = RunStore.open(store)) {
            assertThat(runs.interruptedOnOpen()).isZero();
            RunStore.StoredRun done = runs.find(2).orElseThrow();
            assertThat(done.status()).isEqualTo(RunState.COMPLETED);
            assertThat(done.verdict()).isNotNull();
            assertThat(done.scenarioFile()).endsWith("short.twin.json");
            List<Integer> steps = new ArrayList<>();
            runs.forEachStepRow(2, (replicate, step, slice, metric, value) -> {
                if (!steps.contains(step)) {
                    steps.add(step);
                }
            });
            assertThat(steps).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(runs.find(1).orElseThrow().status()).isEqualTo(RunState.FAILED);
        }
        // The verdict the store holds follows the run's end on the status line.
        try (RunStore runs = RunStore.openReadOnly(store)) {
            RunStore.StoredRun done = runs.find(2).orElseThrow();
            assertThat(shortRun.statusProperty().get()).isEqualTo("Finished: 6 steps. Verdict: "
                    + done.verdict().toUpperCase(java.util.Locale.ROOT) + ": " + done.headline());
        }
    }

    @Test
    void aDamagedStoreIsSetAsideAndTheWindowsStatusLineSaysSo() throws Exception {
        MainViewModel model = window(loansScenario("short.twin.json", 6));
        Path store = model.runStore();
        Files.createDirectories(store.getParent());
        byte[] garbage = new byte[32 * 1024];
        new Random(11).nextBytes(garbage);
        Files.write(store, garbage);
        model.runs().speedProperty().set(0);
        model.run();
        await(() -> model.runs().lastRunIdProperty().get() != 0, "finished run recorded");
        // The verdict first, then the store's news.
        assertThat(model.statusProperty().get()).startsWith("Finished: 6 steps. Verdict: ").contains(". " + store
                + ": the run store was damaged (").contains("set aside as runs.sqlite.damaged-").doesNotContain("\n");
        // The new store holds the run, completed; the garbage is kept beside it untouched.
        assertThat(stored(store)).singleElement().satisfies(r -> assertThat(r.completed()).isTrue());
        try (var files = Files.list(store.getParent())) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("runs.sqlite.damaged-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        }
    }

    @Test
    void aProcessKilledDuringAWindowRunLeavesItInterrupted() throws Exception {
        Path scenario = loansScenario("killed.twin.json", 6);
        Path store = dir.resolve("runs.sqlite");
        try (ChildJvm child = ChildJvm.start(FaultChild.class, "window", store.toString(), scenario.toString(),
                "200000")) {
            child.awaitLine("BEGUN ", Duration.ofSeconds(120));
            // Opened by this JVM while the child lives: the child's run stays running.
            assertThat(stored(store)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RunState.RUNNING));
            Thread.sleep(300);
            child.kill();
            assertThat(child.lines()).noneMatch(l -> l.startsWith("FINISHED"));
        }
        try (RunStore reopened = RunStore.open(store)) {
            assertThat(reopened.interruptedOnOpen()).isEqualTo(1);
            RunStore.StoredRun run = reopened.list().get(0);
            assertThat(run.status()).isEqualTo(RunState.INTERRUPTED);
            assertThat(run.headline()).startsWith("Interrupted");
            assertThat(run.verdict()).isNull();
            assertThat(run.steps()).isEqualTo(200_000);
            assertThat(run.scenarioFile()).endsWith("killed.twin.json");
        }
        // A second opening finds nothing more to mark.
        try (RunStore again = RunStore.open(store)) {
            assertThat(again.interruptedOnOpen()).isZero();
        }
    }
}
