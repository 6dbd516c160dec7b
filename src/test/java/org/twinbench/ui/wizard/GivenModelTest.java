package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.ModelException;

/**
 * ONNX models the user was given, of amounts and of kinds, tried on their rows by the guided check. The expected
 * figures come from the models' outputs as Python onnxruntime records them beside the files
 * ({@code onnx-exported/*-expected.csv}, make_exported_onnx.py), read with pandas: diabetes' linear model is off
 * by 43.28 on average against 65.76 for the mean guess (152.13); iris' logistic model is right on 146 of 150
 * (97%), its commonest mistake 3 versicolor taken for virginica (of 4: not more than chance), the three species 50
 * each (the first, setosa, is the guess).
 */
class GivenModelTest {

    private static final Path ONNX = Path.of("src/test/resources/onnx-exported");

    @TempDir
    Path dir;

    /** The model file and its sidecar copied beside each other, as a user would receive them. */
    private Path copy(String name) throws Exception {
        Files.copy(ONNX.resolve(name), dir.resolve(name));
        if (Files.exists(ONNX.resolve(name + ".json"))) {
            Files.copy(ONNX.resolve(name + ".json"), dir.resolve(name + ".json"));
        }
        return dir.resolve(name);
    }

    @Test
    void anOnnxModelOfAmountsIsTriedBesideTheAverage() throws Exception {
        GivenModel.Tried tried = GivenModel.tryOn(copy("diabetes-linear.onnx"),
                TableLoader.load(Path.of("sample-data/public/diabetes.csv")).frame(), "target", Task.REGRESSION);
        assertThat(tried.task()).isEqualTo(Task.REGRESSION);
        assertThat(tried.model().retrainable()).isFalse();
        assertThat(tried.words()).startsWith("We tried the model you were given on your 442 rows: its guess of "
                + "“target” was off by about 43 on average — guessing the average (152) every time would be off by "
                + "about 66. It looks at “age”, “sex”, “bmi”").endsWith("We cannot retrain an ONNX file here: where the check "
                + "tries retraining, a model of the same kind of answer built from your rows on the same columns stands "
                + "in for it, and whoever made yours can retrain it.");
    }

    @Test
    void anOnnxModelOfKindsGivesItsIntervalAndNamesAMistakeOnlyBeyondChance() throws Exception {
        GivenModel.Tried tried = GivenModel.tryOn(copy("iris-logistic.onnx"),
                TableLoader.load(ONNX.resolve("iris.csv")).frame(), "species", Task.MULTICLASS);
        assertThat(tried.task()).isEqualTo(Task.MULTICLASS);
        assertThat(tried.model().accuracy()).isEqualTo(146 / 150.0);
        assertThat(tried.words()).startsWith("We tried the model you were given on your 150 rows: it picks the kind of "
                + "“species”, and it picked the right one about 10 times out of 10 (97%, between 93% and 99%) — always "
                + "guessing “setosa” would be right about 3 times out of 10 (33%). No one mistake stands out from chance"
                + " among its 4 mistakes.");
        // statsmodels proportion_confint(146, 150, method="wilson") = (0.9334, 0.9896); 3 of the 4 mistakes take
        // versicolor for virginica, but scipy's binomtest(3, 4, 1/6, "greater") times 6 ways of being wrong is 0.097:
        // not clearly more than chance.
    }

    @Test
    void aModelOfKindsIsRefusedForAnAmount() throws Exception {
        Path model = copy("iris-logistic.onnx");
        assertThatThrownBy(() -> GivenModel.tryOn(model, TableLoader.load(ONNX.resolve("iris.csv")).frame(), "species",
                Task.REGRESSION)).isInstanceOf(ModelException.class).hasMessage("This model predicts “species” as one "
                + "of several kinds, but you chose “species” as an amount. Choose another model, or build one from "
                + "your data.");
    }
}
