package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code drift --multivariate} on scikit-learn's breast cancer set with two size columns shuffled among the
 * current rows (src/test/resources/multivariate/make_multivariate.py): every column keeps its distribution, so the
 * per-column tests stay quiet, and both multivariate detectors see the broken relation.
 */
class MultivariateDriftCommandTest {

    static final Path DIR = Path.of("src/test/resources/multivariate");
    static final String REFERENCE = DIR.resolve("breast-reference.csv").toString();
    static final String CURRENT = DIR.resolve("breast-current.csv").toString();
    static final String PLANTED = DIR.resolve("breast-current-planted.csv").toString();

    private static JsonNode json(String... args) throws IOException {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void domainClassifierFlagsWhatNoColumnShows() throws IOException {
        JsonNode json = json("drift", "--reference", REFERENCE, "--current", PLANTED, "--multivariate", "--json");
        assertThat(json.get("dataset_drift").asBoolean()).isFalse();
        for (JsonNode column : json.get("columns")) {
            if (column.get("name").asText().equals("worst_radius")
                    || column.get("name").asText().equals("mean_perimeter")) {
                assertThat(column.get("drift").asBoolean()).isFalse();
            }
        }
        JsonNode multivariate = json.get("multivariate");
        assertThat(multivariate.get("method").asText()).isEqualTo("domain-classifier");
        assertThat(multivariate.get("drift").asBoolean()).isTrue();
        assertThat(multivariate.get("auc").asDouble()).isGreaterThan(multivariate.get("threshold").asDouble());
        assertThat(multivariate.get("false_alarm_rate").asDouble()).isEqualTo(0.01);
        assertThat(multivariate.get("columns").get(0).get("name").asText()).isIn("worst_radius", "mean_perimeter");
        assertThat(multivariate.get("left_out")).isEmpty();
    }

    @Test
    void domainClassifierStaysQuietOnAnUnchangedTable() {
        CliRunner result = CliRunner.run("drift", "--reference", REFERENCE, "--current", CURRENT, "--multivariate",
                "--seed", "3");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("multivariate drift \\(domain classifier\\): AUC 0\\.\\d+, threshold "
                + "0\\.\\d+ \\(1% false alarms\\): no");
    }

    /**
     * The reconstruction errors are scikit-learn's (expected.json; each row's at most the reference's 0.99 quantile); the band lies within the range scikit-learn's own
     * random splits give it.
     */
    @Test
    void reconstructionErrorIsScikitLearnsAndDecides() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        JsonNode planted = json("drift", "--reference", REFERENCE, "--current", PLANTED, "--multivariate",
                "reconstruction", "--seed", "3", "--json").get("multivariate");
        assertThat(planted.get("reconstruction_error").asDouble()).isCloseTo(expected.get("planted_counted_error").asDouble(),
                within(1e-9));
        assertThat(planted.get("threshold").asDouble()).isBetween(expected.get("upper_threshold_range").get(0)
                .asDouble(), expected.get("upper_threshold_range").get(1).asDouble());
        assertThat(planted.get("lower_threshold").asDouble()).isBetween(expected.get("lower_threshold_range").get(0)
                .asDouble(), expected.get("lower_threshold_range").get(1).asDouble());
        assertThat(planted.get("drift").asBoolean()).isTrue();
        JsonNode same = json("drift", "--reference", REFERENCE, "--current", CURRENT, "--multivariate=reconstruction",
                "--json").get("multivariate");
        assertThat(same.get("reconstruction_error").asDouble()).isCloseTo(expected.get("current_counted_error").asDouble(),
                within(1e-9));
        assertThat(same.get("drift").asBoolean()).isFalse();
    }

    @Test
    void identifiersAreLeftOutAndNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        StringBuilder ref = new StringBuilder("id,x,y\n");
        StringBuilder cur = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 60; i++) {
            ref.append("r").append(i).append(',').append(i % 7).append(',').append(i % 5).append('\n');
            cur.append("c").append(i).append(',').append(i % 7).append(',').append(i % 5).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("ref.csv"), ref);
        java.nio.file.Files.writeString(dir.resolve("cur.csv"), cur);
        JsonNode multivariate = json("drift", "--reference", dir.resolve("ref.csv").toString(), "--current",
                dir.resolve("cur.csv").toString(), "--multivariate=reconstruction", "--json").get("multivariate");
        assertThat(multivariate.get("left_out").get(0).asText()).isEqualTo("id");
        assertThat(multivariate.get("drift").asBoolean()).isFalse();
    }

    @Test
    void unknownMethodOrTooFewRowsIsRefusedInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        CliRunner unknown = CliRunner.run("drift", "--reference", REFERENCE, "--current", CURRENT,
                "--multivariate=pca");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).contains("--multivariate: unknown method 'pca'").doesNotContain("\n");
        java.nio.file.Files.writeString(dir.resolve("small.csv"), "x,y\n1,2\n2,3\n3,5\n4,4\n5,1\n6,7\n");
        for (String method : new String[] {"domain-classifier", "reconstruction"}) {
            CliRunner few = CliRunner.run("drift", "--reference", dir.resolve("small.csv").toString(), "--current",
                    dir.resolve("small.csv").toString(), "--multivariate=" + method);
            assertThat(few.exitCode()).isEqualTo(2);
            assertThat(few.err().strip()).startsWith("twinbench: --multivariate " + method + ": ").contains("rows")
                    .doesNotContain("\n").doesNotContain("Exception");
        }
    }
}
