package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * Epoch sampling, importance resampling and a random-forest challenger keep the engine's promise:
 * the same scenario and seed give the same steps with 1 thread or 2.
 */
class NewOptionsDeterminismTest {

    @TempDir
    Path dir;

    @Test
    void epochsResamplingAndAForestChallengerGiveTheSameStepsOnOneAndTwoThreads() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 4_000, 3);
        Scenario base = SampleScenarios.loansRecession(8);
        List<ScenarioNode> nodes = new ArrayList<>();
        for (ScenarioNode node : base.nodes()) {
            if (node.id().equals("loans")) {
                nodes.add(node.withParam("sampling", "epochs").withParam("steps", 12L).withParam("batch_size", 300L));
            } else if (node.id().equals("recession")) {
                Map<String, Object> params = new LinkedHashMap<>(node.params());
                params.put("mode", "resample");
                params.put("mean_shift", -5000.0);
                nodes.add(new ScenarioNode(node.id(), node.type(), params, node.x(), node.y()));
            } else {
                nodes.add(node);
            }
        }
        nodes.add(new ScenarioNode("challenger", NodeCatalog.CHALLENGER, Map.of("algorithm", "random-forest",
                "features", List.of("income", "debt_to_income", "credit_history_years"), "trees", 10L,
                "traffic_share", 0.3), 0, 0));
        List<ScenarioEdge> edges = new ArrayList<>(base.edges());
        edges.add(new ScenarioEdge("new-region", "challenger"));
        Scenario scenario = new Scenario(base.name(), base.description(), base.seed(), nodes, edges);
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });

        List<List<StepResult>> one = Experiment.run(plan, 2, 1, new RunListener() { }, new RunControl()).replicates();
        List<List<StepResult>> two = Experiment.run(plan, 2, 2, new RunListener() { }, new RunControl()).replicates();
        assertThat(two).hasSize(2);
        for (int r = 0; r < 2; r++) {
            assertThat(two.get(r)).hasSize(12);
            for (int s = 0; s < 12; s++) {
                assertThat(two.get(r).get(s).overall().asMap()).isEqualTo(one.get(r).get(s).overall().asMap());
                assertThat(two.get(r).get(s).measures()).isEqualTo(one.get(r).get(s).measures())
                        .containsKey("challenger.accuracy");
            }
        }
        assertThat(one.get(0).get(5).overall().asMap()).as("replicates differ")
                .isNotEqualTo(one.get(1).get(5).overall().asMap());
    }
}
