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

    @Test
    void scenarioWideProblemsNameTheNodesToShow() {
        Scenario sample = SampleScenarios.loansRecession(1);
        Scenario twoSources = GraphEdits.add(sample, new org.twinbench.scenario.ScenarioNode("more-loans",
                "source.dataset", java.util.Map.of("path", "loans.csv"), 0, 0));
        assertThat(ScenarioProblems.of(twoSources).scenarioWide(twoSources)).containsExactly(
                new ScenarioProblems.Finding("needs exactly one source node, found 2", java.util.List.of("loans", "more-loans")));
        assertThat(ScenarioProblems.of(ScenarioDocument.EMPTY).scenarioWide(ScenarioDocument.EMPTY)).containsExactly(
                new ScenarioProblems.Finding("needs exactly one source node, found 0", java.util.List.of()),
                new ScenarioProblems.Finding("needs a model node", java.util.List.of()));
    }

    @Test
    void aCycleIsAScenarioWideProblemAboutTheNodeWhereItWasFound() {
        Scenario sample = SampleScenarios.loansRecession(1);
        java.util.List<ScenarioEdge> edges = new java.util.ArrayList<>(sample.edges());
        edges.add(new ScenarioEdge("new-region", "recession"));
        Scenario cyclic = new Scenario(sample.name(), sample.description(), sample.seed(), sample.nodes(), edges);
        // loans feeds recession, which feeds new-region, which feeds recession again: Kahn's algorithm
        // stops with recession, new-region and everything below them left; recession comes first in the file.
        assertThat(ScenarioProblems.of(cyclic).scenarioWide(cyclic)).containsExactly(new ScenarioProblems.Finding(
                "recession is part of a cycle; a scenario must be a directed acyclic graph", java.util.List.of("recession")));
    }

    @Test
    void theInspectorSaysAParametersProblemWithoutTheCommandLinesPrefix() {
        String column = "parameter column: \"region\" is text; Covariate shift needs a numeric column";
        assertThat(ScenarioProblems.underField(column, "column"))
                .isEqualTo("\"region\" is text; Covariate shift needs a numeric column");
        assertThat(ScenarioProblems.plain(column))
                .isEqualTo("column: \"region\" is text; Covariate shift needs a numeric column");
        String share = "parameter 'reference_share' must be between 0 and 1, not 1.5";
        assertThat(ScenarioProblems.underField(share, "reference_share"))
                .isEqualTo("reference_share must be between 0 and 1, not 1.5");
        assertThat(ScenarioProblems.plain(share)).isEqualTo("reference_share must be between 0 and 1, not 1.5");
        // Another parameter's problem, or one of the whole node, is left as it is.
        assertThat(ScenarioProblems.underField(column, "scale")).isEqualTo(column);
        assertThat(ScenarioProblems.plain("needs a model node")).isEqualTo("needs a model node");
    }
}
