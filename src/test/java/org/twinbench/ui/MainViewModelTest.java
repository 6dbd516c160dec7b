package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.fx.AppExecutor;

/** The main view model without the toolkit: the data panel's file choice, Run's blocked reason, a run that fails. */
class MainViewModelTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void choosingADataFileAddsASourceForItOrRepointsTheExistingOne() {
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir, dir);
        model.useDataFile(dir.resolve("data").resolve("churn.csv"));
        assertThat(model.document().scenario().nodes()).singleElement().satisfies(node -> {
            assertThat(node.type()).isEqualTo(NodeCatalog.DATASET_SOURCE);
            assertThat(node.params()).containsEntry("path", Path.of("data", "churn.csv").toString());
        });
        model.document().reset(SampleScenarios.loansRecession(1), null);
        model.useDataFile(dir.resolve("other.csv"));
        assertThat(model.document().scenario().node("loans").orElseThrow().params()).containsEntry("path", "other.csv");
        assertThat(model.document().history().undoDescriptionProperty().get()).isEqualTo("Use data file other.csv");
    }

    @Test
    void runIsBlockedWithTheFirstProblemUntilTheScenarioIsValid() throws java.io.IOException {
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir, dir);
        assertThat(model.document().scenario()).isEqualTo(ScenarioDocument.EMPTY);
        assertThat(model.runBlockedReasonProperty().get())
                .isEqualTo("Cannot run: node (scenario): needs exactly one source node, found 0 (and 1 more)");
        // The scenario's data beside it: the check against the data (in the background) finds nothing either.
        java.nio.file.Files.copy(Path.of("sample-data", "loans.csv"), dir.resolve("loans.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        model.document().reset(SampleScenarios.loansRecession(1), null);
        assertThat(model.runBlockedReasonProperty().get()).isEmpty();
        assertThat(model.windowTitleProperty().get()).startsWith("Loans: recession and a new region — TwinBench");
    }

    @Test
    void openingAModelFileShowsItsCardInsteadOfReadingItAsAScenario() throws Exception {
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir, dir);
        Path onnx = org.twinbench.data.BundledSamples.extractTo(dir.resolve("samples")).resolve("loans-logistic.onnx");
        model.open(onnx);
        long deadline = System.nanoTime() + 30_000_000_000L;
        // The "FX thread" here is the worker itself: the summary is set a moment before the status line.
        while (!(model.modelSummaryProperty().get().contains("loans-logistic.onnx")
                && model.statusProperty().get().startsWith("Opened the model")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(model.modelSummaryProperty().get()).contains("loans-logistic.onnx").contains("predicts defaulted");
        assertThat(model.statusProperty().get()).startsWith("Opened the model loans-logistic.onnx");

        Path broken = dir.resolve("broken.twinmodel");
        java.nio.file.Files.writeString(broken, "not a zip");
        model.open(broken);
        deadline = System.nanoTime() + 30_000_000_000L;
        while (!model.statusProperty().get().contains("broken.twinmodel:") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(model.statusProperty().get()).contains("broken.twinmodel:").doesNotContain("\n");
    }

    @Test
    void aRunWhoseDataFileIsGoneSaysSoAndStops() throws Exception {
        Path scenario = org.twinbench.testing.SmallLoans.scenario(dir, "gone.twin.json",
                SampleScenarios.loansRecessionWithRetraining(5), 5);
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir.resolve("home"), dir);
        model.document().reset(org.twinbench.scenario.ScenarioFormat.read(scenario), scenario);
        java.nio.file.Files.delete(dir.resolve("loans.csv"));

        model.run();

        long deadline = System.nanoTime() + 60_000_000_000L;
        // The worker ends the run, then says why: wait for both (the flag alone may be read between the two).
        while ((model.runs().runningProperty().get() || !model.statusProperty().get().startsWith("Cannot run: "))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // Not left on "Starting ...": the status line says why, and nothing is recorded as run.
        assertThat(model.runs().runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Cannot run: ").contains("loans.csv");
        assertThat(model.runs().lastRunIdProperty().get()).isZero();
    }

    @Test
    void openingAnotherScenarioForgetsWhatTheWindowShowedForThePreviousOne() throws Exception {
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir, dir);
        Path samples = org.twinbench.data.BundledSamples.extractTo(dir.resolve("samples"));
        model.document().reset(SampleScenarios.loansRecession(1), samples.resolve("loans-recession.twin.json"));
        model.dataPanel().openDataset(samples.resolve("churn.csv"));
        model.dataPanel().model().open(samples.resolve("churn-logistic.onnx"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((model.dataPanel().datasetProperty().get() == null
                || model.dataPanel().model().cardProperty().get().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(model.dataPanel().fileProperty().get()).isEqualTo(samples.resolve("churn.csv"));
        assertThat(model.dataPanel().model().cardProperty().get()).contains("Predicts: churned");
        model.canvas().say("Connected loans → model");

        // The churn sample reads churn.csv: the table stays; the canvas message of the loans scenario goes.
        model.document().reset(SampleScenarios.churnPriceRise(1), samples.resolve("churn-price-rise.twin.json"));
        assertThat(model.dataPanel().fileProperty().get()).isEqualTo(samples.resolve("churn.csv"));
        assertThat(model.canvas().messageProperty().get()).isEmpty();

        // The loans sample does not: the table, its columns and the model tab start over.
        model.document().reset(SampleScenarios.loansRecession(1), samples.resolve("loans-recession.twin.json"));
        assertThat(model.dataPanel().fileProperty().get()).isNull();
        assertThat(model.dataPanel().datasetProperty().get()).isNull();
        assertThat(model.dataPanel().columns()).isEmpty();
        assertThat(model.dataPanel().model().cardProperty().get()).isEmpty();
        assertThat(model.dataPanel().model().fileProperty().get()).isNull();
        assertThat(model.modelSummaryProperty().get()).isEqualTo("No model trained yet");
    }

    @Test
    void anExpiredStatusSaysReady() {
        MainViewModel model = new MainViewModel(executor, Runnable::run, dir, dir);
        model.files().newScenario();
        assertThat(model.statusProperty().get()).isEqualTo("New scenario");
        model.statusExpired();
        assertThat(model.statusProperty().get()).isEqualTo("Ready");
    }

    @Test
    void aFinishedRunsWarningOrNoteStaysUntilReplaced() {
        assertThat(MainViewModel.aboutTheResults("Finished: 30 steps. Warning: This twin replays the data the model was"
                + " trained on")).isTrue();
        assertThat(MainViewModel.aboutTheResults("Finished: 30 steps. Note: anes96.csv is sorted by income")).isTrue();
        assertThat(MainViewModel.aboutTheResults("Finished: 30 steps")).isFalse();
        assertThat(MainViewModel.aboutTheResults("New scenario")).isFalse();
    }
}
