package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;

/**
 * Every kind of model TwinBench trains, exported to ONNX, scores in ONNX Runtime as the bundle does, on
 * real data (scikit-learn's breast cancer set as {@code slices_reference.py} wrote it, and the diabetes and
 * wine sets of {@code sample-data/public}), with missing values and an unseen category mixed in; the files
 * pass the {@code onnx} package's checker where Python has it.
 */
class OnnxExportTest {

    private static final Path CANCER = Path.of("src/test/resources/slices/breast-cancer-scored.csv");
    private static final Path PUBLIC = Path.of("sample-data/public");
    /** ONNX Runtime computes in 32-bit floats. */
    private static final double TOLERANCE = 1e-6;
    /**
     * A linear model's input rounded to 32-bit floats moves its linear predictor by up to a few 1e-6 on the
     * breast cancer set (a 7-digit float carries {@code area} 2019 to 1e-4, times a weight over its sd).
     */
    private static final double LINEAR_TOLERANCE = 1e-5;
    /**
     * A binary logistic model is exported in doubles ({@link OnnxLogistic}): only the order of the additions
     * differs from the bundle's, a few units in the last place of the linear predictor.
     */
    private static final double EXACT_TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private static Frame load(String name) {
        if (name.equals("breast-cancer.csv")) {
            Frame scored = TableLoader.load(CANCER).frame();
            return new Frame(scored.columns().stream().filter(c -> !c.name().equals("p_malignant")).toList());
        }
        Frame frame = TableLoader.load(PUBLIC.resolve(name)).frame();
        if (!frame.has("sex")) {
            return frame;
        }
        // Diabetes codes sex as 1/2; as text it is a categorical feature, one-hot encoded by the model.
        double[] sex = frame.numeric("sex").values();
        String[] text = new String[sex.length];
        for (int i = 0; i < text.length; i++) {
            text[i] = sex[i] == 1 ? "one" : "two";
        }
        return frame.with(CategoricalColumn.of("sex", text));
    }

    private static List<String> featuresOf(Frame frame, String target) {
        return frame.columnNames().stream().filter(c -> !c.equals(target)).toList();
    }

    /** The rows with every 9th value of the first numeric feature blank and every 5th of the second. */
    private static Frame withGaps(Frame frame, List<String> features) {
        Frame out = frame;
        int gapped = 0;
        for (String name : features) {
            if (out.column(name) instanceof NumericColumn numeric && gapped < 2) {
                double[] values = numeric.values().clone();
                int every = gapped == 0 ? 9 : 5;
                for (int i = 0; i < values.length; i += every) {
                    values[i] = Double.NaN;
                }
                out = out.with(numeric.withValues(values));
                gapped++;
            }
        }
        return out;
    }

    private TaskModel train(Frame frame, String target, Algorithm algorithm, Task task) {
        TrainingOptions options = new TrainingOptions(algorithm, target, featuresOf(frame, target),
                task == Task.BINARY ? "malignant" : null, 3, algorithm == Algorithm.GRADIENT_BOOSTING ? 120 : 60, "");
        return TaskTrainer.train(frame, options, task, TrainingProgress.NONE).model();
    }

    /** Runs the exported model on {@code frame}; returns the named output (float or double) as rows of doubles. */
    private static double[][] runtime(Path onnx, FeatureEncoder encoder, Frame frame, String output)
            throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int n = frame.rowCount();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> feeds = new HashMap<>();
            List<FeatureEncoder.Numeric> numeric = new ArrayList<>();
            for (FeatureEncoder.Feature feature : encoder.features()) {
                if (feature instanceof FeatureEncoder.Numeric num) {
                    numeric.add(num);
                } else if (feature.width() > 0) {
                    CategoricalColumn column = frame.categorical(feature.name());
                    String[] text = new String[n];
                    for (int i = 0; i < n; i++) {
                        int code = column.codes()[i];
                        text[i] = code < 0 ? "" : column.levels().get(code);
                    }
                    feeds.put(feature.name(), OnnxTensor.createTensor(env, text, new long[] {n, 1}));
                }
            }
            if (!numeric.isEmpty() && session.getInputNames().contains(OnnxLogistic.INPUT)) {
                java.nio.DoubleBuffer buffer = java.nio.DoubleBuffer.allocate(n * numeric.size());
                for (int i = 0; i < n; i++) {
                    for (FeatureEncoder.Numeric feature : numeric) {
                        buffer.put(frame.numeric(feature.name()).get(i));
                    }
                }
                buffer.flip();
                feeds.put(OnnxLogistic.INPUT, OnnxTensor.createTensor(env, buffer, new long[] {n, numeric.size()}));
            } else if (!numeric.isEmpty()) {
                FloatBuffer buffer = FloatBuffer.allocate(n * numeric.size());
                for (int i = 0; i < n; i++) {
                    for (FeatureEncoder.Numeric feature : numeric) {
                        buffer.put((float) frame.numeric(feature.name()).get(i));
                    }
                }
                buffer.flip();
                feeds.put(OnnxExport.INPUT, OnnxTensor.createTensor(env, buffer, new long[] {n, numeric.size()}));
            }
            assertThat(session.getInputNames()).containsExactlyInAnyOrderElementsOf(feeds.keySet());
            try (OrtSession.Result result = session.run(feeds)) {
                Object value = result.get(output).orElseThrow().getValue();
                if (value instanceof double[][] doubles) {
                    return doubles;
                }
                float[][] floats = (float[][]) value;
                double[][] out = new double[floats.length][];
                for (int i = 0; i < floats.length; i++) {
                    out[i] = new double[floats[i].length];
                    for (int c = 0; c < floats[i].length; c++) {
                        out[i][c] = floats[i][c];
                    }
                }
                return out;
            } finally {
                feeds.values().forEach(OnnxTensor::close);
            }
        }
    }

    private Path export(TaskModel model, String name) {
        Path onnx = dir.resolve(name + ".onnx");
        OnnxExport.write(model, onnx);
        assertThat(onnx).exists();
        assertThat(Path.of(onnx + ".json")).exists();
        checkWithPython(onnx);
        return onnx;
    }

    private void assertBinary(Algorithm algorithm) throws Exception {
        Frame frame = load("breast-cancer.csv");
        BinaryClassifier model = (BinaryClassifier) train(frame, "diagnosis", algorithm, Task.BINARY);
        Frame rows = withGaps(frame, featuresOf(frame, "diagnosis"));
        double[] expected = model.scorePositive(rows);
        Path onnx = export(model, "cancer-" + algorithm.name());
        double[][] probabilities = runtime(onnx, TaskModels.encoder(model), rows, "probabilities");
        double tolerance = algorithm == Algorithm.LOGISTIC ? EXACT_TOLERANCE : TOLERANCE;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) probabilities[i][1]).as("row %d", i).isCloseTo(expected[i], within(tolerance));
            assertThat((double) probabilities[i][0]).as("row %d", i).isCloseTo(1 - expected[i], within(tolerance));
            worst = Math.max(worst, Math.abs(probabilities[i][1] - expected[i]));
        }
        System.out.printf("export binary %s: largest difference %.2e%n", algorithm, worst);
        // TwinBench reads the export back with its mapping, as `score --model M.onnx` does.
        try (OnnxModel reloaded = OnnxModel.load(onnx)) {
            assertThat(reloaded.card().target()).isEqualTo("diagnosis");
            assertThat(reloaded.card().positiveLabel()).isEqualTo("malignant");
            double[] scores = reloaded.scorePositive(rows);
            for (int i = 0; i < expected.length; i++) {
                assertThat(scores[i]).as("row %d", i).isCloseTo(expected[i], within(tolerance));
            }
        }
    }

    @Test
    void binaryLogisticScoresAsTheBundle() throws Exception {
        assertBinary(Algorithm.LOGISTIC);
    }

    @Test
    void binaryLogisticWithCategoriesAndMissingValuesScoresAsTheBundleTo1e12() throws Exception {
        Frame loans = TableLoader.load(Path.of("sample-data", "loans.csv")).frame().slice(0, 3000);
        List<String> features = List.of("income", "debt_to_income", "age", "employment_type", "region",
                "credit_history_years", "loan_amount", "term_months");
        BinaryClassifier model = (BinaryClassifier) TaskTrainer.train(loans, new TrainingOptions(Algorithm.LOGISTIC,
                "defaulted", features, "yes", 3, 0, ""), Task.BINARY, TrainingProgress.NONE).model();
        Frame rows = withGaps(loans, features);
        double[] expected = model.scorePositive(rows);
        Path onnx = export(model, "loans-logistic");
        double[][] probabilities = runtime(onnx, TaskModels.encoder(model), rows, "probabilities");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(probabilities[i][1] - expected[i]));
            assertThat(probabilities[i][0] + probabilities[i][1]).isCloseTo(1, within(1e-15));
        }
        System.out.printf("export binary logistic, loans with categories and gaps: largest difference %.2e%n", worst);
        assertThat(worst).isLessThan(EXACT_TOLERANCE);
        try (OnnxModel reloaded = OnnxModel.load(onnx)) {
            double[] scores = reloaded.scorePositive(ModelInputs.conform(reloaded, rows, "loans"));
            for (int i = 0; i < expected.length; i++) {
                assertThat(scores[i]).as("row %d", i).isCloseTo(expected[i], within(EXACT_TOLERANCE));
            }
        }
    }

    @Test
    void binaryForestScoresAsTheBundle() throws Exception {
        assertBinary(Algorithm.RANDOM_FOREST);
    }

    @Test
    void binaryBoostingScoresAsTheBundle() throws Exception {
        assertBinary(Algorithm.GRADIENT_BOOSTING);
    }

    private void assertMulticlass(Algorithm algorithm) throws Exception {
        assertMulticlass(algorithm, load("wine.csv"), "cultivar");
    }

    /** Returns the largest difference of a class probability from the bundle's. */
    private double assertMulticlass(Algorithm algorithm, Frame frame, String target) throws Exception {
        MulticlassModel model = (MulticlassModel) train(frame, target, algorithm, Task.MULTICLASS);
        Frame rows = withGaps(frame, featuresOf(frame, target));
        double[][] expected = model.probabilities(rows);
        Path onnx = export(model, target + "-" + algorithm.name());
        double[][] probabilities = runtime(onnx, model.encoder(), rows, "probabilities");
        double tolerance = algorithm == Algorithm.LOGISTIC ? EXACT_TOLERANCE : TOLERANCE;
        int classes = model.card().classes().size();
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < classes; c++) {
                assertThat((double) probabilities[i][c]).as("row %d class %d", i, c)
                        .isCloseTo(expected[i][c], within(tolerance));
                worst = Math.max(worst, Math.abs(probabilities[i][c] - expected[i][c]));
            }
        }
        System.out.printf("export multiclass %s, %s: largest difference %.2e%n", algorithm, target, worst);
        // read back as any ONNX model: the classes from the sidecar, the same probabilities, the same labels
        try (OnnxTaskModel loaded = OnnxTaskModel.load(onnx)) {
            OnnxMulticlassModel reloaded = (OnnxMulticlassModel) loaded;
            assertThat(reloaded.classes()).isEqualTo(model.card().classes());
            double[][] again = reloaded.probabilities(ModelInputs.conform(reloaded, rows, "data"));
            int[] best = MulticlassClassifier.mostProbable(expected);
            int[] bestAgain = MulticlassClassifier.mostProbable(again);
            for (int i = 0; i < expected.length; i++) {
                for (int c = 0; c < classes; c++) {
                    assertThat(again[i][c]).as("row %d class %d", i, c).isCloseTo(expected[i][c], within(tolerance));
                }
            }
            assertThat(bestAgain).isEqualTo(best);
        }
        return worst;
    }

    @Test
    void multiclassLogisticScoresAsTheBundle() throws Exception {
        assertMulticlass(Algorithm.LOGISTIC);
    }

    @Test
    void multiclassLogisticIsExportedInDoublesAndAgreesTo1e12OnWineAndIris() throws Exception {
        double wine = assertMulticlass(Algorithm.LOGISTIC, load("wine.csv"), "cultivar");
        Frame iris = TableLoader.load(Path.of("src", "test", "resources", "onnx-exported", "iris.csv")).frame();
        double irisWorst = assertMulticlass(Algorithm.LOGISTIC, iris, "species");
        assertThat(Math.max(wine, irisWorst)).isLessThan(EXACT_TOLERANCE);
        // the label output names the most probable class, as the bundle predicts it
        MulticlassModel model = (MulticlassModel) train(iris, "species", Algorithm.LOGISTIC, Task.MULTICLASS);
        Path onnx = export(model, "iris-labels");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            assertThat(session.getInputNames()).containsExactly(OnnxLogistic.INPUT);
            assertThat(session.getOutputInfo().get("probabilities").getInfo().toString()).contains("DOUBLE");
        }
        double[][] expected = model.probabilities(iris);
        int[] best = MulticlassClassifier.mostProbable(expected);
        String[] labels = labels(onnx, model.encoder(), iris);
        for (int i = 0; i < labels.length; i++) {
            assertThat(labels[i]).as("row %d", i).isEqualTo(model.card().classes().get(best[i]));
        }
    }

    /** The exported classifier's {@code label} output on the numeric columns of {@code frame}. */
    private static String[] labels(Path onnx, FeatureEncoder encoder, Frame frame) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<FeatureEncoder.Feature> features = encoder.features();
        int n = frame.rowCount();
        java.nio.DoubleBuffer buffer = java.nio.DoubleBuffer.allocate(n * features.size());
        for (int i = 0; i < n; i++) {
            for (FeatureEncoder.Feature feature : features) {
                buffer.put(frame.numeric(feature.name()).get(i));
            }
        }
        buffer.flip();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, buffer, new long[] {n, features.size()});
             OrtSession.Result result = session.run(Map.of(OnnxLogistic.INPUT, input))) {
            return (String[]) result.get("label").orElseThrow().getValue();
        }
    }

    @Test
    void multiclassForestScoresAsTheBundle() throws Exception {
        assertMulticlass(Algorithm.RANDOM_FOREST);
    }

    @Test
    void multiclassBoostingScoresAsTheBundle() throws Exception {
        assertMulticlass(Algorithm.GRADIENT_BOOSTING);
    }

    /** Diabetes has a text column (sex), so the export has a string input; one row's sex is unseen. */
    private void assertRegression(Algorithm algorithm) throws Exception {
        Frame frame = load("diabetes.csv");
        RegressionModel model = (RegressionModel) train(frame, "target", algorithm, Task.REGRESSION);
        CategoricalColumn sex = frame.categorical("sex").withLevel("three");
        int[] codes = sex.codes().clone();
        codes[0] = sex.codeOf("three");
        codes[1] = CategoricalColumn.MISSING;
        Frame rows = withGaps(frame.with(sex.withCodes(codes)), featuresOf(frame, "target"));
        double[] expected = model.predict(rows);
        Path onnx = export(model, "diabetes-" + algorithm.name());
        double[][] variable = runtime(onnx, model.encoder(), rows, "variable");
        double tolerance = algorithm == Algorithm.LOGISTIC ? LINEAR_TOLERANCE : TOLERANCE;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            // 32-bit floats carry about 7 significant digits of an amount near 150: compared relatively.
            double scale = Math.max(1, Math.abs(expected[i]));
            assertThat((double) variable[i][0]).as("row %d", i).isCloseTo(expected[i], within(tolerance * scale));
            worst = Math.max(worst, Math.abs(variable[i][0] - expected[i]) / scale);
        }
        System.out.printf("export regression %s: largest relative difference %.2e%n", algorithm, worst);
    }

    @Test
    void regressionRidgeScoresAsTheBundle() throws Exception {
        assertRegression(Algorithm.LOGISTIC);
    }

    @Test
    void regressionForestScoresAsTheBundle() throws Exception {
        assertRegression(Algorithm.RANDOM_FOREST);
    }

    @Test
    void regressionBoostingScoresAsTheBundle() throws Exception {
        assertRegression(Algorithm.GRADIENT_BOOSTING);
    }

    @Test
    void mappingNamesTargetPositiveLabelOutputAndColumns() throws IOException {
        Frame frame = load("diabetes.csv");
        RegressionModel model = (RegressionModel) train(frame, "target", Algorithm.RANDOM_FOREST, Task.REGRESSION);
        Path onnx = dir.resolve("m.onnx");
        OnnxExport.write(model, onnx);
        JsonNode mapping = new ObjectMapper().readTree(Path.of(onnx + ".json").toFile());
        assertThat(mapping.get("format").asText()).isEqualTo("twinbench.onnx-mapping");
        assertThat(mapping.get("target").asText()).isEqualTo("target");
        assertThat(mapping.get("output").asText()).isEqualTo("variable");
        assertThat(mapping.get("inputs").get("float_input")).hasSize(9);
        assertThat(mapping.get("inputs").get("float_input").get(0).asText()).isEqualTo("age");
        assertThat(mapping.get("inputs").get("sex").get(0).asText()).isEqualTo("sex");
    }

    @Test
    void aModelNotTrainedByTwinBenchIsRefused() {
        TaskModel onnx = OnnxModel.load(Path.of("sample-data/loans-logistic.onnx"));
        assertThatThrownBy(() -> OnnxExport.write(onnx, dir.resolve("x.onnx")))
                .isInstanceOf(ModelException.class).hasMessageContaining("only a model trained by TwinBench");
        assertThat(dir.resolve("x.onnx")).doesNotExist();
    }

    /** The {@code onnx} package's checker (full check, with shape inference), where /usr/bin/python3 has it. */
    private static void checkWithPython(Path onnx) {
        File python = new File("/usr/bin/python3");
        if (!python.canExecute()) {
            return;
        }
        try {
            Process probe = new ProcessBuilder(python.getPath(), "-c", "import onnx").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return;
            }
            Process check = new ProcessBuilder(python.getPath(), "-c",
                    "import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)",
                    onnx.toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("onnx.checker on %s: %s", onnx.getFileName(), output).isZero();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot run the onnx checker: " + e, e);
        }
    }
}
