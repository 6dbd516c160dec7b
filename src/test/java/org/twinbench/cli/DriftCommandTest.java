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
import org.twinbench.stats.ScipySamples;

class DriftCommandTest {

    // The samples of NumericDriftTest (drawn with numpy) and a category column with reference counts
    // a/b/c = 10/10/10 and current counts 20/5/0.
    static final double[] REF = ScipySamples.REF;
    static final double[] CUR = ScipySamples.CUR;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path table(String name, double[] x, int a, int b, int c) throws IOException {
        StringBuilder text = new StringBuilder("x,home,const\n");
        String[] categories = new String[a + b + c];
        java.util.Arrays.fill(categories, 0, a, "a");
        java.util.Arrays.fill(categories, a, a + b, "b");
        java.util.Arrays.fill(categories, a + b, a + b + c, "c");
        for (int i = 0; i < x.length; i++) {
            text.append(x[i]).append(',').append(categories[i]).append(",7\n");
        }
        return write(name, text.toString());
    }

    private JsonNode runJson(String... args) throws IOException {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void jsonMatchesScipyValuesAndTheDefaultRule() throws IOException {
        JsonNode json = runJson("drift", "--reference", table("ref.csv", REF, 10, 10, 10).toString(),
                "--current", table("cur.csv", CUR, 20, 5, 0).toString(), "--json");
        assertThat(json.get("reference_rows").asInt()).isEqualTo(30);
        assertThat(json.get("current_rows").asInt()).isEqualTo(25);
        JsonNode x = json.get("columns").get(0);
        assertThat(x.get("name").asText()).isEqualTo("x");
        assertThat(x.get("kind").asText()).isEqualTo("numeric");
        // Values from scipy, as in NumericDriftTest.
        assertThat(x.get("ks_statistic").asDouble()).isCloseTo(0.4266666666666667, within(1e-15));
        assertThat(x.get("ks_pvalue").asDouble()).isCloseTo(0.013958011364261376, within(1e-14));
        assertThat(x.get("wasserstein").asDouble()).isCloseTo(1.6133333333333337, within(1e-13));
        assertThat(x.get("wasserstein_normed").asDouble()).isCloseTo(0.9822881572583182, within(1e-13));
        assertThat(x.get("psi").asDouble()).isCloseTo(1.9704075626890813, within(1e-12));
        assertThat(x.get("jensen_shannon").asDouble()).isCloseTo(0.4722068619309793, within(1e-13));
        assertThat(x.get("missing_fraction_reference").asDouble()).isZero();
        // Reference of 30 <= 1000 rows: KS p < 0.05 decides.
        assertThat(x.get("drift").asBoolean()).isTrue();
        assertThat(x.get("decided_by").asText()).isEqualTo("ks_pvalue");

        JsonNode home = json.get("columns").get(1);
        assertThat(home.get("kind").asText()).isEqualTo("categorical");
        // scipy.stats.chi2_contingency([[10,10,10],[20,5,0]], correction=False) -> 14.666666666666668,
        // p 0.0006533919798673799, dof 2; jensenshannon(base=2) 0.5002282864997806; psi 3.1797603488949786.
        assertThat(home.get("chi2_statistic").asDouble()).isCloseTo(14.666666666666668, within(1e-12));
        assertThat(home.get("chi2_pvalue").asDouble()).isCloseTo(0.0006533919798673799, within(1e-15));
        assertThat(home.get("dof").asInt()).isEqualTo(2);
        assertThat(home.get("jensen_shannon").asDouble()).isCloseTo(0.5002282864997806, within(1e-13));
        assertThat(home.get("psi").asDouble()).isCloseTo(3.1797603488949786, within(1e-12));
        assertThat(home.get("drift").asBoolean()).isTrue();
        assertThat(home.get("decided_by").asText()).isEqualTo("chi2_pvalue");
        assertThat(home.get("vanished_categories").get(0).asText()).isEqualTo("c");

        // The constant column: identical constant samples, no drift.
        JsonNode constant = json.get("columns").get(2);
        assertThat(constant.get("ks_statistic").asDouble()).isZero();
        assertThat(constant.get("wasserstein_normed").asDouble()).isZero();
        assertThat(constant.get("anderson_darling").isNull()).isTrue();
        assertThat(constant.get("drift").asBoolean()).isFalse();

        assertThat(json.get("drifted_share").asDouble()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(json.get("dataset_drift").asBoolean()).isTrue();
    }

    @Test
    void methodAndThresholdOverrideTheDefault() throws IOException {
        JsonNode json = runJson("drift", "--reference", table("ref.csv", REF, 10, 10, 10).toString(),
                "--current", table("cur.csv", CUR, 20, 5, 0).toString(), "--columns", "x,home",
                "--method", "psi", "--threshold", "x=2.0", "--json");
        JsonNode x = json.get("columns").get(0);
        // psi 1.97 < 2.0: no drift by PSI.
        assertThat(x.get("decided_by").asText()).isEqualTo("psi");
        assertThat(x.get("threshold").asDouble()).isEqualTo(2.0);
        assertThat(x.get("drift").asBoolean()).isFalse();
        JsonNode home = json.get("columns").get(1);
        assertThat(home.get("decided_by").asText()).isEqualTo("psi");
        assertThat(home.get("drift").asBoolean()).isTrue();
        assertThat(json.get("columns")).hasSize(2);
        assertThat(json.get("drifted_share").asDouble()).isEqualTo(0.5);
    }

    @Test
    void eachGlobalMethodDecidesTheColumnsItFits() throws IOException {
        // Before issue 17 only the last --method was kept: x fell back to the default KS rule.
        JsonNode json = runJson("drift", "--reference", table("ref.csv", REF, 10, 10, 10).toString(),
                "--current", table("cur.csv", CUR, 20, 5, 0).toString(), "--columns", "x,home",
                "--method", "wasserstein", "--method", "chi2", "--json");
        JsonNode x = json.get("columns").get(0);
        assertThat(x.get("decided_by").asText()).isEqualTo("wasserstein_normed");
        // scipy.stats.wasserstein_distance / reference sd, as in jsonMatchesScipyValuesAndTheDefaultRule.
        assertThat(x.get("decided_value").asDouble()).isCloseTo(0.9822881572583182, within(1e-13));
        assertThat(x.get("drift").asBoolean()).isTrue();
        JsonNode home = json.get("columns").get(1);
        assertThat(home.get("decided_by").asText()).isEqualTo("chi2_pvalue");
        assertThat(home.get("decided_value").asDouble()).isCloseTo(0.0006533919798673799, within(1e-15));
        // The order of the options does not matter.
        JsonNode swapped = runJson("drift", "--reference", dir.resolve("ref.csv").toString(), "--current",
                dir.resolve("cur.csv").toString(), "--columns", "x,home", "--method", "chi2", "--method",
                "wasserstein", "--json");
        assertThat(swapped.get("columns")).isEqualTo(json.get("columns"));
    }

    @Test
    void twoGlobalMethodsForTheSameKindOfColumnAreRefused() throws IOException {
        Path ref = table("ref.csv", REF, 10, 10, 10);
        Path cur = table("cur.csv", CUR, 20, 5, 0);
        BadInput.assertRejected("--method: 'ks' and 'wasserstein' both apply to numeric columns", "drift",
                "--reference", ref.toString(), "--current", cur.toString(), "--method", "ks", "--method", "wasserstein");
        // psi fits both kinds: with chi2 it competes for the categorical columns.
        BadInput.assertRejected("--method: 'chi2' and 'psi' both apply to categorical columns", "drift",
                "--reference", ref.toString(), "--current", cur.toString(), "--method", "chi2", "--method", "psi");
        BadInput.assertRejected("--method: column 'x' is given a method twice", "drift", "--reference",
                ref.toString(), "--current", cur.toString(), "--method", "x=ks", "--method", "x=psi");
        BadInput.assertRejected("--threshold: a threshold for every column is given twice", "drift", "--reference",
                ref.toString(), "--current", cur.toString(), "--threshold", "0.1", "--threshold", "0.2");
    }

    @Test
    void perColumnMethodAndBonferroniCorrection() throws IOException {
        // KS p 0.01396 and chi2 p 0.00065; Bonferroni over 2 tests with threshold 0.02: 0.0279 >= 0.02, 0.0013 < 0.02.
        JsonNode json = runJson("drift", "--reference", table("ref.csv", REF, 10, 10, 10).toString(),
                "--current", table("cur.csv", CUR, 20, 5, 0).toString(), "--columns", "x,home", "--method", "x=ks",
                "--threshold", "0.02", "--correction", "bonferroni", "--json");
        assertThat(json.get("columns").get(0).get("decided_value").asDouble())
                .isCloseTo(2 * 0.013958011364261376, within(1e-14));
        assertThat(json.get("columns").get(0).get("drift").asBoolean()).isFalse();
        assertThat(json.get("columns").get(1).get("drift").asBoolean()).isTrue();
        assertThat(json.get("dataset_drift").asBoolean()).isTrue();
    }

    @Test
    void missingValuesAreReportedAsFractions() throws IOException {
        Path ref = write("ref.csv", "v,c\n1,a\nNA,b\n3,\n4,a\n");
        Path cur = write("cur.csv", "v,c\n2,a\n3,null\n,b\n5,a\n6,b\n");
        JsonNode json = runJson("drift", "--reference", ref.toString(), "--current", cur.toString(), "--json");
        JsonNode v = json.get("columns").get(0);
        assertThat(v.get("missing_fraction_reference").asDouble()).isEqualTo(0.25);
        assertThat(v.get("missing_fraction_current").asDouble()).isEqualTo(0.2);
        assertThat(v.get("reference_count").asInt()).isEqualTo(3);
        JsonNode c = json.get("columns").get(1);
        assertThat(c.get("missing_fraction_reference").asDouble()).isEqualTo(0.25);
        assertThat(c.get("missing_fraction_current").asDouble()).isEqualTo(0.2);
    }

    @Test
    void columnNumericOnOneSideAndTextOnTheOtherIsComparedAsCategories() throws IOException {
        Path ref = write("ref.csv", "v\n1\n2\n2\n");
        Path cur = write("cur.csv", "v\n1\nmany\n2\n");
        JsonNode v = runJson("drift", "--reference", ref.toString(), "--current", cur.toString(), "--json")
                .get("columns").get(0);
        assertThat(v.get("kind").asText()).isEqualTo("categorical");
        assertThat(v.get("note").asText()).contains("numeric in the reference but text in the current");
        assertThat(v.get("new_categories").get(0).asText()).isEqualTo("many");
        assertThat(v.get("new_category_count").asInt()).isEqualTo(1);
        // [[1, 2, 0], [1, 1, 1]]: dof 2.
        assertThat(v.get("dof").asInt()).isEqualTo(2);
    }

    @Test
    void identifierColumnsListOnlyTheFirstNewCategories() throws IOException {
        StringBuilder ref = new StringBuilder("id\n");
        StringBuilder cur = new StringBuilder("id\n");
        for (int i = 0; i < 50; i++) {
            ref.append("r").append(i).append('\n');
            cur.append("c").append(i).append('\n');
        }
        JsonNode id = runJson("drift", "--reference", write("ref.csv", ref.toString()).toString(), "--current",
                write("cur.csv", cur.toString()).toString(), "--json").get("columns").get(0);
        assertThat(id.get("new_categories")).hasSize(20);
        assertThat(id.get("new_category_count").asInt()).isEqualTo(50);
        assertThat(id.get("vanished_category_count").asInt()).isEqualTo(50);
        // Disjoint supports: Jensen-Shannon distance 1, the most there is.
        assertThat(id.get("jensen_shannon").asDouble()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void allMissingColumnIsNotJudged() throws IOException {
        Path ref = write("ref.csv", "v,w\n1,1\n2,2\n");
        Path cur = write("cur.csv", "v,w\nNA,5\n,6\n");
        JsonNode json = runJson("drift", "--reference", ref.toString(), "--current", cur.toString(), "--json");
        JsonNode v = json.get("columns").get(0);
        assertThat(v.get("ks_statistic").isNull()).isTrue();
        assertThat(v.get("drift").asBoolean()).isFalse();
        assertThat(v.get("decided_by").asText()).isEqualTo("not_computed");
        assertThat(v.get("note").asText()).contains("no values on the current side");
        assertThat(v.get("missing_fraction_current").asDouble()).isEqualTo(1.0);
        // Only w is judged: {1,2} vs {5,6} has D = 1, p = Q(1) = 0.27 -> no drift under KS.
        assertThat(json.get("drifted_share").asDouble()).isZero();
    }

    @Test
    void oneRowTablesGiveDefinedStatistics() throws IOException {
        Path ref = write("ref.csv", "v\n1\n");
        Path cur = write("cur.csv", "v\n3\n");
        JsonNode v = runJson("drift", "--reference", ref.toString(), "--current", cur.toString(), "--json")
                .get("columns").get(0);
        assertThat(v.get("ks_statistic").asDouble()).isEqualTo(1.0);
        assertThat(v.get("wasserstein").asDouble()).isEqualTo(2.0);
        // A one-row reference has standard deviation 0: the normed distance is infinite, written null.
        assertThat(v.get("wasserstein_normed").isNull()).isTrue();
    }

    @Test
    void textTableShowsDecisions() throws IOException {
        CliRunner result = CliRunner.run("drift", "--reference", table("ref.csv", REF, 10, 10, 10).toString(),
                "--current", table("cur.csv", CUR, 20, 5, 0).toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("dataset drift: YES").contains("ks_pvalue").contains("chi2_pvalue");
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws IOException {
        String ref = table("ref.csv", REF, 10, 10, 10).toString();
        String cur = table("cur.csv", CUR, 20, 5, 0).toString();
        BadInput.assertRejected("nope.csv: file not found", "drift", "--reference", dir.resolve("nope.csv").toString(),
                "--current", cur);
        BadInput.assertRejected("header.csv: has a header but no data rows", "drift", "--reference", ref, "--current",
                write("header.csv", "x,home\n").toString());
        BadInput.assertRejected("ref.csv: no column 'income'", "drift", "--reference", ref, "--current", cur, "--columns",
                "x,income");
        BadInput.assertRejected("unknown method 'magic'", "drift", "--reference", ref, "--current", cur, "--method", "magic");
        BadInput.assertRejected("'chi2' does not apply to the numeric column 'x'", "drift", "--reference", ref, "--current", cur,
                "--method", "x=chi2");
        BadInput.assertRejected("no compared column 'y'", "drift", "--reference", ref, "--current", cur, "--threshold", "y=0.1");
        BadInput.assertRejected("not a significance level", "drift", "--reference", ref, "--current", cur, "--method", "ks",
                "--threshold", "5");
        BadInput.assertRejected("--threshold: 'high' is not a number", "drift", "--reference", ref, "--current", cur,
                "--threshold", "high");
        BadInput.assertRejected("--correction must be", "drift", "--reference", ref, "--current", cur, "--correction", "holm");
        BadInput.assertRejected("no column in common", "drift", "--reference", ref, "--current",
                write("other.csv", "q\n1\n").toString());
    }
}
