package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.SampleData;
import org.twinbench.data.TableLoader;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.OnnxModel;
import org.twinbench.model.TrainingOptions;
import org.twinbench.ui.fx.AppExecutor;

/** File → Export model: the bundle's ONNX form is written in the background and the status line says so. */
class ExportModelActionTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    private static void waitFor(MainViewModel model, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!model.statusProperty().get().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void exportsInTheBackgroundAndReportsTheFiles() throws Exception {
        Path csv = dir.resolve("loans.csv");
        SampleData.writeLoans(csv, 2_000, 4);
        Frame frame = TableLoader.load(csv).frame();
        Path bundle = dir.resolve("loans.twinmodel");
        ModelBundle.write(ModelTrainer.train(frame, new TrainingOptions(Algorithm.RANDOM_FOREST, "defaulted",
                List.of("income", "age", "loan_amount"), "yes", 2, 20, "")), bundle);
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir, dir);
        Path onnx = dir.resolve("loans.onnx");
        model.exportModel(bundle, onnx);
        waitFor(model, "Exported");
        assertThat(model.statusProperty().get()).isEqualTo("Exported loans.twinmodel to " + onnx
                + " (with loans.onnx.json)");
        try (OnnxModel exported = OnnxModel.load(onnx)) {
            assertThat(exported.card().target()).isEqualTo("defaulted");
            assertThat(exported.card().features()).containsExactly("income", "age", "loan_amount");
        }

        Path broken = dir.resolve("broken.twinmodel");
        Files.writeString(broken, "not a zip");
        model.exportModel(broken, dir.resolve("broken.onnx"));
        waitFor(model, "broken.twinmodel:");
        assertThat(model.statusProperty().get()).contains("broken.twinmodel:").doesNotContain("\n");
        assertThat(dir.resolve("broken.onnx")).doesNotExist();
    }
}
