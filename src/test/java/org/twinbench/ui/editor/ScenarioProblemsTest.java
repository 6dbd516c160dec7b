package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;

class ScenarioProblemsTest {

    @Test
    void theSampleHasNoProblems() {
        assertThat(ScenarioProblems.of(SampleScenarios.loansRecession(1)).isEmpty()).isTrue();
    }

    @Test
    void problemsAreSortedToTheirNodeEdgeOrTheWholeScenario() {
        Scenario broken = GraphEdits.connect(
                GraphEdits.setParam(SampleScenarios.loansRecession(1), "recession", "scale", "big"),
                "credit-model", "recession");
        ScenarioProblems problems = ScenarioProblems.of(broken);
        assertThat(problems.byEdge()).containsEntry(new ScenarioEdge("credit-model", "recession"),
                "Logistic regression gives scored but Covariate shift takes batch");
        assertThat(problems.ofParam("recession", "scale")).containsExactly("parameter 'scale' must be a number, not 'big'");
        assertThat(problems.byNode()).containsOnlyKeys("recession");
        assertThat(problems.general()).isEmpty();
    }

    @Test
    void anEmptyScenarioLacksASourceAndAModel() {
        ScenarioProblems problems = ScenarioProblems.of(ScenarioDocument.EMPTY);
        assertThat(problems.general()).containsExactly("needs exactly one source node, found 0", "needs a model node");
        assertThat(problems.byNode()).isEmpty();
    }
}
