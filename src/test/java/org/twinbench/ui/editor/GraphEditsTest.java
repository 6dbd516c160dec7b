package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

class GraphEditsTest {

    private final Scenario sample = SampleScenarios.loansRecession(7);

    @Test
    void connectionsThatTheCatalogForbidsAreRefusedWithItsReason() {
        assertThat(GraphEdits.connectionProblem(sample, "credit-model", "recession"))
                .contains("Logistic regression gives scored but Covariate shift takes batch");
        assertThat(GraphEdits.connectionProblem(sample, "accuracy-by-region", "credit-model"))
                .contains("Slice metrics has no output");
        assertThat(GraphEdits.connectionProblem(sample, "recession", "loans")).contains("Dataset takes no input");
    }

    @Test
    void selfLoopsDuplicatesAndCyclesAreRefused() {
        assertThat(GraphEdits.connectionProblem(sample, "recession", "recession")).contains("a node cannot feed itself");
        assertThat(GraphEdits.connectionProblem(sample, "loans", "recession")).contains("loans already feeds recession");
        assertThat(GraphEdits.connectionProblem(sample, "new-region", "recession"))
                .contains("it would close a cycle (recession already leads to new-region)");
        assertThat(GraphEdits.connectionProblem(sample, "loans", "credit-model")).isEmpty();
    }

    @Test
    void newNodesTakeTheDefaultsAndAFreeId() {
        Scenario s = GraphEdits.add(ScenarioDocument.EMPTY,
                GraphEdits.newNode(ScenarioDocument.EMPTY, NodeCatalog.find(NodeCatalog.DATASET_SOURCE).orElseThrow(), 0, 0));
        ScenarioNode second = GraphEdits.newNode(s, NodeCatalog.find(NodeCatalog.DATASET_SOURCE).orElseThrow(), 0, 0);
        assertThat(s.nodes().get(0).id()).isEqualTo("dataset");
        assertThat(second.id()).isEqualTo("dataset-2");
        assertThat(s.nodes().get(0).params()).containsEntry("batch_size", 500L).containsEntry("replace", true)
                .doesNotContainKey("path");
    }

    @Test
    void aNewNodesIdLeavesOutTheTitlesParenthesis() {
        ScenarioNode cbpe = GraphEdits.newNode(ScenarioDocument.EMPTY,
                NodeCatalog.all().stream().filter(t -> t.title().equals("Estimated performance (CBPE)")).findFirst()
                        .orElseThrow(), 0, 0);
        assertThat(cbpe.id()).isEqualTo("estimated-performance");
    }

    @Test
    void removingANodeRemovesItsEdges() {
        Scenario s = GraphEdits.remove(sample, Set.of("recession"), Set.of());
        assertThat(s.nodes()).extracting(ScenarioNode::id).doesNotContain("recession").hasSize(4);
        assertThat(s.edges()).containsExactly(new ScenarioEdge("new-region", "credit-model"),
                new ScenarioEdge("credit-model", "accuracy-by-region"));
    }

    @Test
    void renamingANodeRenamesItsEdges() {
        Scenario s = GraphEdits.rename(sample, "recession", "slump");
        assertThat(s.edges()).contains(new ScenarioEdge("loans", "slump"), new ScenarioEdge("slump", "new-region"));
        assertThat(GraphEdits.renameProblem(sample, "recession", "loans"))
                .contains("another node already has the id 'loans'");
        assertThat(GraphEdits.renameProblem(sample, "recession", " ")).contains("a node needs an id");
    }

    @Test
    void pastingGivesFreshIdsAndKeepsOnlyTheEdgesInsideTheCopy() {
        Scenario fragment = GraphEdits.fragment(sample, Set.of("recession", "new-region"));
        assertThat(fragment.edges()).containsExactly(new ScenarioEdge("recession", "new-region"));
        GraphEdits.Pasted pasted = GraphEdits.paste(sample, fragment, 30, 30);
        assertThat(pasted.ids()).containsExactly("recession-2", "new-region-2");
        assertThat(pasted.scenario().edges()).contains(new ScenarioEdge("recession-2", "new-region-2"));
        ScenarioNode copy = pasted.scenario().node("recession-2").orElseThrow();
        ScenarioNode original = sample.node("recession").orElseThrow();
        assertThat(copy.params()).isEqualTo(original.params());
        assertThat(List.of(copy.x(), copy.y())).containsExactly(original.x() + 30, original.y() + 30);
    }

    @Test
    void settingAParameterToNothingRemovesIt() {
        Scenario s = GraphEdits.setParam(sample, "recession", "shift", null);
        assertThat(s.node("recession").orElseThrow().params()).doesNotContainKey("shift").containsKey("scale");
    }
}
