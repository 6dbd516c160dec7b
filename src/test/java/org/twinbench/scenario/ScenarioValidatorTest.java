package org.twinbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioValidatorTest {

    private static final Scenario SAMPLE = SampleScenarios.loansRecession(1);

    private static Scenario with(ScenarioNode extra, ScenarioEdge... moreEdges) {
        List<ScenarioNode> nodes = new ArrayList<>(SAMPLE.nodes());
        nodes.add(extra);
        List<ScenarioEdge> edges = new ArrayList<>(SAMPLE.edges());
        edges.addAll(List.of(moreEdges));
        return new Scenario(SAMPLE.name(), "", 1, nodes, edges);
    }

    @Test
    void danglingEdgeNamesTheMissingNode() {
        Scenario dangling = with(new ScenarioNode("noise", NodeCatalog.LABEL_NOISE, Map.of(), 0, 0),
                new ScenarioEdge("noise", "ghost"));
        assertThat(ScenarioValidator.problems(dangling)).containsExactly(
                "node noise: has an edge to unknown node 'ghost'");
    }

    @Test
    void unknownNodeTypeIsNamed() {
        assertThat(ScenarioValidator.problems(with(new ScenarioNode("x", "perturbation.teleport", Map.of(), 0, 0))))
                .containsExactly("node x: unknown node type 'perturbation.teleport'");
    }

    @Test
    void parameterOutOfRangeIsNamedWithItsRange() {
        Scenario scenario = with(new ScenarioNode("noise", NodeCatalog.LABEL_NOISE, Map.of("rate", 1.5), 0, 0));
        assertThat(ScenarioValidator.problems(scenario)).containsExactly(
                "node noise: parameter 'rate' must be between 0 and 1, not 1.5");
        Scenario steps = SAMPLE.withNode(SAMPLE.node("loans").orElseThrow().withParam("steps", 0L));
        assertThat(ScenarioValidator.problems(steps)).containsExactly(
                "node loans: parameter 'steps' must be between 1 and 100000, not 0");
    }

    @Test
    void countsBeyondTheirLimitOrNotFiniteAreNamedWithTheLimit() {
        Scenario huge = SAMPLE.withNode(SAMPLE.node("loans").orElseThrow().withParam("steps", 2_147_483_647L));
        assertThat(ScenarioValidator.problems(huge)).containsExactly(
                "node loans: parameter 'steps' must be between 1 and 100000, not 2147483647");
        Scenario infinite = SAMPLE.withNode(SAMPLE.node("loans").orElseThrow()
                .withParam("batch_size", Double.POSITIVE_INFINITY));
        assertThat(ScenarioValidator.problems(infinite)).containsExactly("node loans: parameter 'batch_size' must be "
                + "between 1 and " + Limits.rows() + ", not Infinity");
        // A whole number without a stated limit still fits an int; a number without a range is finite.
        Scenario noise = with(new ScenarioNode("noise", NodeCatalog.LABEL_NOISE, Map.of("rate", 0.1), 0, 0));
        Scenario retrain = with(new ScenarioNode("retrain", NodeCatalog.RETRAIN_POLICY,
                Map.of("min_rows", 2_147_483_648L), 0, 0));
        assertThat(ScenarioValidator.problems(retrain)).contains(
                "node retrain: parameter 'min_rows' must be between 1 and 2147483647, not 2147483648");
        Scenario shift = with(new ScenarioNode("outliers", NodeCatalog.OUTLIERS,
                Map.of("columns", List.of("income"), "magnitude", Double.POSITIVE_INFINITY), 0, 0));
        assertThat(ScenarioValidator.problems(shift)).contains(
                "node outliers: parameter 'magnitude' must be a finite number at least 0, not Infinity");
        assertThat(ScenarioValidator.problems(noise)).isEmpty();
    }

    @Test
    void textOutsideItsChoicesIsNamed() {
        Scenario scenario = with(new ScenarioNode("gap", NodeCatalog.MISSING_VALUES,
                Map.of("columns", List.of("income"), "mode", "sometimes"), 0, 0));
        assertThat(ScenarioValidator.problems(scenario)).containsExactly(
                "node gap: parameter 'mode' is 'sometimes'; use one of [mcar, pipeline-break]");
    }

    @Test
    void sliceValueNeedsASliceColumn() {
        Scenario scenario = with(new ScenarioNode("noise", NodeCatalog.LABEL_NOISE, Map.of("slice_value", "west"), 0, 0));
        assertThat(ScenarioValidator.problems(scenario)).containsExactly(
                "node noise: parameter 'slice_value' needs slice_column too");
    }

    @Test
    void atMostOneLabelDelay() {
        Scenario one = with(new ScenarioNode("delay-a", NodeCatalog.LABEL_DELAY, Map.of(), 0, 0));
        List<ScenarioNode> nodes = new ArrayList<>(one.nodes());
        nodes.add(new ScenarioNode("delay-b", NodeCatalog.LABEL_DELAY, Map.of(), 0, 0));
        assertThat(ScenarioValidator.problems(new Scenario("", "", 1, nodes, one.edges()))).containsExactly(
                "node delay-b: a scenario takes at most one Label delay node");
    }

    @Test
    void scenarioWithoutAModelIsRefused() {
        List<ScenarioNode> nodes = SAMPLE.nodes().stream().filter(n -> !n.type().startsWith("model.")).toList();
        List<ScenarioEdge> edges = SAMPLE.edges().stream()
                .filter(e -> !e.from().equals("credit-model") && !e.to().equals("credit-model")).toList();
        assertThat(ScenarioValidator.problems(new Scenario("", "", 1, nodes, edges)))
                .containsExactly("node (scenario): needs a model node");
    }

    @Test
    void everyCatalogTypeIsDocumentedForThePalette() {
        for (NodeType type : NodeCatalog.all()) {
            assertThat(type.group()).as(type.type()).isNotBlank();
            assertThat(type.title()).as(type.type()).isNotBlank();
            assertThat(type.description()).as(type.type()).isNotBlank().doesNotContain("\n");
            assertThat(type.inputs().size() + type.outputs().size()).as(type.type()).isPositive();
            for (NodeType.ParamSpec param : type.params()) {
                assertThat(param.help()).as(type.type() + "." + param.name()).isNotBlank();
                if (param.defaultValue() instanceof Number number && param.min() != null) {
                    assertThat(number.doubleValue()).as(type.type() + "." + param.name()).isGreaterThanOrEqualTo(param.min());
                }
                if (param.defaultValue() instanceof String text && !param.choices().isEmpty()) {
                    assertThat(param.choices()).as(type.type() + "." + param.name()).contains(text);
                }
            }
        }
        assertThat(NodeCatalog.all()).extracting(NodeType::type).doesNotHaveDuplicates();
    }

    @Test
    void operationsConnectThroughTypedPorts() {
        assertThat(NodeCatalog.connectionProblem(NodeCatalog.LOGISTIC_MODEL, NodeCatalog.PERFORMANCE_MONITOR)).isEmpty();
        assertThat(NodeCatalog.connectionProblem(NodeCatalog.PERFORMANCE_MONITOR, NodeCatalog.RETRAIN_POLICY)).isEmpty();
        assertThat(NodeCatalog.connectionProblem(NodeCatalog.RETRAIN_POLICY, NodeCatalog.LOGISTIC_MODEL)).isEmpty();
        assertThat(NodeCatalog.connectionProblem(NodeCatalog.SEA_SOURCE, NodeCatalog.PRIOR_SHIFT)).isEmpty();
        assertThat(NodeCatalog.connectionProblem(NodeCatalog.RETRAIN_POLICY, NodeCatalog.PRIOR_SHIFT))
                .hasValue("Retrain gives actions but Prior (label) shift takes batch");
    }
}
