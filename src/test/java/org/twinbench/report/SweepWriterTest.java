package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.sweep.SimulationTask;
import org.twinbench.sim.sweep.Sweep;
import org.twinbench.sim.sweep.TaskResult;

/** Results arriving in any order give the files of a sweep written at the end, holding only incomplete points. */
class SweepWriterTest {

    @TempDir
    static Path dir;

    static Scenario scenario;
    static RunProvenance provenance;
    static final Map<String, List<Object>> AXES = new LinkedHashMap<>();
    static List<SimulationTask> tasks;
    static List<TaskResult> results;

    @BeforeAll
    static void run() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 3000, 4);
        scenario = SampleScenarios.loansRecessionWithRetraining(4);
        Path file = dir.resolve("loans.twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        AXES.put("recession.scale", List.of(1.0, 0.5, 0.3));
        provenance = RunProvenance.of(file, ScenarioCompiler.compile(scenario, dir, new RunListener() { }).withSteps(12),
                2, Instant.parse("2026-01-01T00:00:00Z"));
        tasks = Sweep.tasks(scenario, dir, AXES, 2, 12);
        results = Sweep.local(2).execute(tasks);
    }

    @Test
    void resultsInAnyOrderGiveTheFilesOfAWholeSweep() throws IOException {
        Path whole = dir.resolve("whole");
        SweepFiles.write(whole, Sweep.run(scenario, dir, AXES, 2, 12, 1), provenance);

        Path streamed = dir.resolve("streamed");
        SweepWriter writer = new SweepWriter(streamed, Sweep.grid(AXES), 2, provenance);
        for (int task : new int[] {5, 0, 3, 1, 4, 2}) {
            writer.accept(task, results.get(task));
        }
        List<Sweep.Point> points = writer.finish();
        assertThat(points).hasSize(3).allSatisfy(p -> assertThat(p.outcome().replicates()).isEmpty());
        // 5 opens point 2, 0 point 0, 3 point 1; 1 closes point 0: three were open at once.
        assertThat(writer.largestPending()).isEqualTo(3);
        List<Path> files = relative(whole);
        assertThat(files).hasSize(1 + 3 * 3);
        assertThat(relative(streamed)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readString(streamed.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readString(whole.resolve(file)));
        }
    }

    @Test
    void inTaskOrderOnlyOnePointIsHeldAtATime() {
        SweepWriter writer = new SweepWriter(dir.resolve("ordered"), Sweep.grid(AXES), 2, provenance);
        for (int task = 0; task < tasks.size(); task++) {
            writer.accept(task, results.get(task));
        }
        writer.finish();
        assertThat(writer.largestPending()).isEqualTo(1);
    }

    @Test
    void aRepeatedTaskOrAMissingPointIsAnError() {
        SweepWriter writer = new SweepWriter(dir.resolve("broken"), Sweep.grid(AXES), 2, provenance);
        writer.accept(0, results.get(0));
        writer.accept(1, results.get(1));
        assertThatThrownBy(() -> writer.accept(1, results.get(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task 1 is not an unfinished task of this sweep");
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("point 1 of the sweep has no results for every replicate");
    }

    private static List<Path> relative(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
