package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.cli.TwinBenchCommand;
import org.twinbench.data.DataException;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioFormat;
import picocli.CommandLine;

/** A bundle is self-contained: the command in its submit.sh, run on the bundle alone, gives the original sweep. */
class SweepBundleTest {

    @TempDir
    static Path dir;

    static Scenario scenario;
    static Path scenarioFile;
    static final Map<String, List<Object>> AXES = new LinkedHashMap<>();

    @BeforeAll
    static void files() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        SampleData.writeLoans(project.resolve("loans.csv"), 3000, 4);
        scenario = SampleScenarios.loansRecession(4);
        scenarioFile = project.resolve("loans.twin.json");
        Files.writeString(scenarioFile, ScenarioFormat.toJson(scenario));
        AXES.put("recession.scale", List.of(0.9, 0.4));
        AXES.put("recession.schedule.start", List.of(3L));
    }

    private static void sweep(String... args) {
        CommandLine cli = TwinBenchCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute(args)).as(err.toString()).isZero();
    }

    @Test
    void submitShRunsTheOriginalSweepFromTheBundleAlone() throws IOException {
        Path bundle = dir.resolve("bundle");
        SweepBundle.Written written = SweepBundle.write(bundle, scenario, scenarioFile.getParent(), AXES, 2,
                SweepBundle.DEFAULT_COPY_LIMIT);
        assertThat(written.points()).isEqualTo(2);
        assertThat(written.tasks()).isEqualTo(4);
        assertThat(written.dataCopied()).isTrue();
        assertThat(bundle.resolve("data/loans.csv")).hasSameBinaryContentAs(scenarioFile.getParent().resolve("loans.csv"));
        assertThat(Files.isExecutable(bundle.resolve(SweepBundle.SUBMIT))).isTrue();
        assertThat(new ObjectMapper().readTree(bundle.resolve(SweepBundle.GRID).toFile()).toString())
                .isEqualTo("{\"recession.scale\":[0.9,0.4],\"recession.schedule.start\":[3]}");
        assertThat(Files.readString(bundle.resolve(SweepBundle.README))).contains("2 points x 2 replicates = 4 tasks",
                "recession.scale: [0.9, 0.4]", "data/loans.csv", "(copied into this bundle)");

        // The TwinBench arguments of the spark-submit line, with the bundle's files resolved.
        String script = Files.readString(bundle.resolve(SweepBundle.SUBMIT));
        assertThat(script).startsWith("#!/bin/sh").contains("spark-submit --master \"$MASTER\" --class "
                + "org.twinbench.spark.SparkSweepMain \"$JAR\"");
        Matcher line = Pattern.compile("\"\\$JAR\" \\\\\\n\\s+(.*) --out \"\\$OUT\" \"\\$@\"").matcher(script);
        assertThat(line.find()).as(script).isTrue();
        List<String> args = new ArrayList<>(List.of("sweep"));
        for (String word : line.group(1).split(" ")) {
            args.add(word.endsWith(".json") ? bundle.resolve(word).toString() : word);
        }
        assertThat(args).containsExactly("sweep", bundle.resolve("scenario.twin.json").toString(), "--grid",
                bundle.resolve("grid.json").toString(), "--replicates", "2");
        Path fromBundle = dir.resolve("from-bundle");
        args.addAll(List.of("--steps", "15", "--threads", "1", "--out", fromBundle.toString()));
        sweep(args.toArray(String[]::new));

        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, "{\"recession.scale\": [0.9, 0.4], \"recession.schedule.start\": [3]}");
        Path original = dir.resolve("original");
        sweep("sweep", scenarioFile.toString(), "--grid", grid.toString(), "--replicates", "2", "--steps", "15",
                "--out", original.toString());
        for (String file : List.of("sweep.csv", "point-0000/steps.csv", "point-0001/steps.csv", "point-0001/alarms.csv")) {
            assertThat(Files.readString(fromBundle.resolve(file))).as(file)
                    .isEqualTo(Files.readString(original.resolve(file)));
        }
    }

    @Test
    void dataOverTheCopyLimitIsNamedByItsAbsolutePath() throws IOException {
        Path bundle = dir.resolve("by-reference");
        SweepBundle.Written written = SweepBundle.write(bundle, scenario, scenarioFile.getParent(), AXES, 1, 100);
        Path data = scenarioFile.getParent().resolve("loans.csv").toAbsolutePath();
        assertThat(written.dataCopied()).isFalse();
        assertThat(written.dataReference()).isEqualTo(data.toString());
        assertThat(bundle.resolve("data")).doesNotExist();
        Scenario bundled = ScenarioFormat.read(bundle.resolve(SweepBundle.SCENARIO));
        assertThat(bundled.node("loans").orElseThrow().requiredString("path")).isEqualTo(data.toString());
        assertThat(Files.readString(bundle.resolve(SweepBundle.README))).contains("not copied", "hdfs://");
    }

    @Test
    void anExistingFolderOrAnUnknownParameterLeavesNothingBehind() throws IOException {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        assertThatThrownBy(() -> SweepBundle.write(taken, scenario, scenarioFile.getParent(), AXES, 1, 0))
                .isInstanceOf(DataException.class).hasMessage(taken + ": already exists; choose a new folder for the bundle");
        Path bundle = dir.resolve("never");
        assertThatThrownBy(() -> SweepBundle.write(bundle, scenario, scenarioFile.getParent(),
                Map.of("nosuchnode.scale", List.of(1.0)), 1, 0))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("the scenario has no node 'nosuchnode'");
        assertThat(bundle).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".part-"));
        }
    }
}
