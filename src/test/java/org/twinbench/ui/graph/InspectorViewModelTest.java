package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.ui.data.DatasetColumns;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.fx.AppExecutor;

/** The inspector's view model without the toolkit; its FX thread is the calling thread. */
class InspectorViewModelTest {

    @TempDir
    Path dir;

    private final AppExecutor executor = new AppExecutor();
    private final ScenarioDocument document = new ScenarioDocument(Path.of("."));
    private final ObservableSet<String> selection = FXCollections.observableSet();
    /** Counts the results handed to the "FX thread", so a test can wait for the columns to arrive. */
    private final java.util.concurrent.Semaphore delivered = new java.util.concurrent.Semaphore(0);
    private final InspectorViewModel inspector = new InspectorViewModel(document, selection,
            new DatasetColumns(executor, task -> {
                task.run();
                delivered.release();
            }));

    /**
     * Loads a data file once on the test thread, so the reader's classes are initialised before any
     * worker thread (which {@link AppExecutor#close()} interrupts between tests) touches them.
     */
    @BeforeAll
    static void initialiseTheReader(@TempDir Path samples) throws Exception {
        org.twinbench.data.TableLoader.load(BundledSamples.extractTo(samples).resolve("loans.csv"));
    }

    @AfterEach
    void close() {
        executor.close();
    }

    private void openSample() throws Exception {
        Path samples = BundledSamples.extractTo(dir);
        document.reset(SampleScenarios.loansRecession(1), samples.resolve(SampleScenarios.LOANS_RECESSION_FILE));
    }

    @Test
    void textThatDoesNotParseLeavesTheScenarioAlone() throws Exception {
        openSample();
        selection.add("recession");
        assertThat(inspector.setText("scale", "0,7")).contains("scale must be a number, like 0.5 or -2");
        assertThat(document.history().canUndoProperty().get()).isFalse();
        assertThat(inspector.setText("scale", "0.8")).isEmpty();
        assertThat(document.scenario().node("recession").orElseThrow().params()).containsEntry("scale", 0.8);
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Set scale of recession");
    }

    @Test
    void valuesThatParseButBreakARuleAreAppliedAndReported() throws Exception {
        openSample();
        selection.add("loans");
        assertThat(inspector.setText("reference_share", "1.5"))
                .contains("reference_share must be between 0 and 1, not 1.5");
    }

    @Test
    void theColumnPickersOfferTheUpstreamDatasetsColumns() throws Exception {
        openSample();
        selection.add("credit-model");
        assertThat(inspector.dataFile()).contains(dir.resolve("loans.csv"));
        assertThat(delivered.tryAcquire(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(inspector.columns()).startsWith("application_id", "applied_on", "income").contains("defaulted");
        assertThat(inspector.setText("features", "income, salary")).contains("no column 'salary' in loans.csv");
        assertThat(inspector.setText("features", "income, age")).isEmpty();
    }

    @Test
    void renamingKeepsTheNodeSelected() throws Exception {
        openSample();
        selection.add("recession");
        assertThat(inspector.rename("new-region")).contains("another node already has the id 'new-region'");
        assertThat(inspector.rename("slump")).isEmpty();
        assertThat(selection).containsExactly("slump");
        assertThat(inspector.subjectProperty().get()).isEqualTo("slump");
    }

    @Test
    void withNothingSelectedTheScenarioDetailsAreEdited() throws Exception {
        openSample();
        assertThat(inspector.setHeader("Name", "Text", "x")).contains("the seed must be a whole number");
        assertThat(inspector.setHeader("Name", "Text", "42")).isEmpty();
        assertThat(document.scenario().seed()).isEqualTo(42);
        assertThat(document.scenario().name()).isEqualTo("Name");
    }

    @Test
    void aSliderDragIsOneEditAndUndoRestoresTheValue() throws Exception {
        openSample();
        selection.add("loans");
        org.twinbench.ui.editor.ParamRange range = org.twinbench.ui.editor.ParamRange.of(
                inspector.type().orElseThrow().param("reference_share").orElseThrow()).orElseThrow();
        Object before = document.scenario().node("loans").orElseThrow().params().get("reference_share");
        // A drag reports many positions; each is snapped and applied, and they fold into one edit.
        for (double position : new double[] {0.52, 0.581, 0.6349, 0.7012}) {
            assertThat(inspector.setValue("reference_share", range.snap(position))).isEmpty();
        }
        assertThat(document.scenario().node("loans").orElseThrow().params()).containsEntry("reference_share", 0.7);
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Set reference_share of loans");
        document.history().undo();
        assertThat(document.scenario().node("loans").orElseThrow().params().get("reference_share")).isEqualTo(before);
        assertThat(document.history().canUndoProperty().get()).isFalse();
    }

    @Test
    void typedNumbersOutsideTheRangeAreReported() throws Exception {
        Path samples = BundledSamples.extractTo(dir);
        document.reset(SampleScenarios.seaDetectors(1), samples.resolve(SampleScenarios.SEA_DETECTORS_FILE));
        selection.add("sea");
        assertThat(inspector.setText("function", "7")).contains("function must be between 1 and 4, not 7");
        assertThat(inspector.setText("function", "2.5")).contains("function must be a whole number, like 60");
        assertThat(inspector.setText("function", "4")).isEmpty();
    }

    @Test
    void aChoiceOutsideTheListIsReported() throws Exception {
        Path samples = BundledSamples.extractTo(dir);
        document.reset(SampleScenarios.seaDetectors(1), samples.resolve(SampleScenarios.SEA_DETECTORS_FILE));
        selection.add("ph-default");
        assertThat(inspector.setValue("detector", "ddm")).isEmpty();
        assertThat(inspector.setValue("detector", "magic")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("detector is 'magic'; use one of [adwin, "));
    }
}
