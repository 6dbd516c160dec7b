package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.DataProvenance;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;

class RunCommandTest {

    @TempDir
    static Path dir;

    static Path scenarioFile;

    @BeforeAll
    static void writeScenario() throws IOException {
        System.setProperty(org.twinbench.sim.store.RunStore.PATH_PROPERTY, dir.resolve("runs.sqlite").toString());
        SampleData.writeLoans(dir.resolve("loans.csv"), 3000, 7);
        Scenario scenario = SampleScenarios.loansRecession(7);
        ScenarioNode source = scenario.node("loans").orElseThrow().withParam("batch_size", 200L).withParam("steps", 12L);
        scenarioFile = dir.resolve("small.twin.json");
        Files.writeString(scenarioFile, ScenarioFormat.toJson(scenario.withNode(source)));
    }

    @AfterAll
    static void forgetStore() {
        System.clearProperty(org.twinbench.sim.store.RunStore.PATH_PROPERTY);
    }

    private static CliRunner run(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", scenarioFile.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void writesStepsAlarmsRunJsonAndReport() throws IOException {
        Path out = dir.resolve("plain");
        CliRunner result = run(out);
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertThat(steps.get(0)).isEqualTo("replicate,step,slice,metric,value");
        assertThat(steps).contains("0,0,overall,n,200").anyMatch(l -> l.startsWith("0,11,region=north,accuracy,"));
        assertThat(Files.readAllLines(out.resolve("alarms.csv"))).containsExactly("replicate,step,node,kind,detail");
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.path("dataset").path("sha256").asText()).isEqualTo(DataProvenance.sha256(dir.resolve("loans.csv")));
        assertThat(json.path("scenario").path("sha256").asText()).isEqualTo(DataProvenance.sha256(scenarioFile));
        assertThat(json.path("seed").asLong()).isEqualTo(7);
        assertThat(json.path("steps").asInt()).isEqualTo(12);
        assertThat(json.path("versions").path("java").asText()).isEqualTo(System.getProperty("java.version"));
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg", "accuracy by region", "Provenance").doesNotContain("<script", "<link", "src=", "href=");
    }

    @Test
    void stepsCsvIsByteIdenticalWithOneOrTwoThreads() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertThat(run(one, "--replicates", "3", "--threads", "1", "--seed", "11").exitCode()).isZero();
        assertThat(run(two, "--replicates", "3", "--threads", "2", "--seed", "11").exitCode()).isZero();
        byte[] first = Files.readAllBytes(one.resolve("steps.csv"));
        assertThat(Files.readAllBytes(two.resolve("steps.csv"))).isEqualTo(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("\n2,11,overall,accuracy,");
    }

    @Test
    void otherSeedGivesOtherSteps() throws IOException {
        Path a = dir.resolve("seed-a");
        Path b = dir.resolve("seed-b");
        run(a, "--seed", "1");
        run(b, "--seed", "2");
        assertThat(Files.readAllBytes(a.resolve("steps.csv"))).isNotEqualTo(Files.readAllBytes(b.resolve("steps.csv")));
    }

    @Test
    void failingGateExitsWithOneAndNamesIt() {
        CliRunner result = run(dir.resolve("gate-fail"), "--assert", "count(alarms) <= 3",
                "--assert", "min(accuracy[region=north]) >= 0.99");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("gate failed: FAIL min(accuracy[region=north]) >= 0.99")
                .doesNotContain("count(alarms)");
        assertThat(result.out()).contains("PASS count(alarms) <= 3 (actual 0)");
    }

    @Test
    void passingGatesExitWithZero() {
        CliRunner result = run(dir.resolve("gate-pass"), "--assert", "mean(accuracy) > 0.5", "--assert",
                "max(accuracy[region=north]) <= 1");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void malformedGateExitsWithTwoBeforeRunning() {
        CliRunner result = run(dir.resolve("gate-bad"), "--assert", "min(accuracy >= 0.8");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--assert 'min(accuracy >= 0.8': not understood").doesNotContain("Exception");
        assertThat(dir.resolve("gate-bad")).doesNotExist();
    }

    @Test
    void gateOnUnknownSliceExitsWithTwo() {
        CliRunner result = run(dir.resolve("gate-unknown"), "--assert", "min(accuracy[region=mars]) >= 0.8");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("the run has no series accuracy[region=mars]");
    }

    @Test
    void jsonGoesToStdout() throws IOException {
        CliRunner result = run(dir.resolve("json"), "--json", "--steps", "3");
        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("steps").asInt()).isEqualTo(3);
        assertThat(json.path("summary").path("verdict").asText()).isIn("green", "amber", "red");
    }

    @Test
    void reportEscapesNamesFromTheScenario() throws IOException {
        Scenario scenario = ScenarioFormat.read(scenarioFile);
        Path evil = dir.resolve("evil.twin.json");
        Files.writeString(evil, ScenarioFormat.toJson(new Scenario("<script>alert('x')</script>", "", 7,
                scenario.nodes(), scenario.edges())));
        Path out = dir.resolve("evil-run");
        assertThat(CliRunner.run("run", evil.toString(), "--out", out.toString(), "--steps", "2").exitCode()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void missingScenarioFileExitsWithTwo() {
        CliRunner result = CliRunner.run("run", dir.resolve("nope.twin.json").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.twin.json: file not found");
    }

    @Test
    void sweepWritesOneRowPerGridPoint() throws IOException {
        Path out = dir.resolve("sweep");
        CliRunner result = run(out, "--steps", "3", "--sweep", "recession.scale=1.0,0.5", "--sweep",
                "new-region.share=0.1,0.3");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo(
                "recession.scale,new-region.share,accuracy_mean,accuracy_last,accuracy_min,alarms,retrains,rollbacks");
        assertThat(lines.get(1)).startsWith("1.0,0.1,");
        assertThat(lines.get(4)).startsWith("0.5,0.3,");
    }

    @Test
    void malformedSweepExitsWithTwo() {
        assertThat(run(dir.resolve("sweep-bad"), "--sweep", "recession.scale").exitCode()).isEqualTo(2);
        CliRunner unknown = run(dir.resolve("sweep-bad"), "--sweep", "nobody.scale=1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("the scenario has no node 'nobody'");
    }

    @Test
    void aRunRefusedWhileWritingItsFilesLeavesNoneOfThem() throws IOException {
        // Issue 17 item 10: a folder where report.html should go made the run leave steps.csv, alarms.csv,
        // reliability.csv and run.json behind; the folder is now complete or as it was.
        Path out = dir.resolve("refused");
        Files.createDirectories(out.resolve("report.html"));
        Path store = dir.resolve("refused.sqlite");
        CliRunner result = run(out, "--store", store.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("twinbench: ").contains("cannot write the run's files")
                .endsWith("report.html: is a folder, where the file report.html should go"));
        try (java.util.stream.Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.html");
        }
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".part-"));
        }
        try (org.twinbench.sim.store.RunStore runs = org.twinbench.sim.store.RunStore.open(store)) {
            assertThat(runs.list()).singleElement().satisfies(r -> assertThat(r.headline())
                    .startsWith("Failed: the run's files could not be written"));
        }
    }

    @Test
    void unwritableOutputFolderExitsWithTwo() throws IOException {
        Path file = dir.resolve("occupied");
        Files.writeString(file, "x");
        CliRunner result = run(file.resolve("inside"), "--steps", "2");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("twinbench: ").doesNotContain("internal error").doesNotContain("\tat ");
    }
}
