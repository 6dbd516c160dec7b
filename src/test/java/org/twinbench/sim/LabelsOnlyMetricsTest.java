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
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.stats.ReliabilityBins;

/**
 * A classifier that gives only labels (the breast cancer and wine label-only models of
 * {@code make_exported_onnx.py}) has no ROC AUC, log loss, Brier score or calibration: they are NaN in every
 * step, overall and per slice, with no reliability bins, while the same scenario with the probability model has
 * them; compiling notes it naming the node and the output, and a gate on one of them is refused.
 */
class LabelsOnlyMetricsTest {

    @TempDir
    Path dir;

    private void copy(String resource, String name) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource(resource).toURI());
        Files.copy(from, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Scenario scenario(String data, String model, String slice) throws IOException, URISyntaxException {
        copy("/onnx-exported/" + model, model);
        copy("/onnx-exported/" + model + ".json", model + ".json");
        ScenarioNode source = new ScenarioNode("rows", NodeCatalog.DATASET_SOURCE, Map.of("path", data,
                "batch_size", 60L, "steps", 4L, "reference_share", 0.4, "split", "shuffled"), 0, 0);
        ScenarioNode node = new ScenarioNode("m", NodeCatalog.ONNX_MODEL, Map.of("path", model), 200, 0);
        ScenarioNode metrics = new ScenarioNode("by", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of(slice)),
                400, 0);
        return new Scenario("labels-only", "", 5, List.of(source, node, metrics),
                List.of(new ScenarioEdge("rows", "m"), new ScenarioEdge("m", "by")));
    }

    private static List<StepResult> run(SimulationPlan plan) {
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates().get(0);
    }

    @Test
    void aBinaryLabelsOnlyModelHasNoScoreMetricsWhereTheProbabilityModelHasThem() throws Exception {
        copy("/onnx-exported/breast-cancer.csv", "breast-cancer.csv");
        Scenario labels = scenario("breast-cancer.csv", "breast-cancer-labels.onnx", "mean_radius");
        try (SimulationPlan plan = ScenarioCompiler.compile(labels, dir, new RunListener() { })) {
            assertThat(plan.notes().notes()).contains("the model of node m gives class labels only (output "
                    + "'output_label'), no probabilities: its ROC AUC, log loss, Brier score and calibration error are "
                    + "not available (null in run.json, empty in steps.csv); accuracy, precision, recall, f1 are "
                    + "measured as for any classifier");
            List<StepResult> steps = run(plan);
            assertThat(steps).hasSize(4).allSatisfy(step -> {
                for (String metric : ModelTask.SCORE_METRICS) {
                    assertThat(step.overall().get(metric)).as(metric).isNaN();
                    assertThat(step.slices()).isNotEmpty()
                            .allSatisfy(s -> assertThat(s.metrics().get(metric)).as(metric).isNaN());
                }
                assertThat(step.calibration()).isEqualTo(ReliabilityBins.EMPTY);
                // the labels agree with the diagnosis on 98.1% of the 569 rows
                assertThat(step.overall().accuracy()).isGreaterThan(0.85);
                assertThat(step.overall().recall()).isBetween(0.0, 1.0);
            });
            assertThatThrownBy(() -> LabelsOnlyMetrics.refuseGates(List.of(RunAssertion.parse("min(roc_auc) >= 0.9")),
                    plan)).isInstanceOf(ScenarioException.class).hasMessage("--assert 'min(roc_auc) >= 0.9': roc_auc is "
                    + "not available: the model of node m gives class labels only (output 'output_label'), no "
                    + "probabilities to rank or calibrate; gate one of accuracy, precision, recall, f1 instead");
            assertThatThrownBy(() -> LabelsOnlyMetrics.refuseGates(List.of(RunAssertion.parse(
                    "max(ece[mean_radius=x]) <= 0.1")), plan)).hasMessageContaining("ece is not available");
            LabelsOnlyMetrics.refuseGates(List.of(RunAssertion.parse("min(accuracy) >= 0.9")), plan);
        }

        Scenario probabilities = scenario("breast-cancer.csv", "breast-cancer-logistic.onnx", "mean_radius");
        try (SimulationPlan plan = ScenarioCompiler.compile(probabilities, dir, new RunListener() { })) {
            assertThat(plan.notes().notes()).noneMatch(note -> note.contains("class labels only"));
            assertThat(run(plan)).allSatisfy(step -> {
                assertThat(step.overall().rocAuc()).isGreaterThan(0.9);
                assertThat(step.overall().get("log_loss")).isPositive();
                assertThat(step.calibration()).isNotEqualTo(ReliabilityBins.EMPTY);
            });
            LabelsOnlyMetrics.refuseGates(List.of(RunAssertion.parse("min(roc_auc) >= 0.9")), plan);
        }
    }

    @Test
    void aMulticlassLabelsOnlyModelHasNoLogLoss() throws Exception {
        Files.copy(Path.of("sample-data", "public", "wine.csv"), dir.resolve("wine.csv"));
        Scenario labels = scenario("wine.csv", "wine-labels.onnx", "alcohol");
        try (SimulationPlan plan = ScenarioCompiler.compile(labels, dir, new RunListener() { })) {
            assertThat(plan.notes().notes()).anyMatch(note -> note.startsWith("the model of node m gives class labels "
                    + "only (output 'label'), no probabilities: its log loss is not available"));
            assertThat(run(plan)).allSatisfy(step -> {
                assertThat(step.overall().get("log_loss")).isNaN();
                assertThat(step.overall().accuracy()).isGreaterThan(0.85);
                assertThat(step.overall().get("macro_f1")).isGreaterThan(0.8);
            });
            assertThatThrownBy(() -> LabelsOnlyMetrics.refuseGates(List.of(RunAssertion.parse("max(log_loss) <= 1")),
                    plan)).hasMessageEndingWith("gate one of accuracy, balanced_accuracy, macro_f1, weighted_f1 instead");
        }
    }
}
