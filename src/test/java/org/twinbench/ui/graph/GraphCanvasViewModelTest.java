package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.editor.ScenarioDocument;

/** The canvas's view model without the toolkit: named edits, selection, clipboard, refusals. */
class GraphCanvasViewModelTest {

    private final ScenarioDocument document = new ScenarioDocument(Path.of("."));
    private final GraphCanvasViewModel canvas = new GraphCanvasViewModel(document);

    private static NodeType type(String name) {
        return NodeCatalog.find(name).orElseThrow();
    }

    private void openSample() {
        document.reset(SampleScenarios.loansRecession(1), null);
    }

    @Test
    void movingThreeNodesIsOneEditNamedAfterThem() {
        openSample();
        canvas.placeNodes(Map.of("loans", new double[] {0, 0}, "recession", new double[] {10, 0},
                "new-region", new double[] {20, 0}));
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Move 3 nodes");
        document.history().undo();
        assertThat(document.scenario()).isEqualTo(SampleScenarios.loansRecession(1));
    }

    @Test
    void addingAfterASelectedNodeConnectsItWhenTheTypesFit() {
        String source = canvas.addNode(type(NodeCatalog.DATASET_SOURCE), 0, 0, true);
        String model = canvas.addNode(type(NodeCatalog.LOGISTIC_MODEL), 240, 0, true);
        String shift = canvas.addNode(type(NodeCatalog.COVARIATE_SHIFT), 480, 0, true);
        // A model's scores cannot feed a covariate shift: added, but not connected.
        assertThat(document.scenario().edges()).containsExactly(new ScenarioEdge(source, model));
        assertThat(canvas.selection()).containsExactly(shift);
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Add Covariate shift");
    }

    @Test
    void aRefusedConnectionChangesNothingAndSaysWhy() {
        openSample();
        assertThat(canvas.connect("credit-model", "recession")).isPresent();
        assertThat(canvas.messageProperty().get()).isEqualTo(
                "Cannot connect credit-model to recession: Logistic regression gives scored but Covariate shift takes batch");
        assertThat(document.history().canUndoProperty().get()).isFalse();
    }

    @Test
    void duplicateCopiesTheSelectionWithItsInnerEdgesAndSelectsTheCopies() {
        openSample();
        canvas.selectOnly(List.of("recession", "new-region"));
        canvas.duplicateSelection();
        assertThat(canvas.selection()).containsExactlyInAnyOrder("recession-2", "new-region-2");
        assertThat(document.scenario().edges()).contains(new ScenarioEdge("recession-2", "new-region-2"));
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Duplicate 2 nodes");
        canvas.deleteSelection();
        assertThat(document.scenario()).isEqualTo(SampleScenarios.loansRecession(1));
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Delete 2 nodes");
    }

    @Test
    void copyThenPasteAddsCopiesBesideTheOriginals() {
        openSample();
        canvas.selectOnly(List.of("loans"));
        canvas.copySelection();
        canvas.paste();
        ScenarioNode copy = document.scenario().node("loans-2").orElseThrow();
        assertThat(copy.x()).isEqualTo(40 + GraphCanvasViewModel.PASTE_OFFSET);
    }

    @Test
    void nudgesInARowAreOneEdit() {
        openSample();
        canvas.selectOnly(List.of("loans"));
        canvas.nudgeSelection(10, 0);
        canvas.nudgeSelection(10, 0);
        canvas.nudgeSelection(0, -10);
        ScenarioNode moved = document.scenario().node("loans").orElseThrow();
        assertThat(List.of(moved.x(), moved.y())).containsExactly(60.0, 150.0);
        document.history().undo();
        assertThat(document.scenario()).isEqualTo(SampleScenarios.loansRecession(1));
    }

    @Test
    void tabWalksTheNodesInFileOrder() {
        openSample();
        canvas.selectNext(false);
        assertThat(canvas.selection()).containsExactly("loans");
        canvas.selectNext(false);
        assertThat(canvas.selection()).containsExactly("recession");
        canvas.selectNext(true);
        canvas.selectNext(true);
        assertThat(canvas.selection()).containsExactly("accuracy-by-region");
    }

    @Test
    void problemsFollowTheScenario() {
        assertThat(canvas.problemsProperty().get().isEmpty()).isFalse();
        openSample();
        assertThat(canvas.problemsProperty().get().isEmpty()).isTrue();
    }

    @Test
    void aScenarioWideProblemSelectsTheNodesItIsAbout() {
        openSample();
        canvas.addNode(type(NodeCatalog.DATASET_SOURCE), 0, 400, false);
        List<org.twinbench.ui.editor.ScenarioProblems.Finding> problems = canvas.scenarioWideProblems();
        assertThat(problems).extracting(org.twinbench.ui.editor.ScenarioProblems.Finding::message)
                .containsExactly("needs exactly one source node, found 2");
        canvas.selectOnly(List.of("credit-model"));
        canvas.showProblem(problems.get(0));
        assertThat(canvas.selection()).containsExactly("loans", "dataset");
        assertThat(canvas.messageProperty().get()).isEqualTo("needs exactly one source node, found 2");
    }
}
