package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;

class ModelNodesTest {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    private static final List<String> FEATURES = List.of("income", "debt_to_income", "age", "region");

    /** A sample scenario whose model node is replaced by {@code model} (same id), its source reading from SAMPLES. */
    private static Scenario withModel(String file, ScenarioNode model) {
        Scenario base = ScenarioFormat.read(SAMPLES.resolve(file));
        List<ScenarioNode> nodes = new ArrayList<>();
        for (ScenarioNode node : base.nodes()) {
            if (node.id().equals("credit-model")) {
                nodes.add(model);
            } else {
                nodes.add(node.type().equals(NodeCatalog.DATASET_SOURCE)
                        ? node.withParam("path", SAMPLES.resolve("loans.csv").toString()) : node);
            }
        }
        return new Scenario("models", "", base.seed(), nodes, base.edges());
    }

    private static List<StepResult> run(SimulationPlan plan) {
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    @Test
    void bundleNodeScoresWithTheSavedModelAndRefitsTheSameAlgorithm(@TempDir Path dir) {
        Frame loans = TableLoader.load(SAMPLES.resolve("loans.csv")).frame();
        BinaryClassifier forest = ModelTrainer.train(loans.slice(0, 4000), new TrainingOptions(Algorithm.RANDOM_FOREST,
                "defaulted", FEATURES, "yes", 3, 10, "test"));
        ModelBundle.write(forest, dir.resolve("credit.twinmodel"));
        Scenario scenario = withModel("loans-recession.twin.json", new ScenarioNode("credit-model",
                NodeCatalog.MODEL_BUNDLE, Map.of("path", "credit.twinmodel"), 0, 0));
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { }).withSteps(2);
        Frame rows = loans.slice(12000, 12050);
        assertThat(((BinaryClassifier) plan.model()).scorePositive(rows)).containsExactly(forest.scorePositive(rows));
        assertThat(run(plan)).hasSize(2);
        ScenarioModel model = ScenarioModel.of(scenario.node("credit-model").orElseThrow(), loans, loans, 1, "x", dir,
                new RunListener() { });
        assertThat(model.refit().fit(loans.slice(0, 400), 5).card().algorithm()).isEqualTo("random-forest");
        assertThat(model.refit().fit(loans.slice(0, 400), 5).card().features()).isEqualTo(FEATURES);
    }

    @Test
    void onnxNodeScoresButARetrainPolicyRefusesIt() {
        ScenarioNode onnx = new ScenarioNode("credit-model", NodeCatalog.ONNX_MODEL,
                Map.of("path", "loans-logistic.onnx"), 0, 0);
        SimulationPlan plan = ScenarioCompiler.compile(withModel("loans-recession.twin.json", onnx), SAMPLES,
                new RunListener() { }).withSteps(2);
        List<StepResult> steps = run(plan);
        // The ONNX model is a trained logistic regression: far better than chance on its own data.
        assertThat(steps.get(0).overall().accuracy()).isGreaterThan(0.7);
        assertThatThrownBy(() -> ScenarioCompiler.compile(withModel("loans-recession-retrain.twin.json", onnx), SAMPLES,
                new RunListener() { })).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("node retrain (policy.retrain): cannot retrain the model of node credit-model");
    }

    @Test
    void schemaCheckNamesTheNodeAndEveryMissingColumn(@TempDir Path dir) {
        Frame loans = TableLoader.load(SAMPLES.resolve("loans.csv")).frame();
        ModelBundle.write(ModelTrainer.train(loans.slice(0, 2000), new TrainingOptions(Algorithm.LOGISTIC,
                "defaulted", FEATURES, "yes", 3, 0, "test")), dir.resolve("credit.twinmodel"));
        ScenarioNode sea = new ScenarioNode("sea", NodeCatalog.SEA_SOURCE, Map.of("steps", 2L), 0, 0);
        ScenarioNode bundle = new ScenarioNode("m", NodeCatalog.MODEL_BUNDLE, Map.of("path", "credit.twinmodel"), 0, 0);
        Scenario scenario = new Scenario("s", "", 1, List.of(sea, bundle), List.of(new ScenarioEdge("sea", "m")));
        assertThatThrownBy(() -> ScenarioCompiler.compile(scenario, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(String.join("\n",
                        "node m (model.bundle) parameter path: the model reads column \"income\", which the data does not have",
                        "node m (model.bundle) parameter path: the model reads column \"debt_to_income\", which the data "
                                + "does not have",
                        "node m (model.bundle) parameter path: the model reads column \"age\", which the data does not have",
                        "node m (model.bundle) parameter path: the model reads column \"region\", which the data does not "
                                + "have",
                        "node m (model.bundle) parameter path: the model predicts \"defaulted\", a column the data does not "
                                + "have"));
        Scenario missing = new Scenario("s", "", 1, List.of(sea, bundle.withParam("path", "gone.twinmodel")),
                List.of(new ScenarioEdge("sea", "m")));
        assertThatThrownBy(() -> ScenarioCompiler.compile(missing, dir, new RunListener() { }))
                .hasMessageStartingWith("node m (model.bundle) parameter path: model file ").hasMessageEndingWith("gone.twinmodel not found");
        Scenario wrongKind = new Scenario("s", "", 1, List.of(sea, new ScenarioNode("m", NodeCatalog.ONNX_MODEL,
                Map.of("path", "credit.twinmodel"), 0, 0)), List.of(new ScenarioEdge("sea", "m")));
        assertThatThrownBy(() -> ScenarioCompiler.compile(wrongKind, dir, new RunListener() { }))
                .hasMessage("node m (model.onnx) parameter path: credit.twinmodel is not an ONNX model (.onnx)");
    }
}
