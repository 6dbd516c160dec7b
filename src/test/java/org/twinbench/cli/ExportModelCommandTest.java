package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * {@code export-model} on real data (scikit-learn's breast cancer set): the exported forest scores through
 * {@code score --model M.onnx} as the bundle does through {@code score --model M.twinmodel}.
 */
class ExportModelCommandTest {

    private static final String CANCER = Path.of("src", "test", "resources", "slices", "breast-cancer-scored.csv")
            .toString();

    @TempDir
    Path dir;

    @Test
    void exportedForestScoresAsTheBundleThroughScore() {
        Path bundle = dir.resolve("cancer.twinmodel");
        CliRunner trained = CliRunner.run("train", "--data", CANCER, "--target", "diagnosis", "--exclude", "p_malignant",
                "--positive", "malignant", "--algo", "random-forest", "--trees", "50", "--out", bundle.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path onnx = dir.resolve("cancer.onnx");
        CliRunner exported = CliRunner.run("export-model", "--model", bundle.toString(), "--out", onnx.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("wrote " + onnx).contains("float_input");
        assertThat(Path.of(onnx + ".json")).exists();

        Path fromBundle = dir.resolve("bundle.csv");
        Path fromOnnx = dir.resolve("onnx.csv");
        assertThat(CliRunner.run("score", "--model", bundle.toString(), "--data", CANCER, "--out", fromBundle.toString())
                .exitCode()).isZero();
        CliRunner scored = CliRunner.run("score", "--model", onnx.toString(), "--data", CANCER, "--out",
                fromOnnx.toString());
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        double[] expected = TableLoader.load(fromBundle).frame().numeric("score").values();
        Frame actual = TableLoader.load(fromOnnx).frame();
        double[] scores = actual.numeric("score").values();
        assertThat(scores).hasSize(569);
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i]).as("row %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void jsonNamesTheFilesTaskAndInputs() {
        Path bundle = dir.resolve("wine.twinmodel");
        assertThat(CliRunner.run("train", "--data", Path.of("sample-data", "public", "wine.csv").toString(),
                "--target", "cultivar", "--algo", "gradient-boosting", "--trees", "20", "--out", bundle.toString())
                .exitCode()).isZero();
        CliRunner exported = CliRunner.run("export-model", "--model", bundle.toString(), "--out",
                dir.resolve("wine.onnx").toString(), "--json");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("\"task\" : \"multiclass\"").contains("\"algorithm\" : \"gradient-boosting\"")
                .contains("\"inputs\" : 1");
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        CliRunner missing = CliRunner.run("export-model", "--model", dir.resolve("none.twinmodel").toString(),
                "--out", dir.resolve("m.onnx").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("none.twinmodel");

        CliRunner notOnnx = CliRunner.run("export-model", "--model", "x.twinmodel", "--out",
                dir.resolve("m.txt").toString());
        assertThat(notOnnx.exitCode()).isEqualTo(2);
        assertThat(notOnnx.err()).contains("--out must name an .onnx file");

        CliRunner onnxInput = CliRunner.run("export-model", "--model", "sample-data/loans-logistic.onnx", "--out",
                dir.resolve("m.onnx").toString());
        assertThat(onnxInput.exitCode()).isEqualTo(2);
        assertThat(onnxInput.err().strip().lines()).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
