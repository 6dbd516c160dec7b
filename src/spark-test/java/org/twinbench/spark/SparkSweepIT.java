package org.twinbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.SimulationTask;
import picocli.CommandLine;

/**
 * The same sweep on Spark {@code local[2]} and on the local executor gives byte-identical files, and
 * each point's steps are those of a plain {@code twinbench run} of the scenario with the point's values.
 */
class SparkSweepIT {

    @TempDir
    static Path dir;

    static Path scenarioFile;
    static Path grid;
    static Scenario scenario;

    @BeforeAll
    static void files() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 3000, 4);
        scenario = SampleScenarios.loansRecessionWithRetraining(4);
        scenarioFile = dir.resolve("loans.twin.json");
        Files.writeString(scenarioFile, ScenarioFormat.toJson(scenario));
        grid = dir.resolve("grid.json");
        Files.writeString(grid, "{\"recession.scale\": [1.0, 0.6, 0.3], \"recession.schedule.start\": [5, 20]}");
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TwinBenchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void sparkLocal2GivesTheFilesOfTheLocalExecutor() throws IOException {
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        run("sweep", scenarioFile.toString(), "--grid", grid.toString(), "--replicates", "2", "--steps", "25",
                "--threads", "2", "--out", local.toString());
        String[] printed = run("sweep", scenarioFile.toString(), "--grid", grid.toString(), "--replicates", "2",
                "--steps", "25", "--spark", "local[2]", "--out", spark.toString());
        assertThat(printed[0]).contains("6 points x 2 replicates = 12 tasks on spark local[2]");

        List<Path> files = relative(local);
        assertThat(files).hasSize(1 + 6 * 3).contains(Path.of("sweep.csv"), Path.of("point-0005", "steps.csv"));
        assertThat(relative(spark)).isEqualTo(files);
        for (Path file : files) {
            assertThat(withoutClock(spark.resolve(file))).as(file.toString()).isEqualTo(withoutClock(local.resolve(file)));
        }
        // The sweep is not trivially uniform: a deeper recession ends with a lower accuracy.
        List<String> rows = Files.readAllLines(spark.resolve("sweep.csv"));
        assertThat(rows.get(0)).startsWith("recession.scale,recession.schedule.start,accuracy_mean,accuracy_last");
        assertThat(rows).hasSize(7).doesNotHaveDuplicates();
        assertThat(Files.readString(spark.resolve("point-0003").resolve("run.json")))
                .contains("\"recession.scale\" : 0.6", "\"recession.schedule.start\" : 20");

        // Independent answer: point 3 (scale 0.6, start 20) run alone with `twinbench run`.
        Scenario point = SimulationTask.apply(scenario, Map.of("recession.scale", 0.6, "recession.schedule.start", 20L));
        Path alone = dir.resolve("point3.twin.json");
        Files.writeString(alone, ScenarioFormat.toJson(point));
        Path single = dir.resolve("single");
        run("run", alone.toString(), "--replicates", "2", "--steps", "25", "--no-store", "--out", single.toString());
        assertThat(Files.readString(spark.resolve("point-0003").resolve("steps.csv")))
                .isEqualTo(Files.readString(single.resolve("steps.csv")));
        assertThat(Files.readString(spark.resolve("point-0003").resolve("alarms.csv")))
                .isEqualTo(Files.readString(single.resolve("alarms.csv")));
    }

    @Test
    void sparkSubmitArgumentsAddTheMasterOnlyWhenMissing() {
        assertThat(SparkSweepMain.arguments(new String[] {"S.twin.json", "--grid", "g.json"}, "yarn"))
                .containsExactly("sweep", "S.twin.json", "--grid", "g.json", "--spark", "yarn");
        assertThat(SparkSweepMain.arguments(new String[] {"S.twin.json", "--spark", "local[1]"}, "yarn"))
                .containsExactly("sweep", "S.twin.json", "--spark", "local[1]");
    }

    private static List<Path> relative(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** The file's text without run.json's {@code created} line, the one thing that depends on the clock. */
    private static String withoutClock(Path file) throws IOException {
        return Files.readString(file).replaceAll("(?m)^\\s*\"created\" : .*$", "");
    }
}
