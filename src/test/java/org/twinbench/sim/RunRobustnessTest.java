package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.twinbench.testing.Nodes.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.LogisticModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * A run's {@code metrics.robustness} node: the profile of the model serving at the end, on the last labelled rows,
 * overall and per slice (a categorical column by its values, a numeric one in quantile ranges), against a known
 * decision boundary and against the exact crossing of a logistic model on scikit-learn's breast cancer data.
 */
class RunRobustnessTest {

    @TempDir
    Path dir;

    private static Scenario scenario(ScenarioNode source, ScenarioNode model, ScenarioNode robustness) {
        return new Scenario("robustness", "", 7, List.of(source, model, robustness),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", robustness.id())));
    }

    private RunOutcome run(Scenario scenario) {
        return Experiment.run(ScenarioCompiler.compile(scenario, dir, new RunListener() { }), 2, 1,
                new RunListener() { }, new RunControl());
    }

    /**
     * y = (x1 &gt; 0), x1 standard normal, x2 noise, g in {a, b} at random: shifting x1 by s sd either way costs
     * Φ(0) − Φ(−s) of the accuracy, so a drop of 0.2 needs s = −Φ⁻¹(0.3) = 0.5244 (scipy.stats.norm.ppf(0.3) =
     * −0.5244005) overall and in every slice; x2 and g do not matter.
     */
    @Test
    void findsTheKnownBoundaryOverallAndInEverySlice() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        List<String> lines = new ArrayList<>(List.of("x1,x2,g,y"));
        for (int i = 0; i < 20000; i++) {
            double x1 = Seeds.gaussian(random);
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%s,%s", x1, Seeds.gaussian(random),
                    random.nextBoolean() ? "a" : "b", x1 > 0 ? "yes" : "no"));
        }
        Files.write(dir.resolve("boundary.csv"), lines);
        RunOutcome outcome = run(scenario(
                node("data", NodeCatalog.DATASET_SOURCE, "path", "boundary.csv", "batch_size", 500L, "steps", 12L),
                node("model", NodeCatalog.LOGISTIC_MODEL, "target", "y", "features", List.of("x1", "x2", "g"),
                        "positive", "yes"),
                node("profile", NodeCatalog.ROBUSTNESS, "drop", 0.2, "rows", 4000L, "slices", List.of("g", "x2"),
                        "bins", 2L)));
        RunRobustness found = outcome.robustness();
        assertThat(found).isNotNull();
        assertThat(found.retrained()).isFalse();
        assertThat(found.fromStep()).isEqualTo(4);
        assertThat(found.overall().rows()).isEqualTo(4000);
        assertThat(found.overall().level()).isGreaterThan(0.98);
        List<RobustnessProfile> groups = new ArrayList<>(List.of(found.overall()));
        groups.addAll(found.slices());
        assertThat(found.slices()).extracting(RobustnessProfile::column).containsExactly("g", "g", "x2", "x2");
        assertThat(found.slices().get(2).value()).startsWith("< ");
        assertThat(found.slices().get(3).value()).startsWith(">= ");
        for (RobustnessProfile g : groups) {
            RobustnessProfile.Feature x1 = g.features().get(0);
            System.out.printf("known boundary, %s=%s (%d rows): x1 shift up %.4f, down %.4f sd (expected 0.5244)%n",
                    g.column(), g.value(), g.rows(), x1.shiftUp(), x1.shiftDown());
            assertThat(x1.feature()).isEqualTo("x1");
            // 2,000 rows: the share of rows in (−s, 0) has sd 0.009, i.e. 0.025 sd of shift.
            assertThat(x1.shiftUp()).isCloseTo(0.5244, within(0.08));
            assertThat(x1.shiftDown()).isCloseTo(0.5244, within(0.08));
            assertThat(x1.scaleUp()).isNaN();
            for (RobustnessProfile.Feature other : g.features().subList(1, g.features().size())) {
                assertThat(other.weakest()).as(other.feature()).isInfinite();
            }
        }
    }

    /**
     * Breast cancer (scikit-learn's), its last 284 rows replayed once (the first 285 are the reference the logistic
     * model is trained on): the run's shift of {@code worst_radius} equals the exact crossing on those rows, overall
     * and in each half of {@code mean_area} cut at those rows' median (numpy.quantile's linear rule).
     */
    @Test
    void breastCancerProfileMatchesTheExactCrossingOnTheReplayedRows() throws IOException {
        Files.copy(Path.of("src/test/resources/mission/breast.csv"), dir.resolve("breast.csv"));
        Scenario scenario = scenario(
                node("data", NodeCatalog.DATASET_SOURCE, "path", "breast.csv", "batch_size", 284L, "steps", 1L,
                        "sampling", "epochs"),
                node("model", NodeCatalog.LOGISTIC_MODEL, "target", "diagnosis", "features",
                        List.of("worst_radius", "mean_texture", "worst_smoothness"), "positive", "malignant"),
                node("profile", NodeCatalog.ROBUSTNESS, "drop", 0.1, "slices", List.of("mean_area"), "bins", 2L));
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunRobustness found = outcome.robustness();
        Frame all = TableLoader.load(dir.resolve("breast.csv")).frame();
        Frame replayed = all.slice(285, 569);
        LogisticModel model = (LogisticModel) plan.model();
        int[] labels = BinaryLabels.encode(replayed.column("diagnosis"), "malignant");
        assertThat(found.overall().rows()).isEqualTo(284);
        check("all rows", found.overall(), model, replayed, labels);
        double[] area = replayed.numeric("mean_area").values();
        double[] sorted = area.clone();
        Arrays.sort(sorted);
        double median = (sorted[141] + sorted[142]) / 2;
        assertThat(found.slices()).hasSize(2);
        for (RobustnessProfile slice : found.slices()) {
            boolean below = slice.value().startsWith("<");
            int[] rows = IntStream.range(0, area.length).filter(i -> below == area[i] < median).toArray();
            check("mean_area " + slice.value(), slice, model, replayed.select(rows),
                    Arrays.stream(rows).map(i -> labels[i]).toArray());
        }
    }

    private static void check(String what, RobustnessProfile profile, LogisticModel model, Frame rows, int[] labels) {
        double expected = ExactCrossing.shiftUp(model, rows, labels, 0, 0.1, 5);
        RobustnessProfile.Feature radius = profile.features().stream()
                .filter(f -> f.feature().equals("worst_radius")).findFirst().orElseThrow();
        System.out.printf("breast cancer run, %s (%d rows): worst_radius shift up %.6f sd, exact %.6f%n", what,
                profile.rows(), radius.shiftUp(), expected);
        assertThat(profile.rows()).as(what).isEqualTo(labels.length);
        assertThat(expected).as(what).isNotNaN();
        assertThat(radius.shiftUp()).as(what).isCloseTo(expected, within(1e-6));
    }

    @Test
    void aLoggedModelOfAnyTaskIsRefusedNamingTheNode() throws IOException {
        List<String> lines = new ArrayList<>(List.of("x,amount,label,score"));
        for (int i = 0; i < 40; i++) {
            lines.add(i + "," + 2 * i + "," + (i % 2 == 0 ? "yes" : "no") + ",0." + (i % 10));
        }
        Files.write(dir.resolve("logged.csv"), lines);
        Scenario regression = scenario(node("data", NodeCatalog.DATASET_SOURCE, "path", "logged.csv"),
                node("model", NodeCatalog.LOGGED_MODEL, "target", "amount", "score_column", "score"),
                node("profile", NodeCatalog.ROBUSTNESS));
        Scenario logged = scenario(node("data", NodeCatalog.DATASET_SOURCE, "path", "logged.csv"),
                node("model", NodeCatalog.LOGGED_MODEL, "target", "label", "score_column", "score", "positive", "yes"),
                node("profile", NodeCatalog.ROBUSTNESS));
        assertThatThrownBy(() -> ScenarioCompiler.compile(regression, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("node profile")
                .hasMessageContaining("logged scores");
        assertThatThrownBy(() -> ScenarioCompiler.compile(logged, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("node profile")
                .hasMessageContaining("logged scores");
    }
}
