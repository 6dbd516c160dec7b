package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.cli.CliRunner;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.sim.store.RunState;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.runs.RunHistoryViewModel;

/**
 * The run store survives the process dying mid-run (the run is marked interrupted) and a damaged
 * file (set aside under a timestamped name, replaced by a new store, the user told).
 */
class RunStoreFaultsTest {

    @TempDir
    Path dir;

    private Path smallScenario(int steps) throws IOException {
        return org.twinbench.testing.SmallLoans.scenario(dir, "s.twin.json", SampleScenarios.loansRecession(5), steps);
    }

    private Path storeWithTwoRuns() throws IOException {
        Path scenario = smallScenario(6);
        Path store = dir.resolve("store").resolve("runs.sqlite");
        for (String seed : List.of("1", "2")) {
            CliRunner run = CliRunner.run("run", scenario.toString(), "--out", dir.resolve("out" + seed).toString(),
                    "--store", store.toString(), "--seed", seed, "--threads", "1");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        return store;
    }

    private static JsonNode listJson(Path store) throws IOException {
        CliRunner list = CliRunner.run("runs", "list", "--store", store.toString(), "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        return new ObjectMapper().readTree(list.out());
    }

    @Test
    void aRunKilledHalfWayIsMarkedInterruptedOnTheNextOpen() throws Exception {
        Path scenario = smallScenario(6);
        Path store = dir.resolve("runs.sqlite");
        // A run far too long to finish: the child is killed while it simulates.
        try (ChildJvm child = ChildJvm.start(FaultChild.class, "cli", "run", scenario.toString(), "--steps", "100000",
                "--threads", "1", "--store", store.toString(), "--out", dir.resolve("killed").toString())) {
            child.await(() -> runningRuns(store) == 1, "a running run in the store", Duration.ofSeconds(120));
            Thread.sleep(300);
            child.kill();
        }
        try (RunStore reopened = RunStore.open(store)) {
            assertThat(reopened.interruptedOnOpen()).isEqualTo(1);
            RunStore.StoredRun run = reopened.list().get(0);
            assertThat(run.status()).isEqualTo(RunState.INTERRUPTED);
            assertThat(run.verdict()).isNull();
            assertThat(run.headline()).startsWith("Interrupted");
            assertThat(run.steps()).isEqualTo(100000);
        }
        JsonNode runs = listJson(store);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("status").asText()).isEqualTo("interrupted");
        assertThat(CliRunner.run("runs", "list", "--store", store.toString()).out())
                .containsPattern("   1  \\S+  interrupted  Loans: recession");
        CliRunner export = CliRunner.run("runs", "export", "1", "--store", store.toString(), "--out",
                dir.resolve("export").toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).contains("run 1 is interrupted: it has no results");

        // The store still records new runs after the crash, as completed.
        CliRunner next = CliRunner.run("run", scenario.toString(), "--out", dir.resolve("next").toString(),
                "--store", store.toString(), "--threads", "1");
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(listJson(store).get(1).path("status").asText()).isEqualTo("completed");
    }

    /** Opening the store from this JVM while the child runs: the live child's run must stay "running". */
    private static int runningRuns(Path store) {
        if (!Files.isRegularFile(store)) {
            return 0;
        }
        try (RunStore runs = RunStore.open(store)) {
            return (int) runs.list().stream().filter(r -> RunState.RUNNING.equals(r.status())).count();
        } catch (IllegalStateException e) {
            return 0;  // the child is creating the tables at this very moment
        }
    }

    @Test
    void aStoreOfGarbageIsSetAsideAndReplaced() throws IOException {
        Path store = dir.resolve("runs.sqlite");
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(store, garbage);
        // Reading (runs list) never changes the file: it is refused as it is.
        CliRunner refused = CliRunner.run("runs", "list", "--store", store.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("twinbench: " + store
                + ": is not a TwinBench run store (not an SQLite database)");
        assertThat(Files.readAllBytes(store)).isEqualTo(garbage);
        // Opening it to record runs (a run, the window) sets it aside and starts a new store.
        try (RunStore opened = RunStore.open(store)) {
            assertThat(opened.notice().orElseThrow()).startsWith(store + ": the run store was damaged (")
                    .contains("it was set aside as runs.sqlite.damaged-").doesNotContain("\n");
        }
        Path aside = setAside(store);
        assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        // The new store is a working, empty one: a second listing says nothing more.
        CliRunner again = CliRunner.run("runs", "list", "--store", store.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).isEmpty();
    }

    @Test
    void aTruncatedStoreIsSetAsideAndTheWindowSaysSo() throws IOException {
        Path store = storeWithTwoRuns();
        assertThat(listJson(store)).hasSize(2);
        long size = Files.size(store);
        try (RandomAccessFile file = new RandomAccessFile(store.toFile(), "rw")) {
            file.setLength(size / 2);
        }
        byte[] damaged = Files.readAllBytes(store);
        RunHistoryViewModel history = new RunHistoryViewModel(store, Runnable::run, Runnable::run);
        history.refresh();
        assertThat(history.messageProperty().get()).startsWith(store + ": the run store was damaged")
                .contains("set aside as runs.sqlite.damaged-");
        assertThat(history.runs()).isEmpty();
        assertThat(Files.readAllBytes(setAside(store))).isEqualTo(damaged);
        assertThat(listJson(store)).isEmpty();
    }

    @Test
    void aStoreOfTheFirstVersionGainsTheStatusAndKeepsItsRuns() throws Exception {
        Path store = dir.resolve("v1.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
                    + " scenario_name TEXT, scenario_file TEXT, scenario_sha256 TEXT, scenario_json TEXT, seed INTEGER,"
                    + " steps INTEGER, replicates INTEGER, verdict TEXT, headline TEXT, run_json TEXT)");
            s.execute("INSERT INTO runs (created, scenario_name, seed, steps, replicates, verdict, headline, run_json)"
                    + " VALUES ('2026-01-01T00:00:00Z', 'old', 3, 10, 1, 'green', 'fine', '{}')");
            s.execute("PRAGMA user_version=1");
        }
        try (RunStore opened = RunStore.open(store)) {
            RunStore.StoredRun run = opened.list().get(0);
            assertThat(run.status()).isEqualTo(RunState.COMPLETED);
            assertThat(run.verdict()).isEqualTo("green");
            assertThat(opened.notice()).isEmpty();
        }
    }

    private static Path setAside(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.getParent())) {
            List<Path> aside = files.filter(f -> f.getFileName().toString().matches(
                    "runs\\.sqlite\\.damaged-\\d{8}T\\d{6}Z")).toList();
            assertThat(aside).hasSize(1);
            return aside.get(0);
        }
    }
}
