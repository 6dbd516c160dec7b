package org.twinbench.sim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/** A followed source waits for rows, and stops waiting when the run is cancelled (as the window cancels it). */
class FollowSourceTest {

    @TempDir
    Path dir;

    private Scenario scenario(Map<String, Object> more) throws IOException {
        List<String> lines = new ArrayList<>(List.of("day,p,outcome"));
        for (int d = 1; d <= 28; d++) {
            for (int k = 0; k < 3; k++) {
                lines.add(String.format("2025-02-%02d,0.%d,%s", d, (d + k) % 10, (d + k) % 2 == 0 ? "yes" : "no"));
            }
        }
        Files.write(dir.resolve("log.csv"), lines);
        Map<String, Object> params = new LinkedHashMap<>(Map.of("path", "log.csv", "time_column", "day",
                "reference_until", "2025-02-10", "follow", true));
        params.putAll(more);
        return new Scenario("followed", "", 3, List.of(
                new ScenarioNode("log", NodeCatalog.DATASET_SOURCE, params, 0, 0),
                new ScenarioNode("m", NodeCatalog.LOGGED_MODEL, Map.of("score_column", "p", "target", "outcome",
                        "positive", "yes"), 100, 0)),
                List.of(new ScenarioEdge("log", "m")));
    }

    @Test
    void aCancelledRunStopsWaitingForTheNextWindow() throws Exception {
        SimulationPlan plan = ScenarioCompiler.compile(scenario(Map.of("window", "week")), dir, new RunListener() { });
        assertThat(plan.source()).isInstanceOf(FollowSource.class);
        RunControl control = new RunControl();
        List<StepResult> steps = new CopyOnWriteArrayList<>();
        CompletableFuture<RunStatus> run = CompletableFuture.supplyAsync(() -> SimulationEngine.run(plan, 0,
                new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        steps.add(result);
                    }
                }, control));
        // Weeks of 10 and 17 February are closed; the week of 24 February stays open.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (steps.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertThat(run).isNotDone();
        assertThat(steps).extracting(StepResult::windowStart).containsExactly("2025-02-10", "2025-02-17");
        control.cancel();
        assertThat(run.get(5, TimeUnit.SECONDS)).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void followWithoutAWindowNamesTheNode() throws IOException {
        Scenario scenario = scenario(Map.of());
        assertThatThrownBy(() -> ScenarioCompiler.compile(scenario, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("node log: follow needs a time_column and a window (day, week, month or quarter):"
                        + " a window closes when a row of a later one arrives");
    }
}
