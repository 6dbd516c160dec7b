package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.source.SeaGenerator;
import org.twinbench.sim.source.SyntheticSource;

/** A challenger node can be any kind of model: trained (logistic, forest, boosting) or loaded from a file. */
class ChallengerNodeTest {

    @TempDir
    Path dir;

    /** SEA stream without drift; the champion sees only x3, which the class ignores. */
    private static Scenario scenario(Map<String, Object> challengerParams) {
        Map<String, Object> sea = new LinkedHashMap<>(Map.of("function", 1L, "drift_to", 1L, "noise", 0.0,
                "batch_size", 300L, "steps", 10L, "reference_rows", 2000L));
        Map<String, Object> challenger = new LinkedHashMap<>(challengerParams);
        challenger.put("traffic_share", 0.3);
        return new Scenario("A/B", "", 11, List.of(
                new ScenarioNode("sea", NodeCatalog.SEA_SOURCE, sea, 0, 0),
                new ScenarioNode("champion", NodeCatalog.LOGISTIC_MODEL, Map.of("target", "class",
                        "features", List.of("x3"), "positive", "1"), 0, 0),
                new ScenarioNode("challenger", NodeCatalog.CHALLENGER, challenger, 0, 0),
                new ScenarioNode("promote", NodeCatalog.PROMOTE_POLICY, Map.of("alpha", 0.01, "min_rows", 200L), 0, 0),
                new ScenarioNode("accuracy", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of()), 0, 0)),
                List.of(new ScenarioEdge("sea", "champion"), new ScenarioEdge("sea", "challenger"),
                        new ScenarioEdge("champion", "promote"), new ScenarioEdge("challenger", "promote"),
                        new ScenarioEdge("champion", "accuracy")));
    }

    private static List<StepResult> run(SimulationPlan plan) {
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    private static void assertPromotedAndAccurate(List<StepResult> steps) {
        assertThat(steps.get(0).measures().get("challenger.accuracy")).isGreaterThan(0.9);
        assertThat(steps.get(0).measures().get("champion.accuracy")).isLessThan(0.8);
        assertThat(steps.stream().flatMap(s -> s.alarms().stream()).map(Alarm::kind)).containsExactly(Alarm.PROMOTE);
        assertThat(steps.get(steps.size() - 1).overall().accuracy()).isGreaterThan(0.9);
    }

    @Test
    void aTrainedRandomForestChallengerServesItsShareAndIsPromoted() {
        SimulationPlan plan = ScenarioCompiler.compile(scenario(Map.of("algorithm", "random-forest",
                "features", List.of("x1", "x2"), "trees", 20L)), dir, new RunListener() { });
        assertThat(plan.challenger().model().card().algorithm()).isEqualTo("random-forest");
        assertPromotedAndAccurate(run(plan));
    }

    @Test
    void aRandomForestChallengerFromATwinmodelFileIsLoadedAndPromoted() {
        SyntheticSource source = new SyntheticSource("sea", new SeaGenerator(1, 1, 0.0), 300, null);
        BinaryClassifier forest = ModelTrainer.train(source.reference(2000, 3), new TrainingOptions(
                Algorithm.RANDOM_FOREST, "class", List.of("x1", "x2"), "1", 3, 20, "sea"));
        ModelBundle.write(forest, dir.resolve("forest.twinmodel"));
        SimulationPlan plan = ScenarioCompiler.compile(scenario(Map.of("path", "forest.twinmodel")), dir,
                new RunListener() { });
        assertThat(plan.challenger().model().card().algorithm()).isEqualTo("random-forest");
        assertPromotedAndAccurate(run(plan));
    }

    @Test
    void aChallengerNeedsAModelFileOrFeatures() {
        assertThatThrownBy(() -> ScenarioCompiler.compile(scenario(Map.of("algorithm", "gradient-boosting")), dir,
                new RunListener() { })).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("node challenger").hasMessageContaining("features");
        assertThatThrownBy(() -> ScenarioCompiler.compile(scenario(Map.of("path", "missing.twinmodel")), dir,
                new RunListener() { })).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("node challenger").hasMessageContaining("not found");
    }
}
