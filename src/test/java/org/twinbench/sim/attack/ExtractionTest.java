package org.twinbench.sim.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.twinbench.testing.Nodes.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.Seeds;
import org.twinbench.stats.WilsonInterval;

/**
 * Model extraction through a deployment node, on generated data with a known linear rule and on scikit-learn's
 * breast cancer data. Fidelities are averaged over replicates and compared with the tolerance of a 95% Wilson
 * interval on the rows they were measured on.
 */
class ExtractionTest {

    private static final int REPLICATES = 4;
    private static final int BATCH = 500;

    @TempDir
    Path dir;

    /** 8,000 rows: x1..x3 normal, a region with 3 values, y drawn from a logistic rule of them. */
    private void writeGenerated() throws IOException {
        SplittableRandom random = new SplittableRandom(24);
        String[] regions = {"north", "south", "east"};
        double[] effect = {0.8, -0.4, 0};
        List<String> lines = new ArrayList<>(List.of("x1,x2,x3,region,y"));
        for (int i = 0; i < 8000; i++) {
            double x1 = Seeds.gaussian(random);
            double x2 = Seeds.gaussian(random);
            double x3 = Seeds.gaussian(random);
            int region = random.nextInt(3);
            double z = 2 * x1 - 1.5 * x2 + 0.5 * x3 + effect[region];
            String y = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? "yes" : "no";
            lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%s,%s", x1, x2, x3, regions[region], y));
        }
        Files.write(dir.resolve("generated.csv"), lines);
    }

    private static Scenario scenario(String file, long steps, ScenarioNode model, Map<String, Object> defences,
                                     Object... attack) {
        return ExtractionRuns.scenario(file, BATCH, steps, model, defences, attack);
    }

    private static ScenarioNode linearModel() {
        return node("model", NodeCatalog.LOGISTIC_MODEL, "target", "y", "features",
                List.of("x1", "x2", "x3", "region"), "positive", "yes");
    }

    private RunOutcome run(Scenario scenario) {
        return ExtractionRuns.run(dir, scenario, REPLICATES);
    }

    /** A measure of every step, averaged over the replicates. */
    private static double[] mean(RunOutcome outcome, String measure) {
        return ExtractionRuns.mean(outcome, measure);
    }

    /** The 95% Wilson interval of a fidelity measured on every replicate's batch. */
    private static double[] interval(double fidelity) {
        return WilsonInterval.of(fidelity, REPLICATES * BATCH);
    }

    @Test
    void aLinearModelAnsweringScoresIsExtractedNearPerfectly() throws IOException {
        writeGenerated();
        for (String queries : List.of("reference", "uniform")) {
            RunOutcome outcome = run(scenario("generated.csv", 5, linearModel(), Map.of(), "budget", 20L,
                    "queries", queries));
            double[] fidelity = mean(outcome, "thief.fidelity");
            // 7 weights and 20 exact answers: the equation-solving attack recovers the rule itself.
            assertThat(fidelity[0]).as(queries).isGreaterThan(0.99);
            assertThat(fidelity[4]).as(queries).isGreaterThan(0.995);
            assertThat(mean(outcome, "thief.queries")).containsExactly(20, 40, 60, 80, 100);
        }
    }

    @Test
    void fidelityRisesWithTheBudgetAndTopOneLabelsSlowIt() throws IOException {
        writeGenerated();
        RunOutcome labels = run(scenario("generated.csv", 30, linearModel(), Map.of("answers", "label"),
                "budget", 4L));
        RunOutcome scores = run(scenario("generated.csv", 30, linearModel(), Map.of(), "budget", 4L));
        double[] fromLabels = mean(labels, "thief.fidelity");
        double[] fromScores = mean(scores, "thief.fidelity");
        // Monotone in expectation: no later checkpoint is below an earlier one by more than its 95% interval.
        int[] checkpoints = {0, 2, 5, 10, 20, 29};
        for (int a = 0; a < checkpoints.length; a++) {
            for (int b = a + 1; b < checkpoints.length; b++) {
                assertThat(fromLabels[checkpoints[b]]).as("%d vs %d queries", 4 * (checkpoints[b] + 1),
                        4 * (checkpoints[a] + 1)).isGreaterThanOrEqualTo(interval(fromLabels[checkpoints[a]])[0]);
            }
        }
        // And it does rise: 120 labels give a surrogate clearly closer than 4 do.
        assertThat(interval(fromLabels[29])[0]).isGreaterThan(interval(fromLabels[0])[1]);
        assertThat(fromLabels[29]).isGreaterThan(0.9);
        // Top-1 labels only: after 12 queries the copy from labels is clearly worse than the copy from scores.
        assertThat(interval(fromLabels[2])[1]).isLessThan(interval(fromScores[2])[0]);
        assertThat(fromScores[2]).isGreaterThan(0.99);
        // The surrogate's own accuracy ends near the deployed model's (both against the true labels).
        double[] accuracy = mean(labels, "thief.surrogate_accuracy");
        double deployed = labels.replicates().stream().mapToDouble(r -> r.get(29).overall().accuracy()).average()
                .orElseThrow();
        assertThat(accuracy[29]).isBetween(deployed - 0.05, deployed + 0.01);
    }

    @Test
    void aRateLimitAnswersOnlySoManyQueriesAStep() throws IOException {
        writeGenerated();
        RunOutcome limited = run(scenario("generated.csv", 6, linearModel(),
                Map.of("answers", "label", "query_limit", 2L), "budget", 20L));
        assertThat(mean(limited, "thief.queries")).containsExactly(2, 4, 6, 8, 10, 12);
        RunOutcome free = run(scenario("generated.csv", 6, linearModel(), Map.of("answers", "label"),
                "budget", 20L));
        assertThat(interval(mean(limited, "thief.fidelity")[5])[1])
                .isLessThan(interval(mean(free, "thief.fidelity")[5])[0]);
    }

    @Test
    void roundedAnswersLieBetweenScoresAndLabels() throws IOException {
        writeGenerated();
        double rounded = mean(run(scenario("generated.csv", 3, linearModel(), Map.of("answers", "rounded",
                "answer_decimals", 1L), "budget", 4L)), "thief.fidelity")[2];
        double labels = mean(run(scenario("generated.csv", 3, linearModel(), Map.of("answers", "label"),
                "budget", 4L)), "thief.fidelity")[2];
        double scores = mean(run(scenario("generated.csv", 3, linearModel(), Map.of(), "budget", 4L)),
                "thief.fidelity")[2];
        assertThat(rounded).isGreaterThanOrEqualTo(interval(labels)[0]).isLessThanOrEqualTo(interval(scores)[1]);
    }

    @Test
    void breastCancerModelIsCopiedFromItsTopOneAnswers() throws IOException {
        Files.copy(Path.of("src/test/resources/mission/breast.csv"), dir.resolve("breast.csv"));
        List<String> features = List.of("mean_radius", "mean_texture", "mean_smoothness", "mean_concave_points",
                "worst_radius", "worst_texture", "worst_concavity", "area_error");
        ScenarioNode model = node("model", NodeCatalog.LOGISTIC_MODEL, "target", "diagnosis", "features", features,
                "positive", "malignant");
        RunOutcome outcome = run(scenario("breast.csv", 20, model, Map.of("answers", "label"), "budget", 5L));
        double[] fidelity = mean(outcome, "thief.fidelity");
        assertThat(interval(fidelity[19])[0]).isGreaterThan(interval(fidelity[0])[1]);
        assertThat(fidelity[19]).isGreaterThan(0.9);
        double deployed = outcome.replicates().stream().mapToDouble(r -> r.get(19).overall().accuracy()).average()
                .orElseThrow();
        assertThat(mean(outcome, "thief.surrogate_accuracy")[19]).isGreaterThan(deployed - 0.06);
    }

    @Test
    void anAttackNeedsADeploymentAndAClassifier() throws IOException {
        writeGenerated();
        Scenario unconnected = new Scenario("x", "", 1, List.of(
                node("data", NodeCatalog.DATASET_SOURCE, "path", "generated.csv"), linearModel(),
                node("thief", NodeCatalog.EXTRACTION_ATTACK)),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "thief")));
        assertThatThrownBy(() -> ScenarioCompiler.compile(unconnected, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("node thief")
                .hasMessageContaining("deployment.endpoint");
        Path engine = Path.of("src/test/resources/tasks/engine");
        Files.copy(engine.resolve("diabetes-replay.csv"), dir.resolve("diabetes.csv"));
        Files.copy(engine.resolve("diabetes-linear.twinmodel"), dir.resolve("diabetes.twinmodel"));
        Scenario regression = scenario("diabetes.csv", 2, node("model", NodeCatalog.MODEL_BUNDLE, "path",
                "diabetes.twinmodel"), Map.of());
        assertThatThrownBy(() -> ScenarioCompiler.compile(regression, dir, new RunListener() { }))
                .hasMessageContaining("node thief")
                .hasMessageContaining("a model of amounts is copied by ridge or tree");
    }
}
