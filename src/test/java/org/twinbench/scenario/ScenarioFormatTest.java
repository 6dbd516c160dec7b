package org.twinbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioFormatTest {

    @Test
    void sampleScenarioSurvivesARoundTrip() {
        Scenario scenario = SampleScenarios.loansRecession(11);
        Scenario back = ScenarioFormat.parse(ScenarioFormat.toJson(scenario), "test");
        assertThat(back).isEqualTo(scenario);
        assertThat(ScenarioValidator.problems(back)).isEmpty();
    }

    @Test
    void newerVersionIsRefusedWithAClearMessage() {
        String json = "{\"format\": \"twinbench.scenario\", \"version\": 99, \"nodes\": [], \"edges\": []}";
        assertThatThrownBy(() -> ScenarioFormat.parse(json, "future.twin.json"))
                .hasMessageContaining("future.twin.json").hasMessageContaining("version 99")
                .hasMessageContaining("newer");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        String json = "{\n  \"format\": \"twinbench.scenario\",\n  \"version\": 1,\n  \"nodes\": [ oops ]\n}";
        assertThatThrownBy(() -> ScenarioFormat.parse(json, "bad.twin.json"))
                .hasMessageStartingWith("bad.twin.json:4:");
    }

    @Test
    void otherJsonIsNotAScenario() {
        assertThatThrownBy(() -> ScenarioFormat.parse("{\"a\": 1}", "x.json"))
                .hasMessageContaining("not a TwinBench scenario");
    }

    @Test
    void validatorNamesTheNodeOfEachProblem() {
        Scenario scenario = SampleScenarios.loansRecession(1);
        Scenario broken = scenario
                .withNode(scenario.node("recession").orElseThrow().withParam("scale", "a lot"))
                .withNode(scenario.node("new-region").orElseThrow().withParam("colour", "red"));
        assertThat(ScenarioValidator.problems(broken)).containsExactlyInAnyOrder(
                "node recession: parameter 'scale' must be a number, not 'a lot'",
                "node new-region: unknown parameter 'colour' for Category mix shift");
    }

    @Test
    void cycleIsReported() {
        Scenario scenario = SampleScenarios.loansRecession(1);
        java.util.List<ScenarioEdge> edges = new java.util.ArrayList<>(scenario.edges());
        edges.add(new ScenarioEdge("new-region", "recession"));
        Scenario cyclic = new Scenario(scenario.name(), "", 1, scenario.nodes(), edges);
        assertThat(ScenarioValidator.problems(cyclic)).singleElement().asString().contains("cycle");
    }

    @Test
    void incompatibleEdgeIsReportedWithTheReason() {
        Scenario scenario = SampleScenarios.loansRecession(1);
        java.util.List<ScenarioEdge> edges = new java.util.ArrayList<>(scenario.edges());
        edges.add(new ScenarioEdge("accuracy-by-region", "recession"));
        Scenario wrong = new Scenario(scenario.name(), "", 1, scenario.nodes(), edges);
        assertThat(ScenarioValidator.problems(wrong)).containsExactly(
                "node recession: cannot take an edge from accuracy-by-region: Slice metrics has no output");
        assertThat(NodeCatalog.connectionProblem(NodeCatalog.DATASET_SOURCE, NodeCatalog.SLICE_METRICS))
                .hasValue("Dataset gives batch but Slice metrics takes scored");
    }
}
