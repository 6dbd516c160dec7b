package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelException;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;

/** train, score and metrics for regression and multiclass, and the outcome column train infers. */
class TaskCommandsTest {

    static final String DIABETES = Path.of("sample-data", "public", "diabetes.csv").toString();
    static final String WINE = Path.of("sample-data", "public", "wine.csv").toString();
    static final Path TASKS = Path.of("src", "test", "resources", "tasks");

    @TempDir
    Path dir;

    private Path loansHead(int rows) throws IOException {
        Path file = dir.resolve("loans-head.csv");
        Files.write(file, Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, rows + 1));
        return file;
    }

    @Test
    void trainWithoutTargetFindsTheDiabetesProgressionAndBeatsTheMean() throws IOException {
        Path model = dir.resolve("d.twinmodel");
        CliRunner run = CliRunner.run("train", "--data", DIABETES, "--out", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("task").asText()).isEqualTo("regression");
        assertThat(card.get("algorithm").asText()).isEqualTo("linear");
        assertThat(card.get("target").asText()).isEqualTo("target");
        assertThat(card.get("target_reason").asText()).contains("name says outcome");
        JsonNode holdout = card.get("holdout_metrics");
        JsonNode baseline = card.get("baseline");
        assertThat(baseline.get("kind").asText()).isEqualTo("mean");
        assertThat(holdout.get("mae").asDouble()).isLessThan(baseline.get("mae").asDouble());
        assertThat(holdout.get("r2").asDouble()).isBetween(0.3, 0.7);
        assertThat(card.has("no_better_than_baseline")).isFalse();
        TaskModel read = ModelBundle.readModel(model);
        assertThat(read).isInstanceOf(Regressor.class);
        assertThat(read.card().baseline().value()).isEqualTo(baseline.get("mean").asDouble());
        assertThatThrownBy(() -> ModelBundle.read(model)).isInstanceOf(ModelException.class)
                .hasMessageContaining("a regression model; only a binary classifier");

        Path scored = dir.resolve("scored.csv");
        run = CliRunner.run("score", "--model", model.toString(), "--data", DIABETES, "--out", scored.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Frame frame = TableLoader.load(scored).frame();
        assertThat(frame.columnNames()).endsWith("target", "prediction");
        assertThat(frame.numeric("prediction").values()).hasSize(442)
                .containsExactly(((Regressor) read).predict(TableLoader.load(Path.of(DIABETES)).frame()));
    }

    @Test
    void everyAlgorithmTrainsAMulticlassWineModelWithPerClassFigures() throws IOException {
        for (String algo : List.of("logistic", "random-forest", "gradient-boosting")) {
            Path model = dir.resolve(algo + ".twinmodel");
            CliRunner run = CliRunner.run("train", "--data", WINE, "--algo", algo, "--trees", "30", "--out",
                    model.toString(), "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode card = Json.MAPPER.readTree(run.out());
            assertThat(card.get("task").asText()).isEqualTo("multiclass");
            assertThat(card.get("classes").toString()).isEqualTo("[\"class_0\",\"class_1\",\"class_2\"]");
            JsonNode holdout = card.get("holdout_metrics");
            assertThat(holdout.get("accuracy").asDouble()).as(algo).isGreaterThan(card.get("baseline").get("accuracy")
                    .asDouble());
            // A stratified 20% holdout of 59, 71 and 48 wines: 12, 14 and 10.
            assertThat(holdout.get("per_class").get("class_1").get("support").asInt()).isEqualTo(14);
            assertThat(holdout.get("confusion_matrix").size()).isEqualTo(3);
            assertThat(ModelBundle.readModel(model)).isInstanceOf(MulticlassClassifier.class);
        }
        Path scored = dir.resolve("wine-scored.csv");
        CliRunner run = CliRunner.run("score", "--model", dir.resolve("logistic.twinmodel").toString(), "--data", WINE,
                "--out", scored.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Frame frame = TableLoader.load(scored).frame();
        assertThat(frame.columnNames()).endsWith("prediction", "p_class_0", "p_class_1", "p_class_2");
        for (int i = 0; i < frame.rowCount(); i++) {
            double sum = frame.numeric("p_class_0").get(i) + frame.numeric("p_class_1").get(i)
                    + frame.numeric("p_class_2").get(i);
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
        run = CliRunner.run("metrics", "--task", "multiclass", "--data", scored.toString(), "--label", "cultivar",
                "--prediction", "prediction", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.out()).get("overall").has("log_loss")).isTrue();
    }

    @Test
    void metricsMatchScikitLearnOverallAndPerSlice() throws IOException {
        JsonNode expected = Json.MAPPER.readTree(TASKS.resolve("expected.json").toFile());
        CliRunner run = CliRunner.run("metrics", "--task", "regression", "--data",
                TASKS.resolve("diabetes-predictions.csv").toString(), "--label", "target", "--prediction", "prediction",
                "--slice", "sex", "--bootstrap", "200", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = Json.MAPPER.readTree(run.out());
        for (String key : List.of("mae", "rmse", "r2", "mape")) {
            assertThat(out.get("overall").get(key).asDouble()).isCloseTo(
                    expected.get("regression").get("overall").get(key).asDouble(), within(1e-9));
            JsonNode ci = out.get("overall").get("ci").get(key);
            assertThat(ci.get("lower").asDouble()).isLessThanOrEqualTo(out.get("overall").get(key).asDouble());
        }
        JsonNode two = out.get("slices").get(1);
        assertThat(two.get("column").asText()).isEqualTo("sex");
        assertThat(two.get("value").asText()).isEqualTo("two");
        assertThat(two.get("rmse").asDouble()).isCloseTo(
                expected.get("regression").get("slices").get("two").get("rmse").asDouble(), within(1e-9));
        assertThat(two.get("baseline").get("mae").asDouble()).isCloseTo(
                expected.get("regression").get("slices").get("two").get("baseline").get("mae").asDouble(), within(1e-9));

        run = CliRunner.run("metrics", "--task", "multiclass", "--data", TASKS.resolve("wine-predictions.csv").toString(),
                "--label", "cultivar", "--prediction", "prediction", "--proba-prefix", "p_", "--slice", "alcohol_level",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        out = Json.MAPPER.readTree(run.out());
        JsonNode want = expected.get("multiclass").get("overall");
        for (String key : List.of("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1", "log_loss")) {
            assertThat(out.get("overall").get(key).asDouble()).as(key).isCloseTo(want.get(key).asDouble(), within(1e-9));
        }
        assertThat(out.get("overall").get("confusion_matrix")).isEqualTo(want.get("confusion_matrix"));
        assertThat(out.get("overall").get("per_class").get("class_2").get("recall").asDouble())
                .isCloseTo(want.get("recall").get("class_2").asDouble(), within(1e-12));
        assertThat(out.get("overall").get("baseline").get("class").asText()).isEqualTo("class_1");
        assertThat(out.get("slices").get(0).get("value").asText()).isEqualTo("high");
        assertThat(out.get("slices").get(0).get("macro_f1").asDouble()).isCloseTo(
                expected.get("multiclass").get("slices").get("high").get("macro_f1").asDouble(), within(1e-9));
    }

    @Test
    void aBinaryTaskOnMoreThanTwoValuesIsRefusedNeverXVersusRest() throws IOException {
        Path data = loansHead(600);
        Path model = dir.resolve("never.twinmodel");
        CliRunner run = CliRunner.run("train", "--data", data.toString(), "--target", "employment_type", "--task",
                "binary", "--out", model.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("column 'employment_type' holds 4 values", "a binary task needs exactly two",
                "--task multiclass");
        run = CliRunner.run("train", "--data", data.toString(), "--target", "income", "--task", "binary", "--out",
                model.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--task regression");
        assertThat(model).doesNotExist();
        // Left to itself the task follows from the column: an amount is a regression, a department multiclass.
        run = CliRunner.run("train", "--data", data.toString(), "--target", "income", "--out", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.out()).get("task").asText()).isEqualTo(Task.REGRESSION.id());
        run = CliRunner.run("train", "--data", data.toString(), "--target", "employment_type", "--out", model.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.out()).get("classes").size()).isEqualTo(4);
        run = CliRunner.run("train", "--data", data.toString(), "--target", "employment_type", "--algo", "linear",
                "--out", model.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'linear' is not for a multiclass task");
    }

    @Test
    void withoutAClearOutcomeTrainListsTheCandidatesBestFirst() throws IOException {
        Path data = dir.resolve("two.csv");
        StringBuilder csv = new StringBuilder("x,churned,defaulted\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i * 0.37).append(',').append(i % 4 == 0 ? "yes" : "no").append(',')
                    .append(i % 5 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(data, csv);
        CliRunner run = CliRunner.run("train", "--data", data.toString(), "--out", dir.resolve("m.twinmodel").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("twinbench: " + data + ": no clear outcome column; give it with "
                + "--target COL. Candidates, best first: defaulted (binary;").contains("churned (binary;");
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aBinaryModelShowsItsMajorityBaselineAndTheOutcomeItChose() throws IOException {
        CliRunner run = CliRunner.run("train", "--data", loansHead(1000).toString(), "--out",
                dir.resolve("b.twinmodel").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("target").asText()).isEqualTo("defaulted");
        assertThat(card.get("task").asText()).isEqualTo("binary");
        assertThat(card.get("baseline").get("kind").asText()).isEqualTo("majority");
        assertThat(card.get("baseline").get("class").asText()).isEqualTo("no");
    }

    @Test
    void binaryMetricsShowTheMajorityBaselineAndCallOutAModelNoBetter() throws IOException {
        // 8 'no' and 2 'yes'; the scores predict 'yes' for rows 0-3 and 9: 5 right of 10, below the 80% of always 'no'.
        Path data = dir.resolve("weak.csv");
        StringBuilder csv = new StringBuilder("label,score,group\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i >= 8 ? "yes" : "no").append(',').append(i < 4 || i == 9 ? "0.9" : "0.1").append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(data, csv);
        CliRunner run = CliRunner.run("metrics", "--data", data.toString(), "--label", "label", "--score", "score",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode overall = Json.MAPPER.readTree(run.out()).get("overall");
        assertThat(overall.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(overall.get("baseline").get("class").asText()).isEqualTo("no");
        assertThat(overall.get("baseline").get("accuracy").asDouble()).isEqualTo(0.8);
        assertThat(overall.get("no_better_than_baseline").asText())
                .isEqualTo("no better than always answering 'no', which is right 80% of the time (the model: 50%)");
        run = CliRunner.run("metrics", "--data", data.toString(), "--label", "label", "--score", "score");
        assertThat(run.out()).contains("warning: overall: the model is no better than always answering 'no'");
    }

    @Test
    void aBinaryBundleStaysVersionOneWithoutATaskAndReadsAsBinary() throws IOException {
        Path model = dir.resolve("b.twinmodel");
        CliRunner run = CliRunner.run("train", "--data", loansHead(500).toString(), "--target", "defaulted", "--out",
                model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String card;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            card = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        JsonNode json = Json.MAPPER.readTree(card);
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.has("task")).isFalse();
        assertThat(ModelBundle.readModel(model).task()).isEqualTo(Task.BINARY);
        Path regression = dir.resolve("r.twinmodel");
        run = CliRunner.run("train", "--data", DIABETES, "--out", regression.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(regression.toFile())) {
            json = Json.MAPPER.readTree(zip.getInputStream(zip.getEntry("model.json")).readAllBytes());
        }
        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("task").asText()).isEqualTo("regression");
        assertThat(json.get("baseline").get("kind").asText()).isEqualTo("mean");
    }
}
