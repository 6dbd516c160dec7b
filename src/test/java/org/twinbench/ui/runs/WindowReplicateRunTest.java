package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.report.RunComparison;
import org.twinbench.report.RunFiles;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.store.RunState;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.fx.AppExecutor;
import picocli.CommandLine;

/**
 * A window run with replicates is stored with every replicate, exactly as {@code run --replicates}
 * stores it, so that the run history reopens it as the mean over its replicates; a stopped one is
 * failed with a headline saying so.
 */
class WindowReplicateRunTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    /** The loans sample with retraining (alarms and policy actions) on generated data, {@code steps} steps of 100 rows. */
    private Path loansScenario(String name, int steps) throws IOException {
        return org.twinbench.testing.SmallLoans.scenario(dir, name, SampleScenarios.loansRecessionWithRetraining(5), steps);
    }

    private MainViewModel window(Path scenarioFile, int replicates) {
        // The "FX thread" is whichever thread posts: this test has no toolkit.
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir.resolve("home"), dir);
        model.document().reset(ScenarioFormat.read(scenarioFile), scenarioFile);
        assertThat(model.runBlockedReasonProperty().get()).isEmpty();
        model.runs().replicatesProperty().set(replicates);
        return model;
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
    void aWindowRunStoresEveryReplicateAsTheRunCommandDoes() throws Exception {
        Path scenario = loansScenario("replicates.twin.json", 12);
        MainViewModel model = window(scenario, 3);
        model.runs().speedProperty().set(0);
        model.run();
        await(() -> model.runs().lastRunIdProperty().get() != 0, "finished run recorded");
        long id = model.runs().lastRunIdProperty().get();

        Path cliStore = dir.resolve("cli.sqlite");
        Path cliOut = dir.resolve("cli-run");
        CommandLine cli = TwinBenchCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("run", scenario.toString(), "--replicates", "3", "--threads", "2", "--out",
                cliOut.toString(), "--store", cliStore.toString())).as(err.toString()).isZero();

        Path exported = dir.resolve("window-run");
        try (RunStore runs = RunStore.open(model.runStore())) {
            RunStore.StoredRun run = runs.find(id).orElseThrow();
            assertThat(run.status()).isEqualTo(RunState.COMPLETED);
            assertThat(run.replicates()).isEqualTo(3);
            RunFiles.export(runs, id, exported);
            // Reopened in the history: the curve is the mean over the three replicates.
            RunComparison.RunCurves curves = RunComparison.load(runs, id);
            double[] overall = curves.curve("accuracy", "overall");
            double sum = 0;
            for (String line : Files.readAllLines(cliOut.resolve("steps.csv"))) {
                if (line.matches("\\d+,11,overall,accuracy,.*")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
                }
            }
            assertThat(overall[11]).isCloseTo(sum / 3, within(1e-12));
        }
        // The history window reopens it with its band: the three values of step 11 sorted, v0 <= v1 <= v2,
        // give (R type 7) 5th percentile v0 + 0.1 (v1 - v0) and 95th v1 + 0.9 (v2 - v1).
        double[] v = Files.readAllLines(cliOut.resolve("steps.csv")).stream()
                .filter(line -> line.matches("\\d+,11,overall,accuracy,.*"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(',') + 1))).sorted().toArray();
        assertThat(v).hasSize(3);
        RunHistoryViewModel history = new RunHistoryViewModel(model.runStore(), Runnable::run, Runnable::run);
        history.refresh();
        history.show(history.runs().stream().filter(r -> r.id() == id).toList());
        assertThat(history.series()).extracting(s -> s.getName()).containsExactly(
                "#" + id + " " + ScenarioFormat.read(scenario).name() + " · overall (mean of 3 replicates)",
                "5th percentile of the replicates", "95th percentile of the replicates");
        assertThat(history.series().get(0).getData().get(11).getYValue().doubleValue())
                .isCloseTo((v[0] + v[1] + v[2]) / 3, within(1e-12));
        assertThat(history.series().get(1).getData().get(11).getYValue().doubleValue())
                .isCloseTo(v[0] + 0.1 * (v[1] - v[0]), within(1e-12));
        assertThat(history.series().get(2).getData().get(11).getYValue().doubleValue())
                .isCloseTo(v[1] + 0.9 * (v[2] - v[1]), within(1e-12));
        // Byte for byte what the run command writes, replicates 0, 1 and 2 with all their alarms.
        String steps = Files.readString(exported.resolve("steps.csv"));
        assertThat(steps).isEqualTo(Files.readString(cliOut.resolve("steps.csv")));
        assertThat(steps.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct())
                .containsExactly("0", "1", "2");
        assertThat(Files.readString(exported.resolve("alarms.csv")))
                .isEqualTo(Files.readString(cliOut.resolve("alarms.csv")));
        // The window's exports hold every replicate: the chart data is the run command's steps.csv, and
        // the HTML report covers 12 steps x 3 replicates with the band and every replicate's alarms.
        Path csv = dir.resolve("chart.csv");
        model.liveCharts().exportCsv(csv);
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(cliOut.resolve("steps.csv")));
        Path html = dir.resolve("report.html");
        java.util.concurrent.CompletableFuture<Path> offered = new java.util.concurrent.CompletableFuture<>();
        model.liveCharts().exportHtmlReport(html, offered::complete);
        assertThat(offered.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(html);
        String report = Files.readString(html);
        assertThat(report).contains("12 × 3").contains("mean, 90% band");
        long alarmRows = Files.readAllLines(cliOut.resolve("alarms.csv")).size() - 1L;
        assertThat(alarmRows).isPositive();
        assertThat(report.split("<tr><td>[012]</td><td>\\d+</td>", -1).length - 1L).isEqualTo(alarmRows);
        // The window's live view has the alarms of every replicate too.
        assertThat(model.liveCharts().alarms()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.detail()).containsPattern("^[123] of 3 replicates: "));
    }

    @Test
    void aStoppedReplicateRunIsFailedSayingHowFarItGot() throws Exception {
        MainViewModel model = window(loansScenario("long.twin.json", 100_000), 3);
        Path store = model.runStore();
        model.runs().speedProperty().set(20);
        model.run();
        await(() -> Files.isRegularFile(store) && stored(store).size() == 1
                && model.liveCharts().results().size() > 2, "run going");
        assertThat(stored(store).get(0).status()).isEqualTo(RunState.RUNNING);
        assertThat(stored(store).get(0).replicates()).isEqualTo(3);
        model.runs().stop();
        await(() -> RunState.FAILED.equals(stored(store).get(0).status()), "stopped run marked failed");
        assertThat(stored(store).get(0).headline())
                .matches("Cancelled: stopped in the window after at least \\d+ of 100000 steps in each of 3 replicates");
        assertThat(model.runs().lastRunIdProperty().get()).isZero();
    }

    private static List<RunStore.StoredRun> stored(Path store) {
        try (RunStore runs = RunStore.open(store)) {
            return runs.list();
        }
    }
}
