package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.store.RunState;
import org.twinbench.sim.store.RunStore;

/**
 * A followed run records each window as it runs: a process killed while it waits for the next window
 * leaves an interrupted run that keeps every window run so far, and says how many.
 */
class FollowedRunCrashTest {

    @TempDir
    Path dir;

    private static Set<Integer> storedSteps(Path store) {
        if (!Files.isRegularFile(store)) {
            return Set.of();
        }
        try (RunStore runs = RunStore.openReadOnly(store)) {
            Set<Integer> steps = new TreeSet<>();
            if (!runs.list().isEmpty()) {
                runs.forEachStepRow(runs.list().get(0).id(), (replicate, step, slice, metric, value) -> steps.add(step));
            }
            return steps;
        } catch (RuntimeException | IOException e) {
            return Set.of();
        }
    }

    @Test
    void aFollowedRunKilledWhileWaitingKeepsTheWindowsItRan() throws Exception {
        // Four ISO weeks of dated rows; the first is the reference, the last stays open.
        List<String> lines = new ArrayList<>(List.of("day,p,outcome"));
        for (int d = 3; d <= 30; d++) {
            for (int k = 0; k < 4; k++) {
                lines.add(String.format("2025-03-%02d,0.%d,%s", d, (d * 3 + k) % 10, (d + k) % 3 == 0 ? "yes" : "no"));
            }
        }
        Files.write(dir.resolve("log.csv"), lines);
        Path scenario = dir.resolve("followed.twin.json");
        Files.writeString(scenario, """
                {"format": "twinbench.scenario", "version": 1, "name": "Followed", "seed": 1, "nodes": [
                 {"id": "log", "type": "source.dataset", "params": {"path": "log.csv", "time_column": "day",
                  "window": "week", "reference_until": "2025-03-10", "follow": true}},
                 {"id": "m", "type": "model.logged", "params": {"score_column": "p", "target": "outcome",
                  "positive": "yes"}}],
                 "edges": [{"from": "log", "to": "m"}]}
                """);
        Path store = dir.resolve("runs.sqlite");
        try (ChildJvm child = ChildJvm.start(FaultChild.class, "cli", "run", scenario.toString(), "--store",
                store.toString(), "--out", dir.resolve("never").toString())) {
            // Weeks of 10 and 17 March are closed; the week of 24 March waits for a later row that never comes.
            child.await(() -> storedSteps(store).size() == 2, "two windows in the store", Duration.ofSeconds(120));
            Thread.sleep(300);
            child.kill();
        }
        try (RunStore reopened = RunStore.open(store)) {
            assertThat(reopened.interruptedOnOpen()).isEqualTo(1);
            RunStore.StoredRun run = reopened.list().get(0);
            assertThat(run.status()).isEqualTo(RunState.INTERRUPTED);
            assertThat(run.headline()).isEqualTo("Interrupted: TwinBench stopped (killed, crashed or powered off)"
                    + " before the run finished; its first 2 steps were stored");
        }
        assertThat(storedSteps(store)).containsExactly(0, 1);
        assertThat(dir.resolve("never")).doesNotExist();

        // What it recorded can be exported: the two windows, marked interrupted.
        Path out = dir.resolve("exported");
        org.twinbench.cli.CliRunner export = org.twinbench.cli.CliRunner.run("runs", "--store", store.toString(),
                "export", "1", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out().strip()).isEqualTo("exported run 1 (Interrupted: TwinBench stopped (killed, crashed or"
                + " powered off) before the run finished; its first 2 steps were stored) to " + out);
        List<String> rows = Files.readAllLines(out.resolve("steps.csv"));
        assertThat(rows.get(0)).isEqualTo("replicate,step,slice,metric,value");
        assertThat(rows.stream().skip(1).map(r -> r.split(",")[1]).distinct()).containsExactly("0", "1");
        // Weeks of 10 and 17 March, four rows a day.
        assertThat(rows).contains("0,0,overall,window_start,2025-03-10", "0,1,overall,window_start,2025-03-17",
                "0,0,overall,n,28", "0,1,overall,n,28");
        com.fasterxml.jackson.databind.JsonNode runJson = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run.json").toFile());
        assertThat(runJson.get("status").asText()).isEqualTo("interrupted");
        assertThat(runJson.get("headline").asText()).endsWith("its first 2 steps were stored");
        assertThat(Files.readString(out.resolve("scenario.twin.json"))).contains("\"follow\" : true");
    }
}
