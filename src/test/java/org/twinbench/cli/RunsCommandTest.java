package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;

class RunsCommandTest {

    @TempDir
    static Path dir;

    static Path store;
    static Path firstOut;

    @BeforeAll
    static void recordTwoRuns() throws IOException {
        Path file = org.twinbench.testing.SmallLoans.scenario(dir, "s.twin.json", SampleScenarios.loansRecession(5), 6);
        store = dir.resolve("store/runs.sqlite");
        firstOut = dir.resolve("first");
        assertThat(CliRunner.run("run", file.toString(), "--out", firstOut.toString(), "--store", store.toString(),
                "--replicates", "2").exitCode()).isZero();
        assertThat(CliRunner.run("run", file.toString(), "--out", dir.resolve("second").toString(), "--store",
                store.toString(), "--seed", "9").exitCode()).isZero();
    }

    @Test
    void listShowsEveryRecordedRun() throws IOException {
        CliRunner result = CliRunner.run("runs", "list", "--store", store.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(result.out());
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("seed").asLong()).isEqualTo(5);
        assertThat(runs.get(0).path("replicates").asInt()).isEqualTo(2);
        assertThat(runs.get(1).path("seed").asLong()).isEqualTo(9);
        assertThat(CliRunner.run("runs", "list", "--store", store.toString()).out()).contains("Loans: recession");
    }

    @Test
    void showPrintsTheRunJson() throws IOException {
        CliRunner result = CliRunner.run("runs", "show", "1", "--store", store.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(result.out()))
                .isEqualTo(new ObjectMapper().readTree(firstOut.resolve("run.json").toFile()));
    }

    @Test
    void exportGivesBackStepsCsvByteForByte() throws IOException {
        Path out = dir.resolve("exported");
        CliRunner result = CliRunner.run("runs", "export", "1", "--out", out.toString(), "--store", store.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("steps.csv"))).isEqualTo(Files.readAllBytes(firstOut.resolve("steps.csv")));
        assertThat(Files.readAllBytes(out.resolve("alarms.csv"))).isEqualTo(Files.readAllBytes(firstOut.resolve("alarms.csv")));
        assertThat(Files.readAllBytes(out.resolve("reliability.csv")))
                .isEqualTo(Files.readAllBytes(firstOut.resolve("reliability.csv")));
        assertThat(ScenarioFormat.read(out.resolve("scenario.twin.json")).seed()).isEqualTo(5);
    }

    /** Every labelled row of a step is in one reliability bin: the bins' rows add up to the step's n in steps.csv. */
    @Test
    void reliabilityCsvBinsEveryLabelledRowOfEachStep() throws IOException {
        java.util.Map<String, Long> binned = new java.util.TreeMap<>();
        List<String> rows = Files.readAllLines(firstOut.resolve("reliability.csv"));
        assertThat(rows.get(0)).isEqualTo("replicate,step,bin,lower,upper,n,positives,score_sum,mean_score,positive_share");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            binned.merge(f[0] + "/" + f[1], Long.parseLong(f[5]), Long::sum);
            assertThat(Double.parseDouble(f[8])).isBetween(Double.parseDouble(f[3]), Double.parseDouble(f[4]));
            assertThat(Long.parseLong(f[6])).isBetween(0L, Long.parseLong(f[5]));
        }
        java.util.Map<String, Long> labelled = new java.util.TreeMap<>();
        for (String row : Files.readAllLines(firstOut.resolve("steps.csv"))) {
            String[] f = row.split(",");
            if (f[2].equals("overall") && f[3].equals("n") && !f[4].equals("0")) {
                labelled.put(f[0] + "/" + f[1], Long.parseLong(f[4]));
            }
        }
        // Two replicates of six steps.
        assertThat(labelled).hasSize(12);
        assertThat(binned).isEqualTo(labelled);
    }

    @Test
    void unknownRunIsABadInput() {
        CliRunner result = CliRunner.run("runs", "show", "42", "--store", store.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no run 42 in the run store");
    }

    @Test
    void missingStoreIsABadInput() {
        CliRunner result = CliRunner.run("runs", "list", "--store", dir.resolve("none.sqlite").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("none.sqlite: no run store yet");
    }
}
