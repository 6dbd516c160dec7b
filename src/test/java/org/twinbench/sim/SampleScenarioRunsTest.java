package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;

/** The bundled scenarios run on the bundled data and tell the stories they are written for. */
class SampleScenarioRunsTest {

    static final Path SAMPLES = Path.of("sample-data");

    private static RunOutcome run(String file, int steps) {
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(SAMPLES.resolve(file)), SAMPLES,
                new RunListener() { });
        return Experiment.run(steps > 0 ? plan.withSteps(steps) : plan, 1, 1, new RunListener() { }, new RunControl());
    }

    private static double lateAccuracy(RunOutcome outcome) {
        List<StepResult> steps = outcome.replicates().get(0);
        return steps.subList(steps.size() - 10, steps.size()).stream().mapToDouble(s -> s.overall().accuracy())
                .average().orElseThrow();
    }

    @Test
    void retrainingOnAlarmRecoversAccuracyTheUnwatchedModelLoses() {
        RunOutcome without = run(SampleScenarios.LOANS_RECESSION_FILE, 0);
        RunOutcome with = run(SampleScenarios.LOANS_RETRAIN_FILE, 0);
        assertThat(without.alarms()).isEmpty();
        assertThat(with.alarms()).anyMatch(a -> a.kind().equals(Alarm.RETRAIN));
        assertThat(lateAccuracy(with)).isGreaterThan(lateAccuracy(without) + 0.02);
    }

    @Test
    void churnLabelsArriveThreeStepsLate() {
        RunOutcome outcome = run(SampleScenarios.CHURN_PRICE_RISE_FILE, 6);
        List<StepResult> steps = outcome.replicates().get(0);
        assertThat(steps.get(2).measures()).doesNotContainKey("accuracy-watch.observed_accuracy");
        assertThat(steps.get(3).measures()).containsKey("accuracy-watch.observed_accuracy");
    }

    @Test
    void seaDetectorsAlarmAfterTheAbruptDriftNotBefore() {
        RunOutcome outcome = run(SampleScenarios.SEA_DETECTORS_FILE, 30);
        assertThat(outcome.alarms()).isNotEmpty().allMatch(a -> a.step() >= 20);
        assertThat(SampleData.DEFAULT_SEED).isEqualTo(ScenarioFormat.read(SAMPLES.resolve(
                SampleScenarios.SEA_DETECTORS_FILE)).seed());
    }

    @Test
    void challengerAndPromotionCompileFromAScenarioGraph() {
        org.twinbench.scenario.Scenario base = ScenarioFormat.read(SAMPLES.resolve(SampleScenarios.LOANS_RECESSION_FILE));
        List<org.twinbench.scenario.ScenarioNode> nodes = new java.util.ArrayList<>(base.nodes());
        nodes.add(new org.twinbench.scenario.ScenarioNode("challenger", org.twinbench.scenario.NodeCatalog.CHALLENGER,
                java.util.Map.of("features", List.of("income", "debt_to_income"), "traffic_share", 0.3), 0, 0));
        nodes.add(new org.twinbench.scenario.ScenarioNode("promote", org.twinbench.scenario.NodeCatalog.PROMOTE_POLICY,
                java.util.Map.of("alpha", 0.05), 0, 0));
        List<org.twinbench.scenario.ScenarioEdge> edges = new java.util.ArrayList<>(base.edges());
        edges.add(new org.twinbench.scenario.ScenarioEdge("new-region", "challenger"));
        edges.add(new org.twinbench.scenario.ScenarioEdge("challenger", "promote"));
        edges.add(new org.twinbench.scenario.ScenarioEdge("promote", "credit-model"));
        org.twinbench.scenario.Scenario scenario = new org.twinbench.scenario.Scenario("ab", "", 3, nodes, edges);
        assertThat(org.twinbench.scenario.ScenarioValidator.problems(scenario)).isEmpty();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, SAMPLES, new RunListener() { }).withSteps(3);
        assertThat(plan.challenger().model().card().features()).containsExactly("income", "debt_to_income");
        assertThat(plan.model().card().features()).hasSize(8);
        List<StepResult> steps = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
        assertThat(steps.get(0).measures()).containsKeys("champion.accuracy", "challenger.accuracy");
    }
}
