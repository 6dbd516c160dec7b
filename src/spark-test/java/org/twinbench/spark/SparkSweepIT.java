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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.sweep.SimulationTask;
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
        assertThat(relative(spark)).filteredOn(f -> !f.startsWith("steps.parquet")).isEqualTo(files);
        assertThat(printed[0]).contains("steps table (Parquet): " + spark.resolve("steps.parquet").toUri().toString().replaceAll("/$", ""));
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
    void parquetStepsAreEverySteps_csvRowOfEveryPoint() throws IOException {
        Path out = dir.resolve("parquet");
        run("sweep", scenarioFile.toString(), "--grid", grid.toString(), "--replicates", "2", "--steps", "12",
                "--spark", "local[2]", "--out", out.toString());
        SparkSession reader = SparkSession.builder().master("local[1]").appName("read back").getOrCreate();
        try {
            Dataset<Row> table = reader.read().parquet(out.resolve("steps.parquet").toString());
            assertThat(table.schema()).isEqualTo(StepsTable.SCHEMA.asNullable());
            List<Row> rows = table.collectAsList();
            int total = 0;
            for (int point = 0; point < 6; point++) {
                List<String> csv = Files.readAllLines(out.resolve(String.format("point-%04d", point)).resolve("steps.csv"));
                List<String> expected = csv.subList(1, csv.size()).stream().map(SparkSweepIT::numbersAsDoubles)
                        .sorted().toList();
                int p = point;
                List<String> actual = rows.stream().filter(r -> r.getInt(0) == p).map(SparkSweepIT::csvLine).sorted().toList();
                assertThat(actual).as("point %d", point).isEqualTo(expected);
                total += expected.size();
            }
            assertThat(rows).hasSize(total);
        } finally {
            reader.stop();
        }
    }

    @Test
    void dataReadThroughHadoopEqualsTheLocalRunWhetherBroadcastOrReadByEachTask() throws IOException {
        // The same scenario with its data named by a file:// URI, in a folder where no relative path leads to it.
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Scenario remote = SparkData.withData(scenario, dir.resolve("loans.csv"));
        String uri = dir.resolve("loans.csv").toUri().toString();
        Path remoteFile = elsewhere.resolve("remote.twin.json");
        Files.writeString(remoteFile, ScenarioFormat.toJson(remote).replace(
                dir.resolve("loans.csv").toAbsolutePath().toString(), uri));
        assertThat(Files.readString(remoteFile)).contains("\"" + uri + "\"");
        Path local = dir.resolve("uri-local");
        run("sweep", scenarioFile.toString(), "--grid", grid.toString(), "--steps", "10", "--threads", "1",
                "--out", local.toString());

        Path broadcast = dir.resolve("uri-broadcast");
        String[] printed = run("sweep", remoteFile.toString(), "--grid", grid.toString(), "--steps", "10",
                "--spark", "local[2]", "--out", broadcast.toString());
        assertThat(printed[0]).contains("data " + uri + " (", "): broadcast to the executors");
        Path shared = dir.resolve("uri-shared");
        printed = run("sweep", remoteFile.toString(), "--grid", grid.toString(), "--steps", "10",
                "--spark", "local[2]", "--broadcast-limit", "1k", "--out", shared.toString());
        assertThat(printed[0]).contains("over the broadcast limit of 0.0 MB): read by each executor from its path");

        for (Path file : relative(local)) {
            String expected = withoutClock(local.resolve(file)).replace(dir.resolve("loans.csv").toString(), uri)
                    .replace(scenarioFile.toString(), remoteFile.toString());
            if (file.endsWith("run.json")) {
                // The scenario file differs (its name and hash); everything the run produced must not.
                expected = expected.replaceAll("(?s)\"scenario\" : \\{.*?}", "");
            }
            for (Path run : List.of(broadcast, shared)) {
                String actual = withoutClock(run.resolve(file));
                if (file.endsWith("run.json")) {
                    actual = actual.replaceAll("(?s)\"scenario\" : \\{.*?}", "");
                }
                assertThat(actual).as(run.getFileName() + "/" + file).isEqualTo(expected);
            }
        }
        assertThat(Files.readString(shared.resolve("point-0000").resolve("run.json"))).contains("\"file\" : \"" + uri + "\"");
    }

    private static String csvLine(Row row) {
        return row.getInt(1) + "," + row.getInt(2) + "," + row.getString(3) + "," + row.getString(4) + ","
                + (row.isNullAt(5) ? "" : Double.toString(row.getDouble(5)));
    }

    /** A steps.csv row with its value as Double.toString writes it (the counts n are written as whole numbers). */
    private static String numbersAsDoubles(String line) {
        int cut = line.lastIndexOf(',');
        String value = line.substring(cut + 1);
        return line.substring(0, cut + 1) + (value.isEmpty() ? "" : Double.toString(Double.parseDouble(value)));
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
