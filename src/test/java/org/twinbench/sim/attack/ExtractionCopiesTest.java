package org.twinbench.sim.attack;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.Seeds;
import org.twinbench.stats.WilsonInterval;

/**
 * Extraction of multiclass models and with a tree copy: on generated rows with a known three-class softmax rule
 * (a multinomial logistic model deployed), on scikit-learn's wine data (three cultivars, a multinomial logistic
 * model from its bundle) answering labels only, and a tree surrogate against an axis-aligned binary rule, which
 * one cut draws. Fidelities are means over replicates, compared with the
 * tolerance of a 95% Wilson interval.
 */
class ExtractionCopiesTest {

    private static final int REPLICATES = 4;
    private static final int BATCH = 300;

    @TempDir
    Path dir;

    /** 6,000 rows: x1, x2 normal; class a, b or c drawn from softmax(2 x1, 2 x2, -1.5 (x1 + x2)). */
    private void writeThreeClasses() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> lines = new ArrayList<>(List.of("x1,x2,kind"));
        for (int i = 0; i < 6000; i++) {
            double x1 = Seeds.gaussian(random);
            double x2 = Seeds.gaussian(random);
            double[] z = {2 * x1, 2 * x2, -1.5 * (x1 + x2)};
            double total = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
            double u = random.nextDouble() * total;
            String kind = u < Math.exp(z[0]) ? "a" : u < Math.exp(z[0]) + Math.exp(z[1]) ? "b" : "c";
            lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%s", x1, x2, kind));
        }
        Files.write(dir.resolve("three.csv"), lines);
    }

    /** 6,000 rows: x1, x2 normal; y = yes with probability σ(6 (x1 - 0.5)), a rule along one axis. */
    private void writeAxisRule() throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        List<String> lines = new ArrayList<>(List.of("x1,x2,y"));
        for (int i = 0; i < 6000; i++) {
            double x1 = Seeds.gaussian(random);
            double x2 = Seeds.gaussian(random);
            String y = random.nextDouble() < 1 / (1 + Math.exp(-6 * (x1 - 0.5))) ? "yes" : "no";
            lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%s", x1, x2, y));
        }
        Files.write(dir.resolve("axis.csv"), lines);
    }

    private static Scenario scenario(String file, long steps, ScenarioNode model, Map<String, Object> defences,
                                     Object... attack) {
        return ExtractionRuns.scenario(file, BATCH, steps, model, defences, attack);
    }

    private RunOutcome run(Scenario scenario) {
        return ExtractionRuns.run(dir, scenario, REPLICATES);
    }

    private static double[] mean(RunOutcome outcome, String measure) {
        return ExtractionRuns.mean(outcome, measure);
    }

    private static double[] interval(double fidelity, int rows) {
        return WilsonInterval.of(fidelity, REPLICATES * rows);
    }

    @Test
    void aMulticlassModelIsCopiedFromItsProbabilitiesFasterThanFromItsLabels() throws IOException {
        writeThreeClasses();
        ScenarioNode model = node("model", NodeCatalog.LOGISTIC_MODEL, "target", "kind", "features",
                List.of("x1", "x2"));
        RunOutcome scores = run(scenario("three.csv", 12, model, Map.of(), "budget", 5L));
        RunOutcome labels = run(scenario("three.csv", 12, model, Map.of("answers", "label"), "budget", 5L));
        double[] fromScores = mean(scores, "thief.fidelity");
        double[] fromLabels = mean(labels, "thief.fidelity");
        // Three classes by chance agree on about a third; 60 probability answers give the boundaries nearly.
        assertThat(fromScores[11]).isGreaterThan(0.95);
        assertThat(fromLabels[11]).isGreaterThan(0.8);
        assertThat(interval(fromLabels[11], BATCH)[0]).isGreaterThan(interval(fromLabels[0], BATCH)[1]);
        // After 10 answers: top-1 labels give a clearly worse copy than the probabilities.
        assertThat(interval(fromLabels[1], BATCH)[1]).isLessThan(interval(fromScores[1], BATCH)[0]);
        double deployed = scores.replicates().stream().mapToDouble(r -> r.get(11).overall().accuracy())
                .average().orElseThrow();
        assertThat(mean(scores, "thief.surrogate_accuracy")[11]).isGreaterThan(deployed - 0.05);
    }

    @Test
    void wineIsCopiedFromItsTopOneAnswers() throws IOException {
        Path engine = Path.of("src/test/resources/tasks/engine");
        Files.copy(engine.resolve("wine-replay.csv"), dir.resolve("wine.csv"));
        Files.copy(engine.resolve("wine-logistic.twinmodel"), dir.resolve("wine.twinmodel"));
        ScenarioNode model = node("model", NodeCatalog.MODEL_BUNDLE, "path", "wine.twinmodel");
        RunOutcome outcome = run(scenario("wine.csv", 20, model, Map.of("answers", "label"), "budget", 5L));
        double[] fidelity = mean(outcome, "thief.fidelity");
        int rows = outcome.replicates().get(0).get(0).overall().n();
        assertThat(interval(fidelity[19], rows)[0]).isGreaterThan(interval(fidelity[0], rows)[1]);
        assertThat(fidelity[19]).isGreaterThan(0.85);
        assertThat(mean(outcome, "thief.queries")[19]).isEqualTo(100);
    }

    @Test
    void aTreeCopyLearnsAnAxisAlignedRuleFromLabels() throws IOException {
        writeAxisRule();
        ScenarioNode model = node("model", NodeCatalog.LOGISTIC_MODEL, "target", "y", "features",
                List.of("x1", "x2"), "positive", "yes");
        RunOutcome tree = run(scenario("axis.csv", 10, model, Map.of("answers", "label"), "budget", 20L,
                "surrogate", "tree", "surrogate_depth", 3L));
        double[] fidelity = mean(tree, "thief.fidelity");
        // One cut at the model's boundary draws it: 200 labels place the cut within the rows' spacing there.
        assertThat(fidelity[9]).isGreaterThan(0.97);
        assertThat(interval(fidelity[9], BATCH)[0]).isGreaterThan(interval(fidelity[0], BATCH)[1]);
        assertThat(mean(tree, "thief.queries")).containsExactly(20, 40, 60, 80, 100, 120, 140, 160, 180, 200);
    }
}
