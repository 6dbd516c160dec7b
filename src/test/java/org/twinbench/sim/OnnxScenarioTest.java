package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.model.OnnxTaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * Scenarios with ONNX models the exporters write (the breast cancer models of
 * {@code make_exported_onnx.py}): a model that gives labels only runs, but CBPE is refused naming its node;
 * a check and the compile after it open each model file once.
 */
class OnnxScenarioTest {

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource("/onnx-exported/" + name).toURI());
        return Files.copy(from, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** breast-cancer.csv → model of {@code file} → a performance monitor, and CBPE when asked. */
    private Scenario scenario(String file, boolean cbpe) throws IOException, URISyntaxException {
        copy("breast-cancer.csv");
        copy(file);
        copy(file + ".json");
        ScenarioNode source = new ScenarioNode("patients", NodeCatalog.DATASET_SOURCE, Map.of("path", "breast-cancer.csv",
                "batch_size", 50L, "steps", 5L, "reference_share", 0.4), 0, 0);
        ScenarioNode model = new ScenarioNode("diagnosis-model", NodeCatalog.ONNX_MODEL, Map.of("path", file), 200, 0);
        ScenarioNode watch = new ScenarioNode("accuracy-watch", NodeCatalog.PERFORMANCE_MONITOR, Map.of(), 400, 0);
        ScenarioNode estimate = new ScenarioNode("estimated-accuracy", NodeCatalog.CBPE_MONITOR, Map.of(), 400, 100);
        List<ScenarioNode> nodes = cbpe ? List.of(source, model, watch, estimate) : List.of(source, model, watch);
        List<ScenarioEdge> edges = cbpe ? List.of(new ScenarioEdge("patients", "diagnosis-model"),
                new ScenarioEdge("diagnosis-model", "accuracy-watch"), new ScenarioEdge("diagnosis-model",
                        "estimated-accuracy"))
                : List.of(new ScenarioEdge("patients", "diagnosis-model"),
                        new ScenarioEdge("diagnosis-model", "accuracy-watch"));
        return new Scenario("onnx", "", 1, nodes, edges);
    }

    @Test
    void aLabelsOnlyModelRunsButCbpeIsRefusedNamingTheNodeAndTheOutput() throws Exception {
        Scenario withCbpe = scenario("breast-cancer-labels.onnx", true);
        String line = "node estimated-accuracy (monitor.cbpe): cannot estimate performance: the model of node "
                + "diagnosis-model gives class labels only (output 'output_label'), no probabilities to calibrate; use "
                + "a model with a probability output, or monitor.performance on arriving labels";
        assertThat(ScenarioCheck.check(withCbpe, dir).lines()).containsExactly(line);
        assertThatThrownBy(() -> ScenarioCompiler.compile(withCbpe, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class).hasMessage(line);

        Scenario plain = scenario("breast-cancer-labels.onnx", false);
        assertThat(ScenarioCheck.check(plain, dir).lines()).isEmpty();
        SimulationPlan plan = ScenarioCompiler.compile(plain, dir, new RunListener() { });
        List<StepResult> steps = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
        assertThat(steps).hasSize(5);
        // the labels agree with the diagnosis on 98.1% of all 569 rows (scikit-learn's predict, which ONNX
        // Runtime matched on every row); a step of 50 rows drawn from them cannot fall to 80% by chance
        assertThat(steps).allSatisfy(step -> assertThat(step.overall().accuracy()).isGreaterThan(0.8));
    }

    @Test
    void theCheckAndTheCompileAfterItReadTheModelFileOnce() throws Exception {
        Scenario scenario = scenario("breast-cancer-logistic.onnx", true);
        try (OpenedModels models = new OpenedModels()) {
            SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { }, models);
            assertThat(models.reads()).isEqualTo(1);
            assertThat(plan.model().card().algorithm()).isEqualTo("onnx");
        }
        // a file changed between the check and the compile is read again
        try (OpenedModels models = new OpenedModels()) {
            Path file = dir.resolve("breast-cancer-logistic.onnx");
            models.get(file);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(file).toMillis() - 60_000));
            ((OnnxTaskModel) models.take(file)).close();
            assertThat(models.reads()).isEqualTo(2);
        }
    }
}
