package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.DataProvenance;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;

/**
 * A yes/no model the owner was given, on the Wisconsin breast cancer table: how many of the cases to catch it catches,
 * with the Wilson interval, beside how often it is right; and whether it was trained on the rows it is tried on — the
 * very file (its card's SHA-256), a reordered copy (its card's sketch of its training rows), or other rows.
 */
class GivenModelTrainingRowsTest {

    private static final Path ONNX = Path.of("src/test/resources/onnx-exported");

    @TempDir
    Path dir;

    @Test
    void aYesNoModelSaysHowManyOfTheCasesToCatchItCatches() throws Exception {
        Files.copy(ONNX.resolve("breast-cancer-logistic.onnx"), dir.resolve("model.onnx"));
        Files.copy(ONNX.resolve("breast-cancer-logistic.onnx.json"), dir.resolve("model.onnx.json"));
        Path data = ONNX.resolve("breast-cancer.csv");
        GivenModel.Tried tried = GivenModel.tryOn(dir.resolve("model.onnx"), data, TableLoader.load(data).frame(),
                "diagnosis", Task.BINARY);
        // onnxruntime's outputs (breast-cancer-logistic-expected.csv) read with pandas: 562 of 569 right, 207 of the 212
        // malignant caught; statsmodels proportion_confint(207, 212, method="wilson") = (0.9460, 0.9899).
        assertThat(tried.model().positives()).isEqualTo(212);
        assertThat(tried.model().caught()).isEqualTo(207);
        assertThat(tried.model().recallInterval()[0]).isCloseTo(0.9459872728056974,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(tried.model().recallInterval()[1]).isCloseTo(0.9898848302818163,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(tried.words()).contains("and it was right about 10 times out of 10 (99%). Of the 212 rows that "
                + "were “malignant” it caught 98 of every 100 (between 95% and 99%). It looks at ")
                .doesNotContain("Careful");
    }

    private static Path trained(Frame rows, Path dataFile, Path out) {
        TaskModel model = TaskTrainer.train(rows, new TrainingOptions(Algorithm.LOGISTIC, "diagnosis", List.of(
                "mean_radius", "mean_texture", "mean_concave_points", "worst_area"), "malignant", 3, 0,
                DataProvenance.sha256(dataFile), 0.2), Task.BINARY, TrainingProgress.NONE).model();
        ModelBundle.write(model, out);
        return out;
    }

    @Test
    void theVeryFileItWasTrainedOnIsCalledOptimistic() throws Exception {
        Path data = ONNX.resolve("breast-cancer.csv");
        Path model = trained(TableLoader.load(data).frame(), data, dir.resolve("model.twinmodel"));
        GivenModel.Tried tried = GivenModel.tryOn(model, data, TableLoader.load(data).frame(), "diagnosis", Task.BINARY);
        assertThat(tried.words()).endsWith(" Careful: this model was trained on this very spreadsheet (its file says "
                + "so), so it has seen these rows and answers them better than it will answer new ones: the figures "
                + "here are too good.");
    }

    @Test
    void aReorderedCopyIsFoundByTheRowsThemselves() throws Exception {
        Path data = ONNX.resolve("breast-cancer.csv");
        Path model = trained(TableLoader.load(data).frame(), data, dir.resolve("model.twinmodel"));
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(rows);
        rows.add(0, lines.get(0));
        Path copy = Files.write(dir.resolve("copy.csv"), rows);
        GivenModel.Tried tried = GivenModel.tryOn(model, copy, TableLoader.load(copy).frame(), "diagnosis", Task.BINARY);
        // The card keeps every training row (fewer than the sketch's size): the 80% not held out, 455 of 569.
        int trainingRows = ModelBundle.readModel(model).card().trainingRows();
        assertThat(tried.words()).endsWith(String.format(Locale.ROOT, " Careful: about %.0f%% of your rows are rows "
                + "this model was trained on (its file keeps a fingerprint of each), so it answers them better than it "
                + "will answer new ones: the figures here are too good.", 100.0 * trainingRows / 569));
    }

    @Test
    void rowsItNeverSawAreNotCalledOptimistic() throws Exception {
        Path data = ONNX.resolve("breast-cancer.csv");
        List<String> lines = Files.readAllLines(data);
        Path first = Files.write(dir.resolve("first.csv"), lines.subList(0, 301));
        List<String> rest = new ArrayList<>(lines.subList(301, lines.size()));
        rest.add(0, lines.get(0));
        Path later = Files.write(dir.resolve("later.csv"), rest);
        Path model = trained(TableLoader.load(first).frame(), first, dir.resolve("model.twinmodel"));
        GivenModel.Tried tried = GivenModel.tryOn(model, later, TableLoader.load(later).frame(), "diagnosis",
                Task.BINARY);
        assertThat(tried.words()).contains("Of the ").doesNotContain("Careful");
    }
}
