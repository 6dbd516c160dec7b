package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.sweep.SweepExecutor;
import picocli.CommandLine;

class SweepCommandTest {

    @TempDir
    static Path dir;

    static Path scenario;

    @BeforeAll
    static void files() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 2000, 4);
        scenario = dir.resolve("loans.twin.json");
        Files.writeString(scenario, ScenarioFormat.toJson(SampleScenarios.loansRecession(4)));
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TwinBenchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    private static Path grid(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void writesTheOutcomeTableAndOneRunFolderPerPoint() throws IOException {
        Path grid = grid("grid.json", "{\"recession.scale\": [1.0, 0.4]}");
        Path out = dir.resolve("sweep");
        Result r = run("sweep", scenario.toString(), "--grid", grid.toString(), "--replicates", "2", "--steps", "12",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 points x 2 replicates = 4 tasks");
        List<String> table = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(table).hasSize(3);
        assertThat(table.get(1)).startsWith("1.0,");
        assertThat(table.get(2)).startsWith("0.4,");
        for (String point : List.of("point-0000", "point-0001")) {
            List<String> steps = Files.readAllLines(out.resolve(point).resolve("steps.csv"));
            assertThat(steps.get(0)).isEqualTo("replicate,step,slice,metric,value");
            // 2 replicates x 12 steps, each with at least the overall accuracy row.
            assertThat(steps.stream().filter(l -> l.contains(",overall,accuracy,")).count())
                    .isEqualTo(24);
            assertThat(out.resolve(point).resolve("alarms.csv")).exists();
        }
        assertThat(Files.readString(out.resolve("point-0001").resolve("run.json")))
                .contains("\"point\" : {", "\"recession.scale\" : 0.4", "\"replicates\" : 2");
    }

    @Test
    void sparkWithoutTheSparkBuildSaysHowToGetIt() throws IOException {
        assumeFalse(ServiceLoader.load(SweepExecutor.Cluster.class).iterator().hasNext(), "the Spark build is present");
        Path grid = grid("grid1.json", "{\"recession.scale\": [1.0]}");
        Result r = run("sweep", scenario.toString(), "--grid", grid.toString(), "--spark", "local[2]",
                "--out", dir.resolve("never").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("twinbench: " + SweepCommand.NEEDS_SPARK);
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void badGridFilesAreNamedWithLineAndColumn() throws IOException {
        Path broken = grid("broken.json", "{\n  \"recession.scale\": [1.0,\n}");
        Result r = run("sweep", scenario.toString(), "--grid", broken.toString(), "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("twinbench: " + broken + ":3:1: not valid JSON").doesNotContain("\tat ");

        Path empty = grid("empty.json", "{\"recession.scale\": []}");
        r = run("sweep", scenario.toString(), "--grid", empty.toString(), "--out", dir.resolve("x").toString());
        assertThat(r.err().strip()).isEqualTo("twinbench: " + empty
                + ": parameter 'recession.scale': write a non-empty list of values");

        Path unknown = grid("unknown.json", "{\"boom.scale\": [1.0]}");
        r = run("sweep", scenario.toString(), "--grid", unknown.toString(), "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("twinbench: parameter 'boom.scale': the scenario has no node 'boom'");
    }

    @Test
    void aDataUriNeedsSparkAndABadBroadcastLimitIsNamed() throws IOException {
        Path grid = grid("grid2.json", "{\"recession.scale\": [1.0]}");
        Path remote = dir.resolve("remote.twin.json");
        Files.writeString(remote, Files.readString(scenario).replace("\"loans.csv\"", "\"hdfs://namenode/data/loans.csv\""));
        assertThat(Files.readString(remote)).contains("hdfs://namenode/data/loans.csv");
        Result r = run("sweep", remote.toString(), "--grid", grid.toString(), "--out", dir.resolve("never2").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("twinbench: " + remote + ": the data path hdfs://namenode/data/loans.csv "
                + "is a URI, which only a Spark sweep reads: add --spark MASTER (README: Scale-out with Spark)");

        r = run("sweep", scenario.toString(), "--grid", grid.toString(), "--broadcast-limit", "lots",
                "--out", dir.resolve("never2").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("twinbench: --broadcast-limit: write a size such as 256m, 64k or 0, not 'lots'");
        assertThat(dir.resolve("never2")).doesNotExist();
        assertThat(SweepCommand.size("256m")).isEqualTo(256L * 1024 * 1024);
        assertThat(SweepCommand.size("3k")).isEqualTo(3072);
        assertThat(SweepCommand.size("0")).isZero();
    }
}
