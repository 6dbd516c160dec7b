package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The hand-worked table of ClassificationMetricsTest, with a slice column and yes/no labels. */
    private Path scoredTable() throws IOException {
        return write("scored.csv", """
                label,score,region
                yes,0.9,north
                yes,0.8,north
                no,0.7,south
                no,0.3,south
                yes,0.5,north
                no,0.5,south
                yes,0.2,south
                no,0.1,north
                """);
    }

    @Test
    void jsonMatchesHandComputedMetrics() throws IOException {
        CliRunner result = CliRunner.run("metrics", "--data", scoredTable().toString(), "--label", "label",
                "--score", "score", "--slice", "region", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode overall = json.get("overall");
        assertThat(overall.get("n").asInt()).isEqualTo(8);
        assertThat(overall.get("accuracy").asDouble()).isEqualTo(0.625);
        assertThat(overall.get("precision").asDouble()).isEqualTo(0.6);
        assertThat(overall.get("recall").asDouble()).isEqualTo(0.75);
        assertThat(overall.get("f1").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(overall.get("roc_auc").asDouble()).isEqualTo(0.71875);
        assertThat(overall.get("log_loss").asDouble()).isCloseTo(0.6237806, within(1e-7));
        assertThat(overall.get("brier").asDouble()).isCloseTo(0.2225, within(1e-12));
        assertThat(overall.get("ece").asDouble()).isCloseTo(0.275, within(1e-12));

        JsonNode slices = json.get("slices");
        assertThat(slices).hasSize(2);
        JsonNode north = slices.get(0);
        assertThat(north.get("column").asText()).isEqualTo("region");
        assertThat(north.get("value").asText()).isEqualTo("north");
        // north: (yes .9) (yes .8) (yes .5) (no .1) -> all four right.
        assertThat(north.get("n").asInt()).isEqualTo(4);
        assertThat(north.get("accuracy").asDouble()).isEqualTo(1.0);
        // south: (no .7) (no .3) (no .5) (yes .2) -> only .3 right.
        JsonNode south = slices.get(1);
        assertThat(south.get("accuracy").asDouble()).isEqualTo(0.25);
        assertThat(south.get("precision").asDouble()).isEqualTo(0.0);
    }

    @Test
    void undefinedMetricIsJsonNull() throws IOException {
        Path file = write("one-class.csv", "y,p\n1,0.9\n1,0.4\n");
        CliRunner result = CliRunner.run("metrics", "--data", file.toString(), "--label", "y", "--score", "p", "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode overall = new ObjectMapper().readTree(result.out()).get("overall");
        assertThat(overall.get("roc_auc").isNull()).isTrue();
        assertThat(overall.get("recall").asDouble()).isEqualTo(0.5);
    }

    @Test
    void thresholdAndPositiveOptionsApply() throws IOException {
        CliRunner result = CliRunner.run("metrics", "--data", scoredTable().toString(), "--label", "label",
                "--score", "score", "--threshold", "0.75", "--positive", "yes", "--json");
        JsonNode overall = new ObjectMapper().readTree(result.out()).get("overall");
        // Predicted positive: .9 and .8, both yes: TP 2, FP 0, FN 2, TN 4.
        assertThat(overall.get("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(overall.get("precision").asDouble()).isEqualTo(1.0);
    }

    @Test
    void positiveLabelDefaultsToValueSortingLast() throws IOException {
        Path file = write("words.csv", "outcome,p\nlost,0.2\nwon,0.9\nlost,0.6\n");
        CliRunner result = CliRunner.run("metrics", "--data", file.toString(), "--label", "outcome", "--score", "p",
                "--json");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("positive_label").asText()).isEqualTo("won");
        assertThat(json.get("overall").get("accuracy").asDouble()).isEqualTo(2 / 3.0);
    }

    @Test
    void semicolonSeparatedFileIsSniffed() throws IOException {
        Path file = write("semi.csv", "label;score\n1;0.9\n0;0.2\n");
        CliRunner result = CliRunner.run("metrics", "--data", file.toString(), "--label", "label", "--score", "score",
                "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(new ObjectMapper().readTree(result.out()).get("overall").get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void missingFileIsExitTwoWithOneLine() {
        CliRunner result = CliRunner.run("metrics", "--data", dir.resolve("nope.csv").toString(), "--label", "y",
                "--score", "p");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("nope.csv").contains("not found").doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void emptyFileIsExitTwo() throws IOException {
        Path file = write("empty.csv", "");
        CliRunner result = CliRunner.run("metrics", "--data", file.toString(), "--label", "y", "--score", "p");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("empty.csv").contains("empty").doesNotContain("\n");
    }

    @Test
    void headerOnlyFileIsExitTwo() throws IOException {
        Path file = write("header.csv", "y,p\n");
        CliRunner result = CliRunner.run("metrics", "--data", file.toString(), "--label", "y", "--score", "p");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("header.csv").contains("no data rows").doesNotContain("\n");
    }

    @Test
    void unknownLabelColumnIsExitTwoNamingIt() throws IOException {
        CliRunner result = CliRunner.run("metrics", "--data", scoredTable().toString(), "--label", "outcome",
                "--score", "score");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("no column 'outcome'").contains("label, score, region")
                .doesNotContain("\n");
    }

    @Test
    void textInScoreColumnIsExitTwoNamingTheLine() throws IOException {
        Path file = write("text.csv", "y,p\n1,0.9\n0,high\n");
        CliRunner result = CliRunner.run("metrics", "--data", file.toString(), "--label", "y", "--score", "p");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("text.csv: line 3").contains("'high'").doesNotContain("\n");
    }

    @Test
    void scoreOutsideUnitIntervalIsExitTwoNamingTheLine() throws IOException {
        Path file = write("range.csv", "y,p\n1,0.9\n0,0.2\n1,1.3\n");
        CliRunner result = CliRunner.run("metrics", "--data", file.toString(), "--label", "y", "--score", "p");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("range.csv: line 4").contains("outside [0, 1]").doesNotContain("\n");
    }

    @Test
    void helpAndVersionWork() {
        assertThat(CliRunner.run("--help").out()).contains("metrics").contains("sample-data");
        assertThat(CliRunner.run("metrics", "--help").out()).contains("--slice");
        CliRunner version = CliRunner.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("TwinBench ");
    }

    @Test
    void unknownOptionIsExitTwo() {
        CliRunner result = CliRunner.run("metrics", "--bogus");
        assertThat(result.exitCode()).isEqualTo(2);
    }
}
