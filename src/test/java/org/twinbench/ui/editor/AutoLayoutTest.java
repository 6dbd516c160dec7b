package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

class AutoLayoutTest {

    private static ScenarioNode unplaced(String id) {
        return new ScenarioNode(id, NodeCatalog.COVARIATE_SHIFT, Map.of(), Double.NaN, Double.NaN);
    }

    @Test
    void aChainIsLaidOutOneColumnPerStep() {
        Scenario sample = SampleScenarios.loansRecession(1);
        Map<String, double[]> at = AutoLayout.positions(sample);
        List<String> chain = List.of("loans", "recession", "new-region", "credit-model", "accuracy-by-region");
        for (int i = 0; i < chain.size(); i++) {
            assertThat(at.get(chain.get(i))[0]).isEqualTo(AutoLayout.MARGIN + i * AutoLayout.COLUMN_WIDTH);
            assertThat(at.get(chain.get(i))[1]).isEqualTo(AutoLayout.MARGIN);
        }
    }

    @Test
    void aDiamondStacksTheMiddleNodesWithoutOverlap() {
        Scenario diamond = new Scenario("d", "", 1, List.of(unplaced("a"), unplaced("b"), unplaced("c"), unplaced("d")),
                List.of(new ScenarioEdge("a", "b"), new ScenarioEdge("a", "c"), new ScenarioEdge("b", "d"),
                        new ScenarioEdge("c", "d")));
        assertThat(AutoLayout.needed(diamond)).isTrue();
        Scenario laidOut = AutoLayout.apply(diamond);
        assertThat(AutoLayout.needed(laidOut)).isFalse();
        ScenarioNode b = laidOut.node("b").orElseThrow();
        ScenarioNode c = laidOut.node("c").orElseThrow();
        assertThat(b.x()).isEqualTo(c.x()).isEqualTo(AutoLayout.MARGIN + AutoLayout.COLUMN_WIDTH);
        assertThat(Math.abs(b.y() - c.y())).isEqualTo(AutoLayout.ROW_HEIGHT);
        // The single nodes of the outer columns sit halfway between the two of the middle one.
        assertThat(laidOut.node("a").orElseThrow().y()).isEqualTo((b.y() + c.y()) / 2);
        for (ScenarioNode p : laidOut.nodes()) {
            for (ScenarioNode q : laidOut.nodes()) {
                if (p != q) {
                    boolean apart = Math.abs(p.x() - q.x()) >= 200 || Math.abs(p.y() - q.y()) >= 130;
                    assertThat(apart).as(p.id() + " and " + q.id()).isTrue();
                }
            }
        }
    }

    @Test
    void aCycleDoesNotHangTheLayout() {
        Scenario cycle = new Scenario("c", "", 1, List.of(unplaced("a"), unplaced("b")),
                List.of(new ScenarioEdge("a", "b"), new ScenarioEdge("b", "a")));
        assertThat(AutoLayout.positions(cycle)).containsOnlyKeys("a", "b");
    }
}
