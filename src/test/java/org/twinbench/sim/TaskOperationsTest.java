package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * Label delay, monitors, retraining and challengers around a regression (diabetes) and a multiclass model (wine),
 * replayed in row order (TaskRunsMatchSklearnTest checks the metrics of the same steps against scikit-learn).
 */
class TaskOperationsTest {

    private static ScenarioNode node(String id, String type, Map<String, Object> params) {
        return new ScenarioNode(id, type, params, 0, 0);
    }

    /**
     * The base scenario of {@code TaskRunsMatchSklearnTest} with more nodes, fed by the model (monitors), the
     * data (perturbations, challengers) or the performance monitor (policies).
     */
    private static Scenario with(Scenario base, List<ScenarioNode> more) {
        List<ScenarioNode> nodes = new ArrayList<>(base.nodes());
        List<ScenarioEdge> edges = new ArrayList<>(base.edges());
        for (ScenarioNode node : more) {
            nodes.add(node);
            String from = node.type().startsWith("policy.") ? "perf" : node.type().startsWith("perturbation.")
                    || node.type().equals(NodeCatalog.CHALLENGER) ? "data" : "model";
            edges.add(new ScenarioEdge(from, node.id()));
        }
        return new Scenario(base.name(), "", base.seed(), nodes, edges);
    }

    private static List<StepResult> run(Scenario scenario) {
        return TaskRunsMatchSklearnTest.run(scenario);
    }

    @Test
    void aDelayedRegressionIsWatchedOnItsArrivedAmountsAndRetrainedAsARegression() {
        Scenario scenario = with(TaskRunsMatchSklearnTest.scenario("diabetes-replay.csv", "diabetes-linear.twinmodel",
                25, "sex").withNode(node("data", NodeCatalog.DATASET_SOURCE, Map.of("path", "diabetes-replay.csv",
                "batch_size", 25L, "steps", 8L, "reference_share", 0.5, "time_column", "row"))), List.of(
                node("delay", NodeCatalog.LABEL_DELAY, Map.of("steps", 2L)),
                node("perf", NodeCatalog.PERFORMANCE_MONITOR, Map.of("window_steps", 1L, "threshold", 0.6)),
                node("drift", NodeCatalog.PREDICTION_DRIFT, Map.of("statistic", "ks")),
                node("retrain", NodeCatalog.RETRAIN_POLICY, Map.of("trigger", "schedule", "every_steps", 4L,
                        "window_steps", 2L, "min_rows", 20L, "cooldown_steps", 0L))));
        List<StepResult> steps = run(scenario);
        assertThat(steps).hasSize(8);
        // Labels arrive two steps late: steps 0 and 1 have no observed error; from step 2 on, with a window of
        // one labelled step, the observed figures are those of the step scored two steps before.
        assertThat(steps.get(1).measures()).doesNotContainKey("perf.observed_mae");
        for (int s = 2; s < 4; s++) {
            StepResult scored = steps.get(s - 2);
            Map<String, Double> measures = steps.get(s).measures();
            assertThat(measures.get("perf.observed_mae")).isCloseTo(scored.overall().get("mae"), within(1e-9));
            assertThat(measures.get("perf.observed_rmse")).isCloseTo(scored.overall().get("rmse"), within(1e-9));
            assertThat(measures.get("perf.observed_r2")).isCloseTo(scored.overall().get("r2"), within(1e-9));
        }
        // R² under 0.6 alarms once per crossing.
        assertThat(steps.stream().flatMap(s -> s.alarms().stream()).filter(a -> a.nodeId().equals("perf"))
                .map(Alarm::detail).findFirst().orElseThrow()).startsWith("R² ").contains(" < 0.600 over the last 1");
        // The scheduled retrain at step 4 refits a regression on the two arrived steps and compares R² on the holdout.
        Alarm retrain = steps.get(4).alarms().stream().filter(a -> a.nodeId().equals("retrain")).findFirst()
                .orElseThrow();
        assertThat(retrain.detail()).contains("holdout R²");
        assertThat(steps.get(4).measures().get("drift.score")).isBetween(0.0, 1.0);
    }

    @Test
    void aMulticlassChallengerIsMeasuredPerArmAndItsClassMixWatched() {
        Scenario scenario = with(TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel", 20,
                "alcohol_level"), List.of(
                node("rival", NodeCatalog.CHALLENGER, Map.of("algorithm", "random-forest", "features",
                        List.of("alcohol", "malic_acid", "flavanoids", "color_intensity"), "traffic_share", 0.5)),
                node("mix", NodeCatalog.PREDICTION_DRIFT, Map.of("statistic", "psi"))));
        List<StepResult> steps = run(scenario);
        for (StepResult step : steps) {
            assertThat(step.measures().get("champion.accuracy")).isBetween(0.0, 1.0);
            assertThat(step.measures().get("rival.accuracy")).isBetween(0.0, 1.0);
            assertThat(step.measures().get("mix.score")).isGreaterThanOrEqualTo(0.0);
        }
        assertThatThrownBy(() -> run(with(TaskRunsMatchSklearnTest.scenario("wine-replay.csv",
                "wine-logistic.twinmodel", 20, "alcohol_level"), List.of(node("mix", NodeCatalog.PREDICTION_DRIFT,
                Map.of("statistic", "ks"))))))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("node mix: statistic 'ks' compares numbers, but a multiclass model predicts classes; use "
                        + "psi, jensen-shannon or hellinger");
    }

    @Test
    void aMulticlassRefitOnTooFewClassesKeepsThePreviousModel() {
        // Steps of two rows hold at most two of the three classes: a multiclass model cannot be refitted on one.
        Scenario scenario = with(TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel", 2,
                "alcohol_level"), List.of(
                node("perf", NodeCatalog.PERFORMANCE_MONITOR, Map.of()),
                node("retrain", NodeCatalog.RETRAIN_POLICY, Map.of("trigger", "schedule", "every_steps", 2L,
                        "window_steps", 1L, "min_rows", 1L, "rollback", false))));
        List<StepResult> steps = run(scenario);
        Alarm kept = steps.get(2).alarms().stream().filter(a -> a.nodeId().equals("retrain")).findFirst().orElseThrow();
        assertThat(kept.kind()).isEqualTo(Alarm.ROLLBACK);
        // The wording ClassCoverage shares with a reference that lacks a class: held of every class, the ones missing.
        assertThat(kept.detail()).startsWith("could not retrain on steps 2-2: the rows hold ").contains(
                " of the 3 classes of 'cultivar' (never 'class_").endsWith(
                "), too few for a multiclass model; kept the previous model");
    }

    @Test
    void nodesForBinaryModelsAreRefusedNamingTheNode() {
        Scenario scenario = with(TaskRunsMatchSklearnTest.scenario("diabetes-replay.csv", "diabetes-linear.twinmodel",
                50, "sex"), List.of(node("prior", NodeCatalog.PRIOR_SHIFT, Map.of())));
        // A regression's prior shift moves its amounts, and says by how much.
        assertThatThrownBy(() -> run(scenario)).isInstanceOf(ScenarioException.class).hasMessage(
                "node prior: parameter 'amount_shift' is required on a regression model");
        Scenario cbpe = with(TaskRunsMatchSklearnTest.scenario("diabetes-replay.csv", "diabetes-linear.twinmodel",
                50, "sex"), List.of(node("cbpe", NodeCatalog.CBPE_MONITOR, Map.of())));
        assertThatThrownBy(() -> run(cbpe)).hasMessage("node cbpe: monitor.cbpe estimates a classifier's accuracy; "
                + "use monitor.dle for a regression; the model of node model is a regression model");
        Scenario dle = with(TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel", 20,
                "alcohol_level"), List.of(node("dle", NodeCatalog.DLE_MONITOR, Map.of())));
        assertThatThrownBy(() -> run(dle)).hasMessage("node dle: direct loss estimation is for regression models; the"
                + " model of node model is a multiclass model (use monitor.cbpe)");
    }
}
