package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.store.RunStore;

/**
 * A followed prediction log grown by the test while {@code run} is live: every window is run once it
 * closes, with exactly the rows of its ISO week (counted here with java.time over the rows the test
 * wrote), a partial last line waits for its line end, a late row is left out, and the run store holds
 * each window as soon as it has run. Bounded in time by {@code --idle-exit}.
 */
class FollowTest {

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

    @TempDir
    Path dir;

    /** Rows of the log: a US date, a region, the logged score and the outcome; a few rows per day. */
    private static List<String> rows(LocalDate from, LocalDate until, List<LocalDate> dates) {
        List<String> out = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            int perDay = day.getDayOfMonth() % 4 + 2;
            for (int k = 0; k < perDay; k++) {
                int i = dates.size();
                dates.add(day);
                out.add(day.format(US) + "," + (i % 3 == 0 ? "north" : "south") + ","
                        + String.format(java.util.Locale.ROOT, "%.2f", (i * 37 % 100) / 100.0) + ","
                        + (i * 11 % 3 == 0 ? "yes" : "no"));
            }
        }
        return out;
    }

    private Path scenario(Path log) throws IOException {
        return scenario(log, Map.of());
    }

    private Path scenario(Path log, Map<String, Object> more) throws IOException {
        Map<String, Object> params = new java.util.LinkedHashMap<>(Map.of("path", log.getFileName().toString(),
                "time_column", "scored_on", "window", "week", "reference_until", "2025-01-13",
                "follow", true, "steps", 100L));
        params.putAll(more);
        Scenario scenario = new Scenario("Followed log", "", 7, List.of(
                new ScenarioNode("log", NodeCatalog.DATASET_SOURCE, params, 0, 0),
                new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("score_column", "p",
                        "target", "outcome", "positive", "yes"), 200, 0),
                new ScenarioNode("by-region", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of("region"),
                        "threshold", 0.5), 400, 0)),
                List.of(new ScenarioEdge("log", "deployed"), new ScenarioEdge("deployed", "by-region")));
        Path file = dir.resolve("followed.twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        return file;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Window start and row count of each step of steps.csv. */
    private static Map<String, String> windows(Path out) throws IOException {
        Map<Integer, String[]> byStep = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("steps.csv"))) {
            String[] f = line.split(",", -1);
            if (f[2].equals("overall") && (f[3].equals("window_start") || f[3].equals("n"))) {
                String[] w = byStep.computeIfAbsent(Integer.parseInt(f[1]), k -> new String[2]);
                w[f[3].equals("n") ? 1 : 0] = f[4];
            }
        }
        Map<String, String> out2 = new java.util.LinkedHashMap<>();
        byStep.values().forEach(w -> out2.put(w[0], w[1]));
        return out2;
    }

    private static Map<String, String> expected(List<LocalDate> dates, LocalDate from) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LocalDate date : dates) {
            if (!date.isBefore(from)) {
                counts.merge(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), 1, Integer::sum);
            }
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, Integer.toString(v)));
        return out;
    }

    private static long storedSteps(Path store) {
        try (RunStore runs = RunStore.openReadOnly(store)) {
            long id = runs.list().get(0).id();
            java.util.Set<Integer> steps = new java.util.TreeSet<>();
            runs.forEachStepRow(id, (replicate, step, slice, metric, value) -> steps.add(step));
            return steps.size();
        } catch (RuntimeException | IOException e) {
            return -1;
        }
    }

    @Test
    void aGrowingLogRunsEachWeekWhenItClosesWithExactlyItsRows() throws Exception {
        List<LocalDate> dates = new ArrayList<>();
        Path log = dir.resolve("log.csv");
        List<String> first = rows(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 29), dates);
        java.util.Collections.shuffle(first, new java.util.Random(4));
        Files.writeString(log, "scored_on,region,p,outcome\n" + String.join("\n", first) + "\n");
        Path store = dir.resolve("runs.sqlite");
        Path out = dir.resolve("followed");
        Path file = scenario(log);

        CompletableFuture<CliRunner> run = CompletableFuture.supplyAsync(() -> CliRunner.run("run", file.toString(),
                "--out", out.toString(), "--store", store.toString(), "--idle-exit", "1.5"));
        // The weeks of 13 and 20 January are closed at the start; 27 January stays open until 3 February.
        Thread.sleep(300);
        append(log, String.join("\n", rows(LocalDate.of(2025, 1, 29), LocalDate.of(2025, 2, 5), dates)) + "\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (storedSteps(store) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run).as("the run is still following").isNotDone();
        assertThat(storedSteps(store)).as("steps in the store while the run goes").isEqualTo(3);

        // A line written in two pieces waits for its line end; a late row (week of 20 January) is left out.
        List<String> more = rows(LocalDate.of(2025, 2, 5), LocalDate.of(2025, 2, 12), dates);
        String half = more.get(0).substring(0, 5);
        append(log, half);
        Thread.sleep(400);
        append(log, more.get(0).substring(5) + "\n1/21/2025,north,0.90,yes\n");
        Thread.sleep(300);
        append(log, String.join("\n", more.subList(1, more.size())) + "\n");

        CliRunner result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(windows(out)).isEqualTo(expected(dates, LocalDate.of(2025, 1, 13)));
        assertThat(windows(out).keySet()).containsExactly("2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03",
                "2025-02-10");
        assertThat(result.err()).contains("is dated in the window of 2025-01-20, already closed: left out")
                .contains("no new rows for 1.5 s: the window of 2025-02-10 is closed");
        assertThat(result.out()).contains("step 4 (window 2025-02-10)").contains("5 steps x 1 replicates");
        assertThat(storedSteps(store)).isEqualTo(5);
        assertThat(Files.readString(out.resolve("run.json"))).contains("\"steps\" : 5");
    }

    @Test
    void aUtf16LogWithoutAByteOrderMarkIsFollowedInTheEncodingItsSourceNames() throws Exception {
        List<LocalDate> dates = new ArrayList<>();
        Path log = dir.resolve("log.csv");
        java.nio.charset.Charset le = StandardCharsets.UTF_16LE;
        Files.write(log, ("scored_on,region,p,outcome\n" + String.join("\n",
                rows(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 29), dates)) + "\n").getBytes(le));
        Path store = dir.resolve("runs.sqlite");
        Path out = dir.resolve("followed-utf16");
        Path file = scenario(log, Map.of("encoding", "UTF-16LE"));
        CompletableFuture<CliRunner> run = CompletableFuture.supplyAsync(() -> CliRunner.run("run", file.toString(),
                "--out", out.toString(), "--store", store.toString(), "--idle-exit", "1.5"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (storedSteps(store) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // A line cut inside a character (its first byte only) waits for the rest.
        byte[] more = (String.join("\n", rows(LocalDate.of(2025, 1, 29), LocalDate.of(2025, 2, 12), dates)) + "\n")
                .getBytes(le);
        Files.write(log, java.util.Arrays.copyOf(more, 7), StandardOpenOption.APPEND);
        Thread.sleep(300);
        Files.write(log, java.util.Arrays.copyOfRange(more, 7, more.length), StandardOpenOption.APPEND);
        CliRunner result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(windows(out)).isEqualTo(expected(dates, LocalDate.of(2025, 1, 13)));
        assertThat(windows(out).keySet()).containsExactly("2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03",
                "2025-02-10");
        assertThat(result.err()).doesNotContain("left out");
    }

    @Test
    void aTruncatedLogIsReportedAndReadAgainFromItsStart() throws Exception {
        List<LocalDate> dates = new ArrayList<>();
        Path log = dir.resolve("log.csv");
        List<String> first = rows(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 22), dates);
        Files.writeString(log, "scored_on,region,p,outcome\n" + String.join("\n", first) + "\n");
        Path file = scenario(log);
        Path store = dir.resolve("runs.sqlite");
        CompletableFuture<CliRunner> run = CompletableFuture.supplyAsync(() -> CliRunner.run("run", file.toString(),
                "--out", dir.resolve("truncated").toString(), "--store", store.toString(), "--idle-exit", "1.5"));
        // Once the closed week of 13 January has run, the file has been read as it was.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (storedSteps(store) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // The log is cut and started again (copytruncate rotation) with the next days only.
        List<String> after = rows(LocalDate.of(2025, 1, 22), LocalDate.of(2025, 1, 29), dates);
        Files.writeString(log, "scored_on,region,p,outcome\n" + String.join("\n", after) + "\n",
                StandardOpenOption.TRUNCATE_EXISTING);
        CliRunner result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("log.csv was truncated to").contains("reading it again from its start");
        // Nothing is read twice: each week holds exactly its rows, the new ones included.
        assertThat(windows(dir.resolve("truncated"))).isEqualTo(expected(dates, LocalDate.of(2025, 1, 13)));
    }

    @Test
    void theNextFileOfTheFolderIsReadWhenItAppears() throws Exception {
        List<LocalDate> dates = new ArrayList<>();
        String header = "scored_on,region,p,outcome\n";
        Path first = dir.resolve("log-2025-01.csv");
        Files.writeString(first, header + String.join("\n",
                rows(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 25), dates)) + "\n");
        Path store = dir.resolve("runs.sqlite");
        Path file = scenario(first, Map.of("follow_files", "log-*.csv"));
        CompletableFuture<CliRunner> run = CompletableFuture.supplyAsync(() -> CliRunner.run("run", file.toString(),
                "--out", dir.resolve("files").toString(), "--store", store.toString(), "--idle-exit", "1.5"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (storedSteps(store) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // Neither a file that does not match nor one that sorts before the followed one is read.
        Files.writeString(dir.resolve("other.csv"), header + "1/27/2025,north,0.10,no\n");
        Files.writeString(dir.resolve("log-2024-12.csv"), header + "1/27/2025,north,0.10,no\n");
        Files.writeString(dir.resolve("log-2025-02.csv"), header + String.join("\n",
                rows(LocalDate.of(2025, 1, 25), LocalDate.of(2025, 2, 4), dates)) + "\n");
        CliRunner result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("reading log-2025-02.csv after log-2025-01.csv");
        assertThat(windows(dir.resolve("files"))).isEqualTo(expected(dates, LocalDate.of(2025, 1, 13)));
        assertThat(windows(dir.resolve("files")).keySet()).containsExactly("2025-01-13", "2025-01-20",
                "2025-01-27", "2025-02-03");
    }

    @Test
    void idleExitWithoutAFollowedSourceIsRefused() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "scored_on,region,p,outcome\n" + String.join("\n",
                rows(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 29), new ArrayList<>())) + "\n");
        String json = Files.readString(scenario(log)).replace("\"follow\" : true", "\"follow\" : false");
        Path file = dir.resolve("unfollowed.twin.json");
        Files.writeString(file, json);
        CliRunner result = CliRunner.run("run", file.toString(), "--no-store", "--idle-exit", "2",
                "--out", dir.resolve("never").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("twinbench: --idle-exit is for a source that follows its file; "
                + file + " has no source.dataset with follow: true");
        CliRunner zero = CliRunner.run("run", scenario(log).toString(), "--no-store", "--idle-exit", "0",
                "--out", dir.resolve("never").toString());
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--idle-exit must be a number of seconds above 0");
    }
}
