package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.Dataset;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelCard;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.TwinBenchApp;

/**
 * The main window as the data panel's UI tests use it (call {@link #show} from a {@code @Start} method and
 * {@link #close} from an {@code @AfterEach} one): the sample scenario open, scripted file choosers, the panel's view
 * model, and the train dialog's "Train and save" saving where {@link #saveTo} says.
 */
final class DataPanelFixture implements AutoCloseable {

    final MainWindowFixture window;
    final DataModelPanelViewModel panel;
    final ScriptedChoosers choosers;
    /** Where the next model trained is saved. */
    Path saveTo;

    private DataPanelFixture(Stage stage, Path home) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        panel = window.model().dataPanel();
        choosers = ScriptedChoosers.install(stage, name -> Optional.ofNullable(saveTo));
    }

    static DataPanelFixture show(Stage stage, Path home) {
        return new DataPanelFixture(stage, home);
    }

    /** Hides every dialog still showing over {@code stage}: one left open (a failed assertion) would hold the next test's clicks. */
    static void hideDialogs(Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .toList().forEach(javafx.stage.Window::hide)).get();
    }

    /** Opens {@code file} with the panel's Data button and waits until it is read. */
    void openData(FxRobot robot, Path file) throws Exception {
        choosers.openData(robot, panel, file);
    }

    /** Clicks the open train dialog's "Train and save…", saving to {@code file}; the card of the model once open. */
    ModelCard trainAndSave(FxRobot robot, Path file) throws Exception {
        saveTo = file;
        ScriptedChoosers.clickDialogButton(robot, "Train and save");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                file.equals(panel.model().fileProperty().get()) && !panel.model().busyProperty().get()).get());
        return WaitForAsyncUtils.asyncFx(() -> panel.model().modelProperty().get().card()).get();
    }

    /** The panel's model message, read on the FX thread. */
    String modelMessage() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> panel.model().messageProperty().get()).get();
    }

    /**
     * Asserts that {@code card}'s holdout figures (logistic family, seed 1, the default holdout) are those of the same
     * model trained on {@code alone}, a file holding only the rows it was trained on: the same rows and figures to 1e-9.
     */
    static void assertTrainedAsAlone(ModelCard card, Dataset alone, String target, Task task) {
        ModelCard expected = TaskTrainer.train(alone.frame(), new TrainingOptions(Algorithm.LOGISTIC, target,
                card.features(), null, 1, 0, alone.provenance().sha256(), ModelPanelViewModel.DEFAULT_HOLDOUT_SHARE),
                task, TrainingProgress.NONE).model().card();
        assertThat(card.trainingRows()).isEqualTo(expected.trainingRows());
        assertThat(card.holdoutRows()).isEqualTo(expected.holdoutRows());
        assertThat(card.holdoutMetrics()).isNotEmpty().containsOnlyKeys(expected.holdoutMetrics().keySet());
        for (Map.Entry<String, Double> metric : expected.holdoutMetrics().entrySet()) {
            assertThat(card.holdoutMetrics().get(metric.getKey())).as(metric.getKey())
                    .isCloseTo(metric.getValue(), within(1e-9 * Math.max(1, Math.abs(metric.getValue()))));
        }
    }

    @Override
    public void close() {
        window.close();
    }
}
