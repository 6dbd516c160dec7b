package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

class EditHistoryTest {

    private final ScenarioDocument document = new ScenarioDocument(Path.of("."));

    private void add(String type, double x) {
        document.change("Add " + type, s -> GraphEdits.add(s,
                GraphEdits.newNode(s, NodeCatalog.find(type).orElseThrow(), x, 0)));
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughEveryState() {
        add(NodeCatalog.DATASET_SOURCE, 0);
        Scenario one = document.scenario();
        add(NodeCatalog.LOGISTIC_MODEL, 200);
        Scenario two = document.scenario();
        document.history().undo();
        assertThat(document.scenario()).isEqualTo(one);
        document.history().undo();
        assertThat(document.scenario()).isEqualTo(ScenarioDocument.EMPTY);
        assertThat(document.history().canUndoProperty().get()).isFalse();
        document.history().redo();
        document.history().redo();
        assertThat(document.scenario()).isEqualTo(two);
        assertThat(document.history().canRedoProperty().get()).isFalse();
    }

    @Test
    void theMenuNamesTheEditToUndoAndRedo() {
        add(NodeCatalog.DATASET_SOURCE, 0);
        assertThat(document.history().undoDescriptionProperty().get()).isEqualTo("Add " + NodeCatalog.DATASET_SOURCE);
        document.history().undo();
        assertThat(document.history().redoDescriptionProperty().get()).isEqualTo("Add " + NodeCatalog.DATASET_SOURCE);
    }

    @Test
    void aNewEditDropsTheRedoStack() {
        add(NodeCatalog.DATASET_SOURCE, 0);
        document.history().undo();
        add(NodeCatalog.LOGISTIC_MODEL, 0);
        assertThat(document.history().canRedoProperty().get()).isFalse();
        assertThat(document.scenario().nodes()).extracting(ScenarioNode::type).containsExactly(NodeCatalog.LOGISTIC_MODEL);
    }

    @Test
    void keystrokesOfOneGestureFoldIntoOneEdit() {
        add(NodeCatalog.COVARIATE_SHIFT, 0);
        String id = document.scenario().nodes().get(0).id();
        Scenario before = document.scenario();
        for (String typed : new String[] {"0", "0.", "0.7"}) {
            double value = Double.parseDouble(typed);
            document.change("Set scale of " + id, "param:" + id + ":scale", s -> GraphEdits.setParam(s, id, "scale", value));
        }
        assertThat(document.scenario().nodes().get(0).params().get("scale")).isEqualTo(0.7);
        document.history().undo();
        assertThat(document.scenario()).isEqualTo(before);
    }

    @Test
    void aChangeThatChangesNothingIsNotAnEdit() {
        add(NodeCatalog.DATASET_SOURCE, 0);
        int revision = document.history().revisionProperty().get();
        document.change("Nothing", s -> s);
        assertThat(document.history().revisionProperty().get()).isEqualTo(revision);
    }

    @Test
    void dirtyMeansDifferentFromTheSavedState() {
        assertThat(document.history().dirtyProperty().get()).isFalse();
        add(NodeCatalog.DATASET_SOURCE, 0);
        assertThat(document.history().dirtyProperty().get()).isTrue();
        document.saved(Path.of("a.twin.json"));
        assertThat(document.history().dirtyProperty().get()).isFalse();
        document.history().undo();
        assertThat(document.history().dirtyProperty().get()).isTrue();
        document.history().redo();
        assertThat(document.history().dirtyProperty().get()).isFalse();
    }

    @Test
    void typingAfterASaveIsUnsavedEvenWithinOneGesture() {
        add(NodeCatalog.COVARIATE_SHIFT, 0);
        String id = document.scenario().nodes().get(0).id();
        document.change("Set scale", "scale", s -> GraphEdits.setParam(s, id, "scale", 2.0));
        document.saved(Path.of("a.twin.json"));
        document.change("Set scale", "scale", s -> GraphEdits.setParam(s, id, "scale", 3.0));
        assertThat(document.history().dirtyProperty().get()).isTrue();
        document.history().undo();
        assertThat(document.scenario().nodes().get(0).params().get("scale")).isEqualTo(2.0);
        assertThat(document.history().dirtyProperty().get()).isFalse();
    }
}
