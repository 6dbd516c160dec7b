package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.perturb.PerturbationFactory;

/**
 * The prior shift, a backdoor and selective labels of multiclass and regression models, against known answers on
 * 30,000 generated rows (shares within 4 standard errors) and on wine: a class mix moved to the stated shares with
 * P(x | class) kept, amounts whose mean moves by the stated reference standard deviations, triggered rows labelled
 * the target class or moved by the stated amount, and labels only where the model lets a row through.
 */
class TaskLabelShiftsTest {

    private static final int N = 30_000;
    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final LabelCodec THREE = new LabelCodec("y", "", "", Task.MULTICLASS, CLASSES, Double.NaN);
    private static final LabelCodec AMOUNTS = new LabelCodec("amount", "", "", Task.REGRESSION, List.of(), 20);

    /** N rows of classes a, b, c in turn, x uniform on [0, 1] plus the class's index, amount ~ N(100, 20²). */
    private static Frame batch() {
        SplittableRandom random = new SplittableRandom(11);
        String[] y = new String[N];
        double[] x = new double[N];
        double[] amount = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = CLASSES.get(i % 3);
            x[i] = i % 3 + random.nextDouble();
            amount[i] = 100 + 20 * Seeds.gaussian(random);
        }
        return new Frame(List.of(CategoricalColumn.of("y", y), new NumericColumn("x", x),
                new NumericColumn("amount", amount)));
    }

    private static final Frame BATCH = batch();

    private static Perturbation node(String type, Map<String, Object> params, LabelCodec codec) {
        return PerturbationFactory.create(new ScenarioNode("shift", type, params, 0, 0), BATCH, codec);
    }

    private static double fourErrors(double p, int n) {
        return 4 * Math.sqrt(p * (1 - p) / n);
    }

    @Test
    void multiclassPriorShiftMovesTheClassMixToTheStatedShares() {
        Frame out = node(NodeCatalog.PRIOR_SHIFT, Map.of("class_shares", "a:0.6"), THREE)
                .apply(BATCH, 0, new SplittableRandom(3));
        assertThat(out.rowCount()).isEqualTo(N);
        int[] counts = new int[3];
        double[] xSum = new double[3];
        CategoricalColumn y = out.categorical("y");
        for (int i = 0; i < N; i++) {
            int c = CLASSES.indexOf(y.get(i));
            counts[c]++;
            xSum[c] += out.numeric("x").get(i);
        }
        // a to 0.6; b and c share the other 0.4 as they shared the rest before (equally).
        assertThat(counts[0] / (double) N).isCloseTo(0.6, within(fourErrors(0.6, N)));
        assertThat(counts[1] / (double) N).isCloseTo(0.2, within(fourErrors(0.2, N)));
        assertThat(counts[2] / (double) N).isCloseTo(0.2, within(fourErrors(0.2, N)));
        // P(x | class) is kept: rows are drawn from their own class (x of class c lies in [c, c + 1), mean c + 0.5).
        for (int c = 0; c < 3; c++) {
            assertThat(xSum[c] / counts[c]).isCloseTo(c + 0.5, within(4 * Math.sqrt(1 / 12.0 / counts[c]) + 0.01));
        }
    }

    @Test
    void multiclassPriorShiftAtHalfIntensityMovesHalfWay() {
        ScenarioNode half = new ScenarioNode("shift", NodeCatalog.PRIOR_SHIFT, Map.of("class_shares", "c:0",
                "schedule", Map.of("kind", "incremental", "start", 0L, "end", 1L)), 0, 0);
        Frame out = PerturbationFactory.create(half, BATCH, THREE).apply(BATCH, 0, new SplittableRandom(5));
        long c = java.util.Arrays.stream(out.categorical("y").codes()).filter(code -> "c".equals(
                out.categorical("y").levels().get(code))).count();
        // Intensity 0.5 at step 0 of a ramp over steps 0–1: c from 1/3 half-way to 0.
        assertThat(c / (double) N).isCloseTo(1 / 6.0, within(fourErrors(1 / 6.0, N)));
    }

    @Test
    void classSharesMustNameClassesOfTheModel() {
        assertThatThrownBy(() -> node(NodeCatalog.PRIOR_SHIFT, Map.of("class_shares", "z:0.5"), THREE))
                .isInstanceOf(ScenarioException.class).hasMessage("node shift: parameter 'class_shares' 'z:0.5' is not"
                        + " 'class:share' of a class of the model (a, b, c) listed once, share 0 to 1");
        assertThatThrownBy(() -> node(NodeCatalog.PRIOR_SHIFT, Map.of("class_shares", "a:0.7, b:0.7"), THREE))
                .hasMessage("node shift: parameter 'class_shares' adds up to 1.4; the shares must add up to at most 1");
        assertThatThrownBy(() -> node(NodeCatalog.PRIOR_SHIFT, Map.of(), THREE)).hasMessage("node shift: parameter "
                + "'class_shares' is required on a multiclass model (e.g. 'a:0.6'); positive_rate is for binary models");
    }

    @Test
    void regressionPriorShiftMovesTheMeanAmountByTheStatedReferenceDeviations() {
        Frame out = node(NodeCatalog.PRIOR_SHIFT, Map.of("amount_shift", 0.5), AMOUNTS)
                .apply(BATCH, 0, new SplittableRandom(9));
        double[] before = BATCH.numeric("amount").values();
        double[] after = out.numeric("amount").values();
        double mean = java.util.Arrays.stream(before).average().orElseThrow();
        double shifted = java.util.Arrays.stream(after).average().orElseThrow();
        // Tilting a normal moves its mean by 0.5 × 20 = 10 and keeps its spread: 4 standard errors of 30,000 draws.
        assertThat(shifted - mean).isCloseTo(10, within(4 * 20 / Math.sqrt(N)));
        double sd = Math.sqrt(java.util.Arrays.stream(after).map(v -> (v - shifted) * (v - shifted)).sum() / (N - 1));
        assertThat(sd).isCloseTo(20, within(0.5));
        // Whole rows are drawn: every row's x still goes with its class.
        for (int i = 0; i < N; i++) {
            assertThat((int) out.numeric("x").get(i)).isEqualTo(CLASSES.indexOf(out.categorical("y").get(i)));
        }
    }

    @Test
    void multiclassBackdoorLabelsTriggeredRowsWithTheTargetClass() {
        Frame out = node(NodeCatalog.POISONING, Map.of("mode", "backdoor", "trigger_column", "x", "trigger_value",
                9.0, "rate", 0.2, "target_class", "c"), THREE).apply(BATCH, 0, new SplittableRandom(13));
        int triggered = 0;
        for (int i = 0; i < N; i++) {
            if (out.numeric("x").get(i) == 9.0) {
                triggered++;
                assertThat(out.categorical("y").get(i)).isEqualTo("c");
            } else {
                assertThat(out.categorical("y").get(i)).isEqualTo(BATCH.categorical("y").get(i));
            }
        }
        assertThat(triggered / (double) N).isCloseTo(0.2, within(fourErrors(0.2, N)));
        assertThatThrownBy(() -> node(NodeCatalog.POISONING, Map.of("mode", "backdoor", "trigger_column", "x"), THREE))
                .hasMessage("node shift: parameter 'target_class' is required on a multiclass model (classes: a, b, c)");
    }

    @Test
    void regressionBackdoorMovesTriggeredAmountsByTheStatedDeviations() {
        Frame out = node(NodeCatalog.POISONING, Map.of("mode", "backdoor", "trigger_column", "x", "trigger_value",
                -1.0, "rate", 0.1, "amount_shift", 2.0), AMOUNTS).apply(BATCH, 0, new SplittableRandom(17));
        int triggered = 0;
        for (int i = 0; i < N; i++) {
            double moved = out.numeric("amount").get(i) - BATCH.numeric("amount").get(i);
            boolean trigger = out.numeric("x").get(i) == -1.0;
            triggered += trigger ? 1 : 0;
            assertThat(moved).isCloseTo(trigger ? 40 : 0, within(1e-9));
        }
        assertThat(triggered / (double) N).isCloseTo(0.1, within(fourErrors(0.1, N)));
    }

    @Test
    void selectiveLabelsKeepOnlyTheRowsTheModelLetsThrough() {
        ScenarioNode delay = new ScenarioNode("delay", NodeCatalog.LABEL_DELAY, Map.of("selective", true,
                "selective_class", "b"), 0, 0);
        ModelTask kinds = new ModelTask(Task.MULTICLASS, "y", "", CLASSES, 0.5);
        // Predicted classes a, b, c, b: only the rows predicted b keep their labels.
        assertThat(LabelSelection.of(delay, kinds).apply(new int[] {0, 2, 2, -1}, new double[] {0, 1, 2, 1}))
                .containsExactly(-1, 2, -1, -1);
        ScenarioNode below = new ScenarioNode("delay", NodeCatalog.LABEL_DELAY, Map.of("selective", true,
                "selective_below", 150.0), 0, 0);
        ModelTask amounts = new ModelTask(Task.REGRESSION, "amount", "", List.of(), 0.5);
        assertThat(LabelSelection.of(below, amounts).apply(new int[] {0, 0, 0}, new double[] {149.9, 150, 300}))
                .containsExactly(0, -1, -1);
        assertThatThrownBy(() -> LabelSelection.of(new ScenarioNode("delay", NodeCatalog.LABEL_DELAY,
                Map.of("selective", true), 0, 0), amounts)).isInstanceOf(ScenarioException.class).hasMessage(
                "node delay: parameter 'selective_below' is required with selective labels on a regression model "
                        + "(the predicted amount below which a row gets its label)");
    }

    @Test
    void aMulticlassRunWithSelectiveLabelsMonitorsOnlyTheRowsPredictedAsTheClass() {
        Scenario plain = TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel", 20,
                "alcohol_level");
        List<ScenarioNode> nodes = new ArrayList<>(plain.nodes());
        nodes.add(new ScenarioNode("delay", NodeCatalog.LABEL_DELAY, Map.of("steps", 0L, "selective", true,
                "selective_class", "class_1"), 0, 0));
        nodes.add(new ScenarioNode("perf", NodeCatalog.PERFORMANCE_MONITOR, Map.of("window_steps", 1L), 0, 0));
        List<ScenarioEdge> edges = new ArrayList<>(plain.edges());
        edges.add(new ScenarioEdge("model", "delay"));
        edges.add(new ScenarioEdge("delay", "perf"));
        List<StepResult> steps = TaskRunsMatchSklearnTest.run(new Scenario("tasks", "", 1, nodes, edges));
        for (StepResult step : steps) {
            // The rows predicted class_1 are labelled class_1 nearly always: the monitor sees a near-perfect model,
            // and never less than the model's accuracy on every row (which the step metrics still measure).
            assertThat(step.measures().get("perf.observed_accuracy")).isGreaterThanOrEqualTo(
                    step.overall().get("accuracy") - 0.05);
            assertThat(step.overall().n()).isEqualTo(20);
        }
        assertThatThrownBy(() -> {
            List<ScenarioNode> wrong = new ArrayList<>(plain.nodes());
            wrong.add(new ScenarioNode("delay", NodeCatalog.LABEL_DELAY, Map.of("selective", true,
                    "selective_class", "class_9"), 0, 0));
            TaskRunsMatchSklearnTest.run(new Scenario("tasks", "", 1, wrong, edges.subList(0, edges.size() - 1)));
        }).isInstanceOf(ScenarioException.class).hasMessage("node delay: parameter 'selective_class' is 'class_9', not "
                + "a class of the model with selective labels on a multiclass model (classes: class_0, class_1, class_2)");
    }
}
