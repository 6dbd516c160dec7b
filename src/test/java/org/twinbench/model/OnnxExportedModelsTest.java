package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;

/**
 * ONNX models laid out as skl2onnx and onnxmltools write them (ZipMap outputs with int64 and string keys,
 * plain probability tensors, per-column float/int64/string inputs, double inputs, regressions), fitted by
 * scikit-learn on breast cancer, wine, iris, diabetes and the sample loans, made by
 * {@code sample-data/scripts/make_exported_onnx.py}. The script recorded Python ONNX Runtime 1.30's
 * outputs for every row ({@code MODEL-expected.csv}; it also checked them against scikit-learn's
 * predict_proba / predict, within 2.2e-7); Java's ONNX Runtime (1.20) must give the same to 1e-5 (relative
 * for amounts over 1), in batches of 1, 7 and 4096 rows.
 */
class OnnxExportedModelsTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(OnnxExportedModelsTest.class.getResource("/onnx-exported/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Frame table(String name) {
        return TableLoader.load(resource(name)).frame();
    }

    private static Frame loans() {
        return TableLoader.load(Path.of("sample-data", "loans.csv")).frame().slice(0, 400);
    }

    /** Within 1e-5, relative for amounts beyond 1: a float near 250 is exact only to 1.5e-5 (one unit in the last place). */
    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s, row %d", what, i + 1)
                    .isCloseTo(expected[i], within(1e-5 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    /** Scores {@code data} in several batch sizes and compares with the {@code p_<positive>} column ONNX Runtime gave. */
    private static void assertBinary(Path file, Frame data, String expectedColumn) {
        assertBinary(file, data, file.getFileName().toString().replace(".onnx", "-expected.csv"), expectedColumn);
    }

    private static void assertBinary(Path file, Frame data, String expectedFile, String expectedColumn) {
        double[] expected = table(expectedFile).numeric(expectedColumn).values();
        try (OnnxModel model = OnnxModel.load(file)) {
            for (int batch : new int[] {1, 7, 4096}) {
                assertClose(model.withBatchSize(batch).scorePositive(ModelInputs.conform(model, data, "data")), expected,
                        file.getFileName() + " batch " + batch);
            }
        }
    }

    @Test
    void zipMapWithInt64KeysGivesTheSecondClassAndTheSidecarsPositiveLabel() {
        Path file = resource("breast-cancer-logistic.onnx");
        assertBinary(file, table("breast-cancer.csv"), "p_1");
        try (OnnxModel model = OnnxModel.load(file)) {
            assertThat(model.card().task()).isEqualTo(Task.BINARY);
            assertThat(model.card().target()).isEqualTo("diagnosis");
            assertThat(model.card().positiveLabel()).isEqualTo("malignant");
            assertThat(model.card().features()).hasSize(30).startsWith("mean_radius");
        }
    }

    @Test
    void zipMapWithStringKeysTakesThePositiveLabelFromTheModelsClasses() {
        Path file = resource("breast-cancer-forest.onnx");
        assertBinary(file, table("breast-cancer.csv"), "p_malignant");
        try (OnnxModel model = OnnxModel.load(file)) {
            assertThat(model.card().positiveLabel()).isEqualTo("malignant");
        }
    }

    @Test
    void sidecarPositiveClassPicksTheOtherProbability() throws IOException {
        Path copy = dir.resolve("forest.onnx");
        Files.copy(resource("breast-cancer-forest.onnx"), copy);
        String sidecar = Files.readString(resource("breast-cancer-forest.onnx.json"));
        Files.writeString(dir.resolve("forest.onnx.json"), sidecar.replace("\"target\"", "\"positive_class\": \"benign\", \"target\""));
        try (OnnxModel model = OnnxModel.load(copy)) {
            assertThat(model.card().positiveLabel()).isEqualTo("benign");
        }
        assertBinary(copy, table("breast-cancer.csv"), "breast-cancer-forest-expected.csv", "p_benign");
    }

    @Test
    void perColumnPipelineWithStringAndInt64InputsAndMissingValuesMatchesOnnxRuntime() {
        Frame rows = loans();
        assertThat(rows.numeric("income").values()).contains(Double.NaN);
        assertThat(java.util.stream.IntStream.range(0, 400).mapToObj(i -> rows.categorical("employment_type").get(i)))
                .as("missing text goes in as the empty string").containsNull();
        assertBinary(resource("loans-pipeline.onnx"), rows, "p_yes");
        try (OnnxModel model = OnnxModel.load(resource("loans-pipeline.onnx"))) {
            assertThat(model.card().positiveLabel()).isEqualTo("yes");
            assertThat(model.card().target()).isEqualTo("defaulted");
            assertThat(model.inputs()).contains(new ModelInputs.Input("employment_type", false),
                    new ModelInputs.Input("age", true), new ModelInputs.Input("income", true));
        }
    }

    @Test
    void multiclassZipMapGivesEveryClassInTheModelsOrder() {
        assertMulticlass("wine-forest.onnx", "wine.csv", List.of("class_0", "class_1", "class_2"));
    }

    @Test
    void multiclassTensorWithPerColumnInputsIsNamedByTheSidecarsClasses() {
        assertMulticlass("iris-logistic.onnx", "iris.csv", List.of("setosa", "versicolor", "virginica"));
    }

    private void assertMulticlass(String name, String data, List<String> classes) {
        Path file = resource(name);
        Frame expected = table(name.replace(".onnx", "-expected.csv"));
        Frame rows = data.equals("wine.csv") ? TableLoader.load(Path.of("sample-data", "public", data)).frame() : table(data);
        try (OnnxTaskModel loaded = OnnxTaskModel.load(file)) {
            assertThat(loaded).isInstanceOf(OnnxMulticlassModel.class);
            OnnxMulticlassModel model = (OnnxMulticlassModel) loaded;
            assertThat(model.classes()).isEqualTo(classes);
            assertThat(model.card().task()).isEqualTo(Task.MULTICLASS);
            for (int batch : new int[] {1, 7, 4096}) {
                double[][] p = model.withBatchSize(batch).probabilities(rows);
                for (int c = 0; c < classes.size(); c++) {
                    double[] column = new double[p.length];
                    for (int i = 0; i < p.length; i++) {
                        column[i] = p[i][c];
                    }
                    assertClose(column, expected.numeric("p_" + classes.get(c)).values(), name + " " + classes.get(c));
                }
            }
            // ONNX Runtime's own label output agrees with the most probable class.
            int[] best = MulticlassClassifier.mostProbable(model.probabilities(rows));
            for (int i = 0; i < best.length; i++) {
                String label = org.twinbench.data.BinaryLabels.text(expected.column("label"), i);
                assertThat(List.of(classes.get(best[i]), String.valueOf(best[i]))).as("row %d", i + 1).contains(label);
            }
        }
    }

    @Test
    void aZipMapReadAsMapsGivesWhatTheTensorItZipsGives() {
        Frame rows = loans();
        for (String name : List.of("loans-pipeline.onnx", "breast-cancer-logistic.onnx")) {
            Frame data = name.startsWith("loans") ? rows : table("breast-cancer.csv");
            try (OnnxModel fast = OnnxModel.load(resource(name));
                 OnnxModel maps = new OnnxModel(OnnxSession.open(resource(name), false), 64, null)) {
                assertThat(fast.session.outputs().fetched()).isEqualTo("probability_tensor");
                assertThat(maps.session.outputs().fetched()).isEqualTo("output_probability");
                Frame conformed = ModelInputs.conform(fast, data, "data");
                assertThat(maps.scorePositive(conformed)).containsExactly(fast.scorePositive(conformed));
            }
        }
        try (OnnxTaskModel wine = new OnnxMulticlassModel(OnnxSession.open(resource("wine-forest.onnx"), false), 5, null)) {
            Frame data = TableLoader.load(Path.of("sample-data", "public", "wine.csv")).frame();
            double[][] p = ((OnnxMulticlassModel) wine).probabilities(data);
            assertThat(p[0][0]).isCloseTo(table("wine-forest-expected.csv").numeric("p_class_0").get(0), within(1e-7));
        }
    }

    @Test
    void regressionReadsTheVariableOutputOfADoubleModel() {
        assertRegression("diabetes-linear.onnx");
    }

    @Test
    void regressionWithOneFloatInputPerColumnNeedsNoSidecar() {
        assertThat(resource("diabetes-forest.onnx").resolveSibling("diabetes-forest.onnx.json")).doesNotExist();
        assertRegression("diabetes-forest.onnx");
    }

    @Test
    void flatInputsOfDoublesAndWholeNumbersAndAFlatOutputAreRead() {
        assertRegression("diabetes-flat.onnx", "bmi", "bp", "sex");
    }

    private void assertRegression(String name) {
        assertRegression(name, "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
    }

    private void assertRegression(String name, String... features) {
        Frame rows = TableLoader.load(Path.of("sample-data", "public", "diabetes.csv")).frame();
        double[] expected = table(name.replace(".onnx", "-expected.csv")).numeric("variable").values();
        try (OnnxTaskModel loaded = OnnxTaskModel.load(resource(name))) {
            assertThat(loaded).isInstanceOf(OnnxRegressionModel.class);
            OnnxRegressionModel model = (OnnxRegressionModel) loaded;
            assertThat(model.card().task()).isEqualTo(Task.REGRESSION);
            assertThat(model.card().features()).containsExactly(features);
            for (int batch : new int[] {1, 7, 4096}) {
                assertClose(model.withBatchSize(batch).predict(rows), expected, name + " batch " + batch);
            }
        }
    }

    @Test
    void loadingAnyTaskGivesTheModelOfItsKindAndTheBinaryLoaderRefusesTheOthers() {
        assertThat(ModelFiles.loadAny(resource("wine-forest.onnx"))).isInstanceOf(MulticlassClassifier.class);
        assertThat(ModelFiles.loadAny(resource("diabetes-linear.onnx"))).isInstanceOf(Regressor.class);
        assertThat(ModelFiles.loadAny(resource("loans-pipeline.onnx"))).isInstanceOf(BinaryClassifier.class);
        Path wine = resource("wine-forest.onnx");
        assertThatThrownBy(() -> ModelFiles.load(wine)).isInstanceOf(ModelException.class)
                .hasMessage(wine + ": a multiclass model; only a binary classifier can be used here so far");
    }

    @Test
    void anUnreadableModelIsRefusedSayingWhatItHasAndWhatIsNeeded() {
        Path file = resource("unreadable.onnx");
        assertThatThrownBy(() -> OnnxTaskModel.load(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file + ": TwinBench cannot read this model: ")
                .hasMessageContainingAll("input 'code' is tensor(uint8) [N, 1], which TwinBench cannot fill",
                        "no output holds class probabilities or amounts",
                        "it has inputs 'code' tensor(uint8) [N, 1] and outputs 'flag' tensor(bool) [N, 1]",
                        "TwinBench needs inputs that are float, double, int64, int32, bool or string tensors")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anInputOfManyColumnsWithoutASidecarIsRefusedNamingTheSidecarToWrite() throws IOException {
        Path copy = dir.resolve("bc.onnx");
        Files.copy(resource("breast-cancer-logistic.onnx"), copy);
        assertThatThrownBy(() -> OnnxTaskModel.load(copy))
                .hasMessageContainingAll("input 'float_input' takes 30 columns; name them in bc.onnx.json",
                        "outputs 'output_label' tensor(int64) [N], 'output_probability' seq(map(int64, tensor(float)))");
    }

    @Test
    void aSidecarThatContradictsTheModelIsRefused() throws IOException {
        Path copy = dir.resolve("wine.onnx");
        Files.copy(resource("wine-forest.onnx"), copy);
        Files.writeString(dir.resolve("wine.onnx.json"), "{\"task\": \"binary\", \"inputs\": {\"float_input\": "
                + "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\", \"l\", \"m\"]}}");
        assertThatThrownBy(() -> OnnxTaskModel.load(copy))
                .hasMessageContaining("wine.onnx.json says the task is binary, but output 'output_probability' gives 3 "
                        + "class probabilities");
        Files.writeString(dir.resolve("wine.onnx.json"), "{\"classes\": [\"x\", \"y\"], \"inputs\": {\"float_input\": "
                + "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\", \"l\", \"m\"]}}");
        assertThatThrownBy(() -> OnnxTaskModel.load(copy)).hasMessageContaining("wine.onnx.json names 2 classes; the model has 3");
    }

    @Test
    void aMissingWholeNumberIsRefusedNamingTheColumnAndRow() {
        Frame rows = loans().slice(0, 5);
        double[] age = rows.numeric("age").values().clone();
        age[3] = Double.NaN;
        Frame gap = rows.with(new NumericColumn("age", age));
        try (OnnxModel model = OnnxModel.load(resource("loans-pipeline.onnx"))) {
            assertThatThrownBy(() -> model.scorePositive(gap)).isInstanceOf(ModelException.class)
                    .hasMessage("column 'age' has no value in data row 4; ONNX input 'age' takes whole numbers (int64), "
                            + "which cannot be missing");
        }
    }
}
