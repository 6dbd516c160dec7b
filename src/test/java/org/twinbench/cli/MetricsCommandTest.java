package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** scoredTable with an age column (10..80) and a plan column (a, b alternating). */
    private Path tableWithAgeAndPlan() throws IOException {
        return write("aged.csv", """
                label,score,region,age,plan
                yes,0.9,north,10,a
                yes,0.8,north,20,b
                no,0.7,south,30,a
                no,0.3,south,40,b
                yes,0.5,north,50,a
                no,0.5,south,60,b
                yes,0.2,south,70,a
                no,0.1,north,80,b
                """);
    }

    private static JsonNode runJson(String... args) throws IOException {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void extendedMetricsAreExtraKeysOfEveryMetricsObject() throws IOException {
        JsonNode json = runJson("metrics", "--data", scoredTable().toString(), "--label", "label", "--score", "score",
                "--slice", "region", "--json");
        JsonNode overall = json.get("overall");
        // TP 3, FN 1, TN 2, FP 2: (3/4 + 2/4) / 2.
        assertThat(overall.get("balanced_accuracy").asDouble()).isEqualTo(0.625);
        // Average precision by hand, scores descending: .9y .8y .7n (.5y .5n) .3n .2y .1n:
        // .25*1 + .25*1 + .25*(3/5) + .25*(4/7).
        assertThat(overall.get("pr_auc").asDouble()).isCloseTo(0.5 + 0.15 + 1 / 7.0, within(1e-12));
        // north: all four right, so TPR = TNR = 1; south: TPR 0 (the .2 yes), TNR 1/3 (only .3 of three no).
        assertThat(json.get("slices").get(0).get("balanced_accuracy").asDouble()).isEqualTo(1.0);
        assertThat(json.get("slices").get(1).get("balanced_accuracy").asDouble()).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(json.get("slices").get(1).get("pr_auc").asDouble()).isEqualTo(0.25);
    }

    @Test
    void numericSliceColumnIsCutIntoQuantileBins() throws IOException {
        JsonNode two = runJson("metrics", "--data", tableWithAgeAndPlan().toString(), "--label", "label",
                "--score", "score", "--slice", "age", "--bins", "2", "--json");
        // The median of 10..80 (numpy linear) is 45.
        JsonNode slices = two.get("slices");
        assertThat(slices).hasSize(2);
        assertThat(slices.get(0).get("column").asText()).isEqualTo("age");
        assertThat(slices.get(0).get("value").asText()).isEqualTo("[10, 45)");
        assertThat(slices.get(1).get("value").asText()).isEqualTo("[45, 80]");
        // Ages 10..40: .9y .8y .7n .3n -> three right; 50..80: .5y .5n .2y .1n -> two right.
        assertThat(slices.get(0).get("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(slices.get(1).get("accuracy").asDouble()).isEqualTo(0.5);

        JsonNode four = runJson("metrics", "--data", tableWithAgeAndPlan().toString(), "--label", "label",
                "--score", "score", "--slice", "age", "--bins", "4", "--json");
        // Quartiles of 10..80 at positions 1.75, 3.5, 5.25: 27.5, 45, 62.5.
        assertThat(four.get("slices").findValuesAsText("value"))
                .containsExactly("[10, 27.5)", "[27.5, 45)", "[45, 62.5)", "[62.5, 80]");
        assertThat(four.get("slices").findValues("n")).allMatch(n -> n.asInt() == 2);
    }

    @Test
    void numericColumnWithFewValuesIsSlicedByValue() throws IOException {
        Path file = write("flags.csv", "y,p,flag\n1,0.9,0\n0,0.2,1\n1,0.3,1\n");
        JsonNode json = runJson("metrics", "--data", file.toString(), "--label", "y", "--score", "p",
                "--slice", "flag", "--json");
        assertThat(json.get("slices").findValuesAsText("value")).containsExactly("0", "1");
        assertThat(json.get("slices").get(1).get("accuracy").asDouble()).isEqualTo(0.5);
    }

    @Test
    void intersectAddsPairSlicesAndTheirFairness() throws IOException {
        JsonNode json = runJson("metrics", "--data", tableWithAgeAndPlan().toString(), "--label", "label",
                "--score", "score", "--intersect", "region,plan", "--json");
        JsonNode slices = json.get("slices");
        assertThat(slices.findValuesAsText("column")).containsOnly("region&plan");
        assertThat(slices.findValuesAsText("value")).containsExactly("north&a", "north&b", "south&a", "south&b");
        // north&a: .9y .5y; north&b: .8y .1n; south&a: .7n .2y; south&b: .3n .5n.
        assertThat(slices).extracting(slice -> slice.get("accuracy").asDouble()).containsExactly(1.0, 1.0, 0.0, 0.5);
        JsonNode fairness = json.get("fairness");
        assertThat(fairness).hasSize(1);
        // Shares predicted positive: 1, 1/2, 1/2, 1/2.
        assertThat(fairness.get(0).get("column").asText()).isEqualTo("region&plan");
        assertThat(fairness.get(0).get("demographic_parity_difference").asDouble()).isEqualTo(0.5);
        assertThat(fairness.get(0).get("demographic_parity_ratio").asDouble()).isEqualTo(0.5);
    }

    @Test
    void fairnessGapsPerSlicingColumn() throws IOException {
        JsonNode json = runJson("metrics", "--data", scoredTable().toString(), "--label", "label", "--score", "score",
                "--slice", "region", "--json");
        JsonNode region = json.get("fairness").get(0);
        assertThat(region.get("column").asText()).isEqualTo("region");
        // north predicts .9 .8 .5 positive (3/4), south .7 .5 (2/4).
        assertThat(region.get("demographic_parity_difference").asDouble()).isEqualTo(0.25);
        assertThat(region.get("demographic_parity_ratio").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(region.get("fails_four_fifths_rule").asBoolean()).isTrue();
        // TPR north 3/3, south 0/1; FPR north 0/1, south 2/3.
        assertThat(region.get("true_positive_rate_gap").asDouble()).isEqualTo(1.0);
        assertThat(region.get("false_positive_rate_gap").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(region.get("groups").findValuesAsText("value")).containsExactly("north", "south");
        assertThat(CliRunner.run("metrics", "--help").out()).contains("demographic_parity_ratio")
                .contains("fails_four_fifths_rule").contains("true_positive_rate_gap");
        String text = CliRunner.run("metrics", "--data", scoredTable().toString(), "--label", "label",
                "--score", "score", "--slice", "region").out();
        assertThat(text).contains("fairness region").contains("fails the four-fifths rule");
    }

    @Test
    void noFairnessWithoutSlices() throws IOException {
        JsonNode json = runJson("metrics", "--data", scoredTable().toString(), "--label", "label", "--score", "score",
                "--json");
        assertThat(json.has("fairness")).isFalse();
        assertThat(json.get("overall").has("ci")).isFalse();
        assertThat(json.get("overall").has("reliability")).isFalse();
    }

    @Test
    void bootstrapIntervalsMatchTheResamplingDistribution() throws IOException {
        // Two rows, one right and one wrong, both predicted positive: a resample's accuracy is 0, 1/2 or 1
        // with chances 1/4, 1/2, 1/4, so the 5 % and 95 % quantiles of 2000 resamples are 0 and 1; recall is 1
        // whenever defined; AUC is 1/2 (the two scores tie) whenever both classes are drawn.
        Path file = write("pair.csv", "y,p,g\n1,0.9,x\n0,0.9,x\n");
        JsonNode json = runJson("metrics", "--data", file.toString(), "--label", "y", "--score", "p", "--slice", "g",
                "--bootstrap", "2000", "--seed", "7", "--confidence", "0.9", "--json");
        for (JsonNode metrics : List.of(json.get("overall"), json.get("slices").get(0))) {
            JsonNode ci = metrics.get("ci");
            assertThat(ci.get("accuracy").get("lower").asDouble()).isEqualTo(0.0);
            assertThat(ci.get("accuracy").get("upper").asDouble()).isEqualTo(1.0);
            assertThat(ci.get("recall").get("lower").asDouble()).isEqualTo(1.0);
            assertThat(ci.get("recall").get("upper").asDouble()).isEqualTo(1.0);
            assertThat(ci.get("roc_auc").get("lower").asDouble()).isEqualTo(0.5);
            assertThat(ci.get("roc_auc").get("upper").asDouble()).isEqualTo(0.5);
            assertThat(ci.has("balanced_accuracy")).isTrue();
            assertThat(ci.has("pr_auc")).isTrue();
        }
        assertThat(json.get("bootstrap").get("replicates").asInt()).isEqualTo(2000);
        assertThat(json.get("bootstrap").get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void bootstrapIsReproducibleForASeedAndNarrowsWithConfidence() throws IOException {
        String[] base = {"metrics", "--data", scoredTable().toString(), "--label", "label", "--score", "score",
            "--slice", "region", "--bootstrap", "300", "--json"};
        String first = CliRunner.run(concat(base, "--seed", "3")).out();
        assertThat(CliRunner.run(concat(base, "--seed", "3")).out()).isEqualTo(first);
        JsonNode wide = new ObjectMapper().readTree(first).get("overall").get("ci").get("brier");
        JsonNode narrow = runJson(concat(base, "--seed", "3", "--confidence", "0.5")).get("overall").get("ci")
                .get("brier");
        assertThat(narrow.get("lower").asDouble()).isGreaterThanOrEqualTo(wide.get("lower").asDouble());
        assertThat(narrow.get("upper").asDouble()).isLessThanOrEqualTo(wide.get("upper").asDouble());
        // Brier of a resample lies between the smallest and largest squared error of the rows: .01 and .64.
        assertThat(wide.get("lower").asDouble()).isBetween(0.01, 0.64);
        assertThat(wide.get("upper").asDouble()).isBetween(0.01, 0.64);
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void reliabilityBinsAddUpToTheEce() throws IOException {
        JsonNode overall = runJson("metrics", "--data", scoredTable().toString(), "--label", "label",
                "--score", "score", "--reliability", "--json").get("overall");
        JsonNode bins = overall.get("reliability");
        assertThat(bins).hasSize(10);
        assertThat(bins.get(0).get("n").asInt()).isZero();
        assertThat(bins.get(0).get("mean_score").isNull()).isTrue();
        // Bin [0.5, 0.6): the .5 yes and the .5 no.
        assertThat(bins.get(5).get("lower").asDouble()).isEqualTo(0.5);
        assertThat(bins.get(5).get("n").asInt()).isEqualTo(2);
        assertThat(bins.get(5).get("mean_score").asDouble()).isEqualTo(0.5);
        assertThat(bins.get(5).get("positive_share").asDouble()).isEqualTo(0.5);
        assertThat(bins.get(9).get("positive_share").asDouble()).isEqualTo(1.0);
        double ece = 0;
        for (JsonNode bin : bins) {
            if (bin.get("n").asInt() > 0) {
                ece += bin.get("n").asInt() / 8.0
                        * Math.abs(bin.get("positive_share").asDouble() - bin.get("mean_score").asDouble());
            }
        }
        assertThat(ece).isCloseTo(overall.get("ece").asDouble(), within(1e-12));
    }

    @Test
    void badSlicingOptionsAreExitTwoWithOneLine() throws IOException {
        String table = tableWithAgeAndPlan().toString();
        assertOneLineError(CliRunner.run("metrics", "--data", table, "--label", "label", "--score", "score",
                "--intersect", "region,tier"), "no column 'tier'", "--intersect");
        assertOneLineError(CliRunner.run("metrics", "--data", table, "--label", "label", "--score", "score",
                "--intersect", "region"), "--intersect", "A,B");
        assertOneLineError(CliRunner.run("metrics", "--data", table, "--label", "label", "--score", "score",
                "--slice", "age", "--bins", "1"), "--bins", "at least 2");
        assertOneLineError(CliRunner.run("metrics", "--data", table, "--label", "label", "--score", "score",
                "--bootstrap", "0"), "--bootstrap", "at least 1");
        assertOneLineError(CliRunner.run("metrics", "--data", table, "--label", "label", "--score", "score",
                "--bootstrap", "10", "--confidence", "1"), "--confidence", "between 0 and 1");
    }

    /**
     * A label of three classes is never judged as "the last class against the rest" unasked (issue: task types),
     * nor a label of amounts as classes: scikit-learn's wine (3 cultivars; class_0's probability as the score) and
     * diabetes (214 different progressions) scored by the task tests' models.
     */
    @Test
    void aLabelOfSeveralClassesIsNotTurnedSilentlyIntoOneAgainstTheRest() {
        String wine = Path.of("src/test/resources/tasks/wine-predictions.csv").toString();
        CliRunner silent = CliRunner.run("metrics", "--data", wine, "--label", "cultivar", "--score", "p_class_0");
        assertOneLineError(silent, "wine-predictions.csv: column 'cultivar' holds more than two values; a binary task "
                + "needs exactly two — use --task multiclass");
        assertThat(silent.out()).isEmpty();
        // Named, one class against the rest is what was asked for: class_0 is 59 of the 178 wines.
        CliRunner named = CliRunner.run("metrics", "--data", wine, "--label", "cultivar", "--score", "p_class_0",
                "--positive", "class_0", "--json");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.out()).contains("\"positive_label\" : \"class_0\"");

        String diabetes = Path.of("src/test/resources/tasks/diabetes-predictions.csv").toString();
        CliRunner amounts = CliRunner.run("metrics", "--data", diabetes, "--task", "multiclass", "--label", "target",
                "--prediction", "prediction");
        assertOneLineError(amounts, "diabetes-predictions.csv: column 'target' holds more than 50 values; a multiclass"
                + " task takes at most 50 classes — use --task regression");
    }

    private static void assertOneLineError(CliRunner result, String... parts) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains(parts).doesNotContain("\n").doesNotContain("Exception");
    }
}
