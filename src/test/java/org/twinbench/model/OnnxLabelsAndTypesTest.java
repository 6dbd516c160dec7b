package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.twinbench.model.OnnxExportedModelsTest.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;

/**
 * ONNX models beyond probabilities and float inputs, written by {@code make_exported_onnx.py} from
 * scikit-learn models on breast cancer, wine and diabetes, with Python ONNX Runtime 1.30's outputs for
 * every row: classifiers that give only their labels (binary int64, multiclass string), a regression on
 * int32 and bool inputs whose output is not named {@code variable}, and a model whose single output could
 * be amounts or a probability, which needs {@code "task"} in its sidecar.
 */
class OnnxLabelsAndTypesTest {

    @TempDir
    Path dir;

    private static Frame table(String name) {
        return TableLoader.load(resource(name)).frame();
    }

    @Test
    void aBinaryModelOfLabelsOnlyScoresOneForThePositiveLabelAndZeroOtherwise() {
        Frame data = table("breast-cancer.csv");
        double[] expected = table("breast-cancer-labels-expected.csv").numeric("label").values();
        try (OnnxTaskModel loaded = OnnxTaskModel.load(resource("breast-cancer-labels.onnx"))) {
            OnnxModel model = (OnnxModel) loaded;
            assertThat(model.labelsOnlyOutput()).isEqualTo("output_label");
            assertThat(model.card().positiveLabel()).isEqualTo("malignant");
            int positives = 0;
            for (int batch : new int[] {1, 5, 4096}) {
                double[] scores = model.withBatchSize(batch).scorePositive(ModelInputs.conform(model, data, "data"));
                positives = 0;
                for (int i = 0; i < scores.length; i++) {
                    // the model's label 1 is the sidecar's second class, malignant
                    assertThat(scores[i]).as("row %d batch %d", i + 1, batch)
                            .isEqualTo(expected[i] == 1 ? 1.0 : 0.0);
                    positives += (int) scores[i];
                }
            }
            assertThat(positives).isBetween(100, 300);
        }
    }

    @Test
    void aMulticlassModelOfStringLabelsOnlyGivesOneHotProbabilitiesInTheModelsClassOrder() {
        Frame data = table("wine-labels-expected.csv");
        CategoricalColumn expected = data.categorical("label");
        Frame wine = TableLoader.load(Path.of("sample-data", "public", "wine.csv")).frame();
        try (OnnxTaskModel loaded = OnnxTaskModel.load(resource("wine-labels.onnx"))) {
            OnnxMulticlassModel model = (OnnxMulticlassModel) loaded;
            assertThat(model.labelsOnlyOutput()).isEqualTo("label");
            assertThat(model.card().classes()).containsExactly("class_0", "class_1", "class_2");
            double[][] probabilities = model.probabilities(ModelInputs.conform(model, wine, "data"));
            assertThat(probabilities).hasNumberOfRows(178);
            for (int i = 0; i < probabilities.length; i++) {
                int predicted = model.card().classes().indexOf(expected.get(i));
                for (int c = 0; c < 3; c++) {
                    assertThat(probabilities[i][c]).as("row %d class %d", i + 1, c).isEqualTo(c == predicted ? 1.0 : 0.0);
                }
            }
        }
    }

    @Test
    void labelsWithoutNamedClassesAreRefusedAskingForThem() throws IOException {
        Path copy = dir.resolve("labels.onnx");
        Files.copy(resource("breast-cancer-labels.onnx"), copy);
        Files.writeString(dir.resolve("labels.onnx.json"), "{\"classes\": [\"a\", \"b\", \"c\"], \"inputs\": "
                + "{\"float_input\": " + columns30() + "}}");
        assertThatThrownBy(() -> OnnxTaskModel.load(copy)).isInstanceOf(ModelException.class)
                .hasMessageContainingAll("labels.onnx.json names 3 classes; the model's labels are [0, 1]",
                        "outputs 'output_label' tensor(int64) [N]");
    }

    private static String columns30() {
        List<String> names = table("breast-cancer.csv").columnNames().stream().filter(n -> !n.equals("diagnosis"))
                .map(n -> "\"" + n + "\"").toList();
        return "[" + String.join(", ", names) + "]";
    }

    @Test
    void int32AndBoolInputsAndARegressorsOutputOfAnyNameAreReadAsOnnxRuntimeReadsThem() {
        Frame data = table("diabetes-typed.csv");
        double[] expected = table("diabetes-typed-expected.csv").numeric("variable").values();
        try (OnnxTaskModel loaded = OnnxTaskModel.load(resource("diabetes-typed.onnx"))) {
            assertThat(loaded.task()).isEqualTo(Task.REGRESSION);
            assertThat(loaded.inputs()).containsExactly(new ModelInputs.Input("age", true),
                    new ModelInputs.Input("sex", true), new ModelInputs.Input("high_bp", false));
            OnnxRegressionModel model = (OnnxRegressionModel) loaded;
            for (int batch : new int[] {1, 9, 4096}) {
                double[] amounts = model.withBatchSize(batch).predict(ModelInputs.conform(model, data, "data"));
                for (int i = 0; i < expected.length; i++) {
                    assertThat(amounts[i]).as("row %d", i + 1).isCloseTo(expected[i], within(1e-5 * Math.abs(expected[i])));
                }
            }
        }
    }

    @Test
    void aBoolInputReadsZeroAndOneAndRefusesOtherValuesNamingColumnAndRow() {
        Frame data = table("diabetes-typed.csv").slice(0, 4);
        double[] bools = new double[4];
        for (int i = 0; i < 4; i++) {
            bools[i] = data.categorical("high_bp").get(i).equals("true") ? 1 : 0;
        }
        try (OnnxRegressionModel model = (OnnxRegressionModel) OnnxTaskModel.load(resource("diabetes-typed.onnx"))) {
            double[] asText = model.predict(ModelInputs.conform(model, data, "data"));
            Frame numeric = data.with(new NumericColumn("high_bp", bools));
            assertThat(model.predict(ModelInputs.conform(model, numeric, "data"))).containsExactly(asText);
            Frame wrong = data.with(CategoricalColumn.of("high_bp", new String[] {"true", "maybe", "no", "yes"}));
            assertThatThrownBy(() -> model.predict(ModelInputs.conform(model, wrong, "data")))
                    .isInstanceOf(ModelException.class)
                    .hasMessage("column 'high_bp' holds 'maybe' in data row 2; ONNX input 'high_bp' takes yes/no values "
                            + "(bool: true/false, yes/no or 1/0)");
            Frame big = data.with(new NumericColumn("sex", new double[] {1, 2, 3e9, 1}));
            assertThatThrownBy(() -> model.predict(big)).hasMessage("column 'sex' holds 3000000000 in data row 3; ONNX "
                    + "input 'sex' takes 32-bit whole numbers (int32)");
        }
    }

    @Test
    void aSingleOutputWithoutClassifierOrRegressorNodeIsRefusedAskingForTheTask() throws IOException {
        Path file = resource("diabetes-ambiguous.onnx");
        assertThatThrownBy(() -> OnnxTaskModel.load(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file + ": TwinBench cannot read this model: output 'score' is tensor(float) "
                        + "[N, 1] with no classifier or regressor node: it could be amounts or one class's probability; "
                        + "say which in diabetes-ambiguous.onnx.json ({\"task\": \"regression\"} or {\"task\": \"binary\"})")
                .hasMessageContaining("it has inputs 'age' tensor(float) [N, 1]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        Path copy = dir.resolve("ambiguous.onnx");
        Files.copy(file, copy);
        Files.writeString(dir.resolve("ambiguous.onnx.json"), "{\"task\": \"regression\", \"target\": \"target\"}");
        Frame data = TableLoader.load(Path.of("sample-data", "public", "diabetes.csv")).frame();
        double[] expected = table("diabetes-ambiguous-expected.csv").numeric("variable").values();
        try (OnnxRegressionModel model = (OnnxRegressionModel) OnnxTaskModel.load(copy)) {
            double[] amounts = model.predict(ModelInputs.conform(model, data, "data"));
            for (int i = 0; i < expected.length; i++) {
                assertThat(amounts[i]).as("row %d", i + 1).isCloseTo(expected[i], within(1e-5 * Math.abs(expected[i])));
            }
        }
    }
}
