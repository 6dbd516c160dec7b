package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.fx.AppExecutor;

/**
 * A followed log run in the window: the time axis (the window's planned steps, which the live chart spans)
 * covers the weeks that have arrived, not the {@code steps} the source may take at most, and grows by one
 * as each week closes; a followed scenario runs one replicate whatever the window's replicates say.
 */
class FollowedRunAxisTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    private static List<String> days(LocalDate from, LocalDate until) {
        List<String> rows = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            for (int k = 0; k < 3; k++) {
                rows.add(day + ",0." + (day.getDayOfMonth() + k) % 10 + "," + ((day.getDayOfMonth() + k) % 2 == 0
                        ? "yes" : "no"));
            }
        }
        return rows;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 60 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theAxisSpansTheWeeksArrivedAndGrowsAsTheyClose() throws Exception {
        Path log = dir.resolve("log.csv");
        List<String> lines = new ArrayList<>(List.of("day,p,outcome"));
        // 3 to 28 January 2025: the weeks of 13 and 20 January are closed, that of 27 January stays open.
        lines.addAll(days(LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 29)));
        Files.write(log, lines);
        Path scenario = dir.resolve("followed.twin.json");
        Files.writeString(scenario, """
                {"format": "twinbench.scenario", "version": 1, "name": "Followed", "seed": 3, "nodes": [
                 {"id": "log", "type": "source.dataset", "params": {"path": "log.csv", "time_column": "day",
                  "window": "week", "reference_until": "2025-01-13", "follow": true, "steps": 100}},
                 {"id": "m", "type": "model.logged", "params": {"score_column": "p", "target": "outcome",
                  "positive": "yes"}}],
                 "edges": [{"from": "log", "to": "m"}]}
                """);
        // The "FX thread" is whichever thread posts: this test has no toolkit.
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir.resolve("home"), dir);
        model.document().reset(ScenarioFormat.read(scenario), scenario);
        model.runs().replicatesProperty().set(3);
        model.runs().speedProperty().set(0);
        model.run();
        await(() -> model.liveCharts().results().size() == 2, "two weeks run");
        assertThat(model.runs().plannedStepsProperty().get()).isEqualTo(2);

        // Rows of 29 January to 4 February close the week of 27 January.
        Files.write(log, days(LocalDate.of(2025, 1, 29), LocalDate.of(2025, 2, 4)), StandardOpenOption.APPEND);
        await(() -> model.liveCharts().results().size() == 3, "the third week run");
        assertThat(model.runs().plannedStepsProperty().get()).isEqualTo(3);
        assertThat(model.liveCharts().results()).extracting(r -> r.replicate()).containsOnly(0);
        model.runs().stop();
        await(() -> !model.runs().runningProperty().get(), "stopped run");
    }
}
