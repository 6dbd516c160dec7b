package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.TestResources;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelException;
import org.twinbench.model.OnnxTaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * The ONNX runtime sessions a plan holds (its champion and a challenger read from files, breast cancer
 * models of {@code make_exported_onnx.py}) are released when the plan is closed, exactly once, and a
 * second compile and run after that opens them anew and gives the same steps; a compile that fails after
 * taking a model closes it too. Sessions are counted with {@link OnnxTaskModel#openSessions()}.
 */
class PlanModelsTest {

    @TempDir
    Path dir;

    /** breast-cancer.csv → the logistic ONNX champion, with the forest ONNX challenger on 30% of rows. */
    private Scenario scenario() throws IOException, URISyntaxException {
        for (String name : List.of("breast-cancer.csv", "breast-cancer-logistic.onnx", "breast-cancer-logistic.onnx.json",
                "breast-cancer-forest.onnx", "breast-cancer-forest.onnx.json")) {
            TestResources.copy("/onnx-exported/", dir, name);
        }
        ScenarioNode source = new ScenarioNode("patients", NodeCatalog.DATASET_SOURCE, Map.of("path", "breast-cancer.csv",
                "batch_size", 40L, "steps", 6L, "reference_share", 0.4), 0, 0);
        ScenarioNode model = new ScenarioNode("diagnosis-model", NodeCatalog.ONNX_MODEL,
                Map.of("path", "breast-cancer-logistic.onnx"), 200, 0);
        ScenarioNode challenger = new ScenarioNode("forest", NodeCatalog.CHALLENGER,
                Map.of("path", "breast-cancer-forest.onnx", "traffic_share", 0.3), 200, 100);
        ScenarioNode watch = new ScenarioNode("accuracy-watch", NodeCatalog.PERFORMANCE_MONITOR, Map.of(), 400, 0);
        return new Scenario("onnx-sessions", "", 7, List.of(source, model, challenger, watch),
                List.of(new ScenarioEdge("patients", "diagnosis-model"), new ScenarioEdge("patients", "forest"),
                        new ScenarioEdge("diagnosis-model", "accuracy-watch")));
    }

    private static List<StepResult> run(SimulationPlan plan) {
        RunOutcome outcome = Experiment.run(plan, 2, 2, new RunListener() { }, new RunControl());
        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        return outcome.replicates().stream().flatMap(List::stream).toList();
    }

    @Test
    void closingThePlanReleasesItsSessionsOnceAndASecondRunOpensThemAnew() throws Exception {
        Scenario scenario = scenario();
        Frame rows = TableLoader.load(dir.resolve("breast-cancer.csv")).frame().slice(0, 5);
        int before = OnnxTaskModel.openSessions();

        SimulationPlan first = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        // the check opened both files; the compile took those sessions rather than open others
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before + 2);
        assertThat(first.held().size()).isEqualTo(2);
        List<StepResult> firstSteps = run(first);
        assertThat(firstSteps).hasSize(12);
        assertThat(firstSteps.get(0).measures()).containsKey("forest.accuracy");
        OnnxTaskModel champion = unwrapped(first.model());
        OnnxTaskModel challenger = unwrapped(first.challenger().model());

        first.close();
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);
        assertThat(first.held().isClosed()).isTrue();
        assertThat(champion.isClosed()).isTrue();
        assertThat(challenger.isClosed()).isTrue();
        // closing again (a derived plan shares the models) releases nothing twice
        first.withSteps(3).close();
        first.close();
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);
        assertThatThrownBy(() -> ((BinaryClassifier) champion).scorePositive(rows))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("breast-cancer-logistic.onnx: the model was closed when the run that opened it ended");

        try (SimulationPlan second = ScenarioCompiler.compile(scenario, dir, new RunListener() { })) {
            assertThat(OnnxTaskModel.openSessions()).isEqualTo(before + 2);
            List<StepResult> secondSteps = run(second);
            // the same seed and files: the same accuracy on every step of both replicates
            assertThat(secondSteps.stream().map(s -> s.overall().accuracy()).toList())
                    .isEqualTo(firstSteps.stream().map(s -> s.overall().accuracy()).toList());
            assertThat(secondSteps.stream().map(s -> s.measures().get("forest.accuracy")).toList())
                    .isEqualTo(firstSteps.stream().map(s -> s.measures().get("forest.accuracy")).toList());
        }
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);
    }

    @Test
    void aCancelledRunsPlanIsReleasedByItsOwner() throws Exception {
        Scenario scenario = scenario();
        int before = OnnxTaskModel.openSessions();
        RunControl cancelled = new RunControl();
        cancelled.cancel();
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { })) {
            assertThat(SimulationEngine.run(plan, 0, new RunListener() { }, cancelled)).isEqualTo(RunStatus.CANCELLED);
        }
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);
    }

    @Test
    void modelsTakenByACompileThatFailsAreClosedWithTheOpenedModels() throws Exception {
        scenario();
        int before = OnnxTaskModel.openSessions();
        OnnxTaskModel taken;
        OnnxTaskModel checked;
        try (OpenedModels models = new OpenedModels()) {
            checked = (OnnxTaskModel) models.get(dir.resolve("breast-cancer-forest.onnx"));
            taken = (OnnxTaskModel) models.take(dir.resolve("breast-cancer-logistic.onnx"));
            assertThat(OnnxTaskModel.openSessions()).isEqualTo(before + 2);
            // no handOver: the plan was never made
        }
        assertThat(taken.isClosed()).isTrue();
        assertThat(checked.isClosed()).isTrue();
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);

        try (OpenedModels models = new OpenedModels()) {
            taken = (OnnxTaskModel) models.take(dir.resolve("breast-cancer-logistic.onnx"));
            PlanModels held = models.handOver();
            models.close();
            assertThat(taken.isClosed()).isFalse();
            held.close();
            assertThat(taken.isClosed()).isTrue();
        }
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);
    }

    /** The ONNX model under the compile's column-conforming wrapper. */
    private static OnnxTaskModel unwrapped(org.twinbench.model.TaskModel model) throws ReflectiveOperationException {
        if (model instanceof OnnxTaskModel onnx) {
            return onnx;
        }
        java.lang.reflect.Method inner = model.getClass().getDeclaredMethod("model");
        inner.setAccessible(true);
        return unwrapped((org.twinbench.model.TaskModel) inner.invoke(model));
    }
}
