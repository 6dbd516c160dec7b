package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.DataProvenance;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.Algorithm;
import org.twinbench.ui.fx.AppExecutor;

/**
 * Stop pressed as a forest's training hands over to its save: the "FX thread" is a queue the test runs by hand, so
 * Stop lands once the worker has written the file but before the window heard of it. Before, Stop then said
 * "Training was stopped; no model is open." while the model file it said was not written stayed on disk.
 */
class TrainingStopRaceTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();
    private final QueuedFx fx = new QueuedFx();

    @AfterEach
    void close() {
        executor.close();
    }

    /** 300 rows: y is "yes" when x + z > 1 (x, z on a grid), a forest's easy task. */
    private static Dataset data() {
        int n = 300;
        double[] x = new double[n];
        double[] z = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 20) / 19.0;
            z[i] = (i / 20) / 14.0;
            y[i] = x[i] + z[i] > 1 ? "yes" : "no";
        }
        return new Dataset(new Frame(List.of(new NumericColumn("x", x), new NumericColumn("z", z),
                CategoricalColumn.of("y", y))), new DataProvenance("grid.csv", "abc", n, 3));
    }

    @Test
    void aStopAsTheModelIsSavedKeepsTheSavedModelAndSaysSo() throws Exception {
        ModelPanelViewModel models = new ModelPanelViewModel(executor, fx);
        Path out = dir.resolve("forest.twinmodel");
        models.train(new TrainRequest(Algorithm.RANDOM_FOREST, "y", 1, 0.25, false, null, out),
                data(), List.of("x", "z"));
        assertThat(models.stoppableProperty().get()).as("a forest can be stopped while it grows").isTrue();
        // The "FX thread" is held: the worker grows the trees, says it saves, and writes the file (atomically).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(out)) {
            assertThat(System.nanoTime()).as("the model written within 120 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        // Stop, pressed before the window heard of the save: too late, the model is kept, and the window says so.
        assertThat(models.busyProperty().get()).isTrue();
        assertThat(models.stoppableProperty().get()).isTrue();
        models.stopTraining();
        fx.runUntil(() -> !models.busyProperty().get(), "done");
        assertThat(models.messageProperty().get()).isEqualTo("Trained and saved forest.twinmodel");
        assertThat(models.fileProperty().get()).isEqualTo(out);
        assertThat(models.stoppableProperty().get()).isFalse();
    }
}
