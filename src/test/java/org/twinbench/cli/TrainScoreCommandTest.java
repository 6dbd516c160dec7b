package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.ModelBundle;

class TrainScoreCommandTest {

    static final String LOANS = Path.of("sample-data", "loans.csv").toString();

    @TempDir
    Path dir;

    private static String resource(String name) {
        try {
            return Path.of(TrainScoreCommandTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path firstLoans(int rows) throws IOException {
        Path file = dir.resolve("loans-head.csv");
        Files.write(file, Files.readAllLines(Path.of(LOANS)).subList(0, rows + 1));
        return file;
    }

    @Test
    void trainWritesBundleAndPrintsCardWithLeftOutColumns() throws IOException {
        Path model = dir.resolve("loans.twinmodel");
        CliRunner run = CliRunner.run("train", "--data", firstLoans(3000).toString(), "--target", "defaulted",
                "--algo", "random-forest", "--trees", "20", "--seed", "3", "--out", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("algorithm").asText()).isEqualTo("random-forest");
        assertThat(card.get("positive_label").asText()).isEqualTo("yes");
        assertThat(card.get("features").toString()).contains("income", "region").doesNotContain("application_id");
        assertThat(card.get("excluded").toString()).contains("application_id", "applied_on", "timestamp");
        assertThat(card.get("holdout_metrics").get("roc_auc").asDouble()).isBetween(0.6, 1.0);
        assertThat(card.get("training_rows").asInt()).isEqualTo(2400);
        assertThat(ModelBundle.read(model).card().algorithm()).isEqualTo("random-forest");
    }

    @Test
    void theHoldoutShareIsChosenAndCheckedOnTheCommandLine() throws IOException {
        Path data = firstLoans(1000);
        Path model = dir.resolve("h.twinmodel");
        CliRunner run = CliRunner.run("train", "--data", data.toString(), "--target", "defaulted", "--holdout", "0.35",
                "--out", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 1,000 labelled rows, 350 held out.
        assertThat(Json.MAPPER.readTree(run.out()).get("training_rows").asInt()).isEqualTo(650);
        run = CliRunner.run("train", "--data", data.toString(), "--target", "defaulted", "--holdout", "0",
                "--out", model.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode card = Json.MAPPER.readTree(run.out());
        assertThat(card.get("training_rows").asInt()).isEqualTo(1000);
        assertThat(card.get("holdout_metrics").size()).isZero();
        Path untouched = dir.resolve("never.twinmodel");
        run = CliRunner.run("train", "--data", data.toString(), "--target", "defaulted", "--holdout", "0.95",
                "--out", untouched.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("twinbench: --holdout must be a share from 0 to 0.9, not 0.95");
        assertThat(untouched).doesNotExist();
    }

    @Test
    void scoreWritesRowsPlusScoreAndPrediction() throws IOException {
        Path data = firstLoans(400);
        Path model = dir.resolve("m.twinmodel");
        assertThat(CliRunner.run("train", "--data", data.toString(), "--target", "defaulted", "--out",
                model.toString()).exitCode()).isZero();
        Path scored = dir.resolve("scored.csv");
        CliRunner run = CliRunner.run("score", "--model", model.toString(), "--data", data.toString(), "--out",
                scored.toString(), "--threshold", "0.3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Frame out = TableLoader.load(scored).frame();
        Frame in = TableLoader.load(data).frame();
        assertThat(out.rowCount()).isEqualTo(400);
        assertThat(out.columnNames()).endsWith("score", "prediction").startsWith(in.columnNames().get(0));
        double[] expected = ModelBundle.read(model).scorePositive(in);
        for (int i = 0; i < 400; i++) {
            assertThat(out.numeric("score").get(i)).isEqualTo(expected[i]);
            assertThat(out.numeric("prediction").get(i)).isEqualTo(expected[i] >= 0.3 ? 1.0 : 0.0);
        }
    }

    @Test
    void scoreRunsTheSampleOnnxModel() throws IOException {
        Path scored = dir.resolve("scored.csv");
        CliRunner run = CliRunner.run("score", "--model", "sample-data/loans-logistic.onnx", "--data",
                firstLoans(50).toString(), "--out", scored.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.out()).get("rows").asInt()).isEqualTo(50);
        Frame expected = TableLoader.load(Path.of(resource("/onnx/loans-logistic-predictions.csv"))).frame();
        Frame out = TableLoader.load(scored).frame();
        for (int i = 0; i < 50; i++) {
            assertThat(out.numeric("score").get(i)).isCloseTo(expected.numeric("probability").get(i), within(1e-5));
        }
    }

    @Test
    void onnxModelWithInputsTheDataLacksWritesNothing() {
        Path data = Path.of(resource("/bad-input/onnx-lacking-inputs.csv"));
        Path scored = dir.resolve("scored.csv");
        CliRunner run = CliRunner.run("score", "--model", "sample-data/loans-logistic.onnx", "--data",
                data.toString(), "--out", scored.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains(data.toString())
                .contains("missing column 'debt_to_income'", "missing column 'term_months'")
                .doesNotContain("missing column 'income'");
        assertThat(scored).doesNotExist();
    }

    @Test
    void badModelFilesAreRefusedWithoutStackTraceOrOutput() {
        Path scored = dir.resolve("scored.csv");
        for (String bad : new String[] {"foreign-class.twinmodel", "tampered-card.twinmodel", "not-onnx.onnx"}) {
            CliRunner run = CliRunner.run("score", "--model", resource("/bad-input/" + bad), "--data", LOANS,
                    "--out", scored.toString());
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err()).as(bad).contains(bad).doesNotContain("\tat ");
            assertThat(scored).doesNotExist();
        }
    }

    @Test
    void trainRefusesHeaderOnlyDataAndUnknownAlgorithm() {
        Path model = dir.resolve("m.twinmodel");
        CliRunner empty = CliRunner.run("train", "--data", resource("/bad-input/header-only.csv"), "--target", "id",
                "--out", model.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("header-only.csv", "no data rows");
        CliRunner algo = CliRunner.run("train", "--data", LOANS, "--target", "defaulted", "--algo", "svm",
                "--out", model.toString());
        assertThat(algo.exitCode()).isEqualTo(2);
        assertThat(algo.err()).contains("'svm'", "random-forest");
        CliRunner target = CliRunner.run("train", "--data", LOANS, "--target", "nope", "--out", model.toString());
        assertThat(target.err()).contains("no column 'nope'");
        assertThat(model).doesNotExist();
    }
}
