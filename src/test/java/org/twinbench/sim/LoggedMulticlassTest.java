package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * A multiclass production log mirrored by a {@code model.logged} node with {@code proba_prefix}: on real
 * public data (scikit-learn's iris, a model fitted and logged in scikit-learn by
 * sample-data/scripts/logged_multiclass_reference.py) each replayed step's metrics, overall and per slice,
 * are scikit-learn's on exactly those rows; a log written from a TwinBench bundle's probabilities (wine)
 * gives the same CBPE estimates and class-mix drift as running the bundle itself; broken logs are refused
 * naming the node, the column or the row, by {@code run} and by {@code validate} alike.
 */
class LoggedMulticlassTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "logged").toAbsolutePath();

    @TempDir
    Path tmp;

    private static ScenarioNode source(String path, long batch, long steps) {
        return new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", path, "batch_size", batch,
                "steps", steps, "reference_share", 0.5, "time_column", "row"), 0, 0);
    }

    private static ScenarioNode logged(String target, String prefix) {
        return new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("target", target,
                "proba_prefix", prefix), 0, 0);
    }

    /** Source, model and the given downstream nodes, each fed by the model. */
    private static Scenario scenario(ScenarioNode source, ScenarioNode model, ScenarioNode... downstream) {
        List<ScenarioNode> nodes = new ArrayList<>(List.of(source, model));
        List<ScenarioEdge> edges = new ArrayList<>(List.of(new ScenarioEdge(source.id(), model.id())));
        for (ScenarioNode node : downstream) {
            nodes.add(node);
            edges.add(new ScenarioEdge(model.id(), node.id()));
        }
        return new Scenario("logged", "", 1, nodes, edges);
    }

    private static List<StepResult> run(Scenario scenario, Path dir) {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    @Test
    void aMirroredIrisLogHasScikitLearnsMetricsOnEveryStep() throws IOException {
        ScenarioNode slices = new ScenarioNode("slices", NodeCatalog.SLICE_METRICS,
                Map.of("slices", List.of("petal_band")), 0, 0);
        Scenario scenario = scenario(source("iris-log.csv", 25, 3), logged("species", "p_"), slices);
        assertThat(ScenarioCheck.check(scenario, DIR).lines()).isEmpty();
        List<StepResult> steps = run(scenario, DIR);
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("iris-log-expected.json").toFile());
        assertThat(steps).hasSize(expected.size()).hasSize(3);
        for (int s = 0; s < steps.size(); s++) {
            StepResult step = steps.get(s);
            assertMetrics(step.overall(), expected.get(s).get("overall"));
            assertThat(step.slices()).hasSize(expected.get(s).size() - 1);
            for (SliceMetrics slice : step.slices()) {
                assertMetrics(slice.metrics(), expected.get(s).get(StepRows.sliceName(slice)));
            }
        }
        // Figures from the reference script: step 0 accuracy 0.8, macro F1 0.704, log loss 0.396.
        assertThat(steps.get(0).overall().get("accuracy")).isCloseTo(0.8, within(1e-12));
    }

    private static void assertMetrics(MetricSet metrics, JsonNode want) {
        assertThat(metrics.names()).isEqualTo(MetricSet.MULTICLASS_NAMES);
        assertThat(metrics.n()).isEqualTo(want.get("n").asInt());
        for (String name : MetricSet.MULTICLASS_NAMES) {
            assertThat(metrics.get(name)).as(name).isCloseTo(want.get(name).asDouble(), within(1e-9));
        }
    }

    @Test
    void aLogOfABundlesProbabilitiesMonitorsLikeTheBundle() throws IOException {
        Path engine = TaskRunsMatchSklearnTest.DIR;
        Frame wine = TableLoader.load(engine.resolve("wine-replay.csv")).frame();
        MulticlassClassifier model = (MulticlassClassifier) ModelFiles.loadAny(engine.resolve("wine-logistic.twinmodel"));
        double[][] proba = model.probabilities(wine);
        List<String> lines = new ArrayList<>(Files.readAllLines(engine.resolve("wine-replay.csv")));
        lines.set(0, lines.get(0) + "," + String.join(",", model.classes().stream().map(c -> "p_" + c).toList()));
        for (int i = 0; i < proba.length; i++) {
            StringBuilder line = new StringBuilder(lines.get(i + 1));
            for (double p : proba[i]) {
                line.append(',').append(p);
            }
            lines.set(i + 1, line.toString());
        }
        Files.write(tmp.resolve("wine-log.csv"), lines);
        Files.copy(engine.resolve("wine-replay.csv"), tmp.resolve("wine-replay.csv"));
        Files.copy(engine.resolve("wine-logistic.twinmodel"), tmp.resolve("wine-logistic.twinmodel"));

        ScenarioNode cbpe = new ScenarioNode("cbpe", NodeCatalog.CBPE_MONITOR, Map.of(), 0, 0);
        ScenarioNode mix = new ScenarioNode("mix", NodeCatalog.PREDICTION_DRIFT, Map.of("statistic", "psi"), 0, 0);
        List<StepResult> mirrored = run(scenario(source("wine-log.csv", 20, 4), logged("cultivar", "p_"), cbpe, mix),
                tmp);
        List<StepResult> modelled = run(scenario(source("wine-replay.csv", 20, 4), new ScenarioNode("deployed",
                NodeCatalog.MODEL_BUNDLE, Map.of("path", "wine-logistic.twinmodel"), 0, 0), cbpe, mix), tmp);
        assertThat(mirrored).hasSize(4).hasSameSizeAs(modelled);
        for (int s = 0; s < mirrored.size(); s++) {
            Map<String, Double> got = mirrored.get(s).measures();
            Map<String, Double> want = modelled.get(s).measures();
            for (String key : List.of("cbpe.estimated_accuracy", "cbpe.estimated_balanced_accuracy",
                    "cbpe.estimated_macro_f1", "mix.score")) {
                assertThat(got.get(key)).as(key + " of step " + s).isNotNull()
                        .isCloseTo(want.get(key), within(1e-9));
            }
            assertThat(got.get("cbpe.estimated_accuracy")).isBetween(0.0, 1.0);
            for (String name : MetricSet.MULTICLASS_NAMES) {
                assertThat(mirrored.get(s).overall().get(name)).as(name)
                        .isCloseTo(modelled.get(s).overall().get(name), within(1e-9));
            }
        }
    }

    /** The iris log with one cell changed (row counted from 1 after the header) or one column dropped. */
    private Path brokenLog(int row, String column, String value, String dropColumn) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("iris-log.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int changed = column == null ? -1 : header.indexOf(column);
        int dropped = dropColumn == null ? -1 : header.indexOf(dropColumn);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(List.of(lines.get(i).split(",", -1)));
            if (i == row && changed >= 0) {
                cells.set(changed, value);
            }
            if (dropped >= 0) {
                cells.remove(dropped);
            }
            out.add(String.join(",", cells));
        }
        Path file = tmp.resolve("broken.csv");
        Files.write(file, out);
        return file;
    }

    private void assertRefused(ScenarioNode model, String... fragments) {
        Scenario scenario = scenario(source("broken.csv", 25, 3), model);
        assertThatThrownBy(() -> run(scenario, tmp)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("node deployed").hasMessageContainingAll(fragments);
        // The engine refuses the log by itself too, as when validation read only the first rows.
        Frame log = TableLoader.load(tmp.resolve("broken.csv")).frame();
        assertThatThrownBy(() -> ScenarioModel.of(model, log, log, 1, "", tmp, new RunListener() { }))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("node deployed")
                .hasMessageContainingAll(fragments);
        List<String> checked = ScenarioCheck.check(scenario, tmp).lines();
        assertThat(checked).hasSize(1);
        assertThat(checked.get(0)).contains("deployed").contains(fragments);
    }

    @Test
    void aClassWithoutAProbabilityColumnIsRefusedNamingTheNode() throws IOException {
        brokenLog(0, null, null, "p_virginica");
        assertRefused(logged("species", "p_"), "no column 'p_virginica'", "class 'virginica' of 'species'");
        assertRefused(logged("species", "proba_"), "no column 'proba_setosa'");
    }

    @Test
    void probabilitiesOutsideZeroAndOneOrNotSummingToOneNameTheRow() throws IOException {
        brokenLog(18, "p_versicolor", "1.5", null);
        assertRefused(logged("species", "p_"), "'p_versicolor' row 18 holds 1.5", "between 0 and 1");
        brokenLog(40, "p_setosa", "0.5", null);
        assertRefused(logged("species", "p_"), "row 40: the 'p_' probabilities sum to ", ", not 1");
        brokenLog(7, "p_setosa", "", null);
        assertRefused(logged("species", "p_"), "'p_setosa' row 7 holds no probability");
    }

    @Test
    void aMulticlassTargetWithoutProbaPrefixIsRefused() throws IOException {
        brokenLog(0, null, null, null);
        ScenarioNode scoreOnly = new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("target", "species",
                "score_column", "p_setosa"), 0, 0);
        assertRefused(scoreOnly, "proba_prefix", "is required");
    }
}
