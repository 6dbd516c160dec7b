package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
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
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.perturb.LabelNoise;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.perturb.PerturbationFactory;

/**
 * Label noise, concept drift and label-flip poisoning change the labels of multiclass and regression
 * models: flip shares and noise as stated, and the metric change they cause as computed independently
 * from scikit-learn's per-step figures of the unperturbed run (wine and diabetes).
 */
class TaskLabelChangesTest {

    private static final int N = 30_000;
    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final LabelCodec THREE = new LabelCodec("y", "", "", Task.MULTICLASS, CLASSES, Double.NaN);

    /** N rows of classes a, b, c in turn, x uniform on [0, 1], amount ~ N(100, 20²). */
    private static Frame batch() {
        SplittableRandom random = new SplittableRandom(7);
        String[] y = new String[N];
        double[] x = new double[N];
        double[] amount = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = CLASSES.get(i % 3);
            x[i] = random.nextDouble();
            amount[i] = 100 + 20 * Seeds.gaussian(random);
        }
        return new Frame(List.of(CategoricalColumn.of("y", y), new NumericColumn("x", x),
                new NumericColumn("amount", amount)));
    }

    private static final Frame BATCH = batch();

    private static Perturbation node(String type, Map<String, Object> params, LabelCodec codec) {
        return PerturbationFactory.create(new ScenarioNode("noise", type, params, 0, 0), BATCH, codec);
    }

    @Test
    void multiclassLabelNoiseMovesTheRateOfLabelsToEachOtherClassEqually() {
        Frame out = node(NodeCatalog.LABEL_NOISE, Map.of("rate", 0.3), THREE).apply(BATCH, 0, new SplittableRandom(1));
        CategoricalColumn before = BATCH.categorical("y");
        CategoricalColumn after = out.categorical("y");
        int changed = 0;
        int[][] moves = new int[3][3];
        for (int i = 0; i < N; i++) {
            int from = CLASSES.indexOf(before.get(i));
            int to = CLASSES.indexOf(after.get(i));
            moves[from][to]++;
            changed += from != to ? 1 : 0;
        }
        // Binomial: share 0.3 over 30,000 rows, four standard errors 0.0106.
        assertThat(changed / (double) N).isCloseTo(0.3, within(4 * Math.sqrt(0.3 * 0.7 / N)));
        for (int c = 0; c < 3; c++) {
            int away = N / 3 - moves[c][c];
            for (int d = 0; d < 3; d++) {
                if (d != c) {
                    // Each other class takes half the flips of class c: four standard errors of a share 1/2.
                    assertThat(moves[c][d] / (double) away).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / away)));
                }
            }
        }
    }

    @Test
    void flipMapMovesOnlyMappedClassesToTheirTarget() {
        Frame out = node(NodeCatalog.LABEL_NOISE, Map.of("rate", 0.5, "flip_map", "a:c"), THREE)
                .apply(BATCH, 0, new SplittableRandom(2));
        int aToC = 0;
        for (int i = 0; i < N; i++) {
            String from = BATCH.categorical("y").get(i);
            String to = out.categorical("y").get(i);
            if (!from.equals(to)) {
                assertThat(from).isEqualTo("a");
                assertThat(to).isEqualTo("c");
                aToC++;
            }
        }
        assertThat(aToC / (N / 3.0)).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / (N / 3.0))));
        assertThatThrownBy(() -> node(NodeCatalog.LABEL_NOISE, Map.of("flip_map", "a:z"), THREE))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("node noise")
                .hasMessageContaining("flip_map")
                .hasMessageContaining("'a:z' is not 'from:to' of two different classes of the model (a, b, c)");
    }

    @Test
    void conceptDriftChangesClassesOnlyInsideItsRegion() {
        Frame out = node(NodeCatalog.CONCEPT_DRIFT, Map.of("column", "x", "from", 0.0, "to", 0.25), THREE)
                .apply(BATCH, 0, new SplittableRandom(3));
        int inside = 0;
        int changedInside = 0;
        for (int i = 0; i < N; i++) {
            boolean in = BATCH.numeric("x").get(i) <= 0.25;
            boolean changed = !BATCH.categorical("y").get(i).equals(out.categorical("y").get(i));
            inside += in ? 1 : 0;
            changedInside += in && changed ? 1 : 0;
            if (!in) {
                assertThat(changed).isFalse();
            }
        }
        assertThat(changedInside).isEqualTo(inside);
    }

    @Test
    void regressionNoiseHasTheNodesStandardDeviationsOfTheReferenceAmounts() {
        double sd = BATCH.numeric("amount").standardDeviation();
        LabelCodec amounts = LabelCodec.of(BATCH.column("amount"), "amount", null, Task.REGRESSION, List.of());
        assertThat(amounts.amountSd()).isCloseTo(sd, within(1e-12));
        Frame out = node(NodeCatalog.LABEL_NOISE, Map.of("rate", 0.4, "noise_sd", 0.5), amounts)
                .apply(BATCH, 0, new SplittableRandom(4));
        List<Double> noise = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            double d = out.numeric("amount").get(i) - BATCH.numeric("amount").get(i);
            if (d != 0) {
                noise.add(d);
            }
        }
        assertThat(noise.size() / (double) N).isCloseTo(0.4, within(4 * Math.sqrt(0.24 / N)));
        double mean = noise.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double rms = Math.sqrt(noise.stream().mapToDouble(d -> d * d).average().orElseThrow());
        double want = 0.5 * sd;
        assertThat(mean).isCloseTo(0, within(4 * want / Math.sqrt(noise.size())));
        // The sample standard deviation of n normal draws has standard error ≈ σ / √(2n).
        assertThat(rms).isCloseTo(want, within(4 * want / Math.sqrt(2.0 * noise.size())));
    }

    @Test
    void binaryLabelNoiseStillReversesLabels() {
        LabelCodec binary = new LabelCodec("y", "a", "b");
        Frame out = new LabelNoise("noise", binary, 1.0, Schedule.ALWAYS).apply(BATCH, 0, new SplittableRandom(5));
        for (int i = 0; i < 30; i++) {
            String before = BATCH.categorical("y").get(i);
            assertThat(out.categorical("y").get(i)).isEqualTo(before.equals("a") ? "b" : "a");
        }
    }

    /** The engine scenario of {@link TaskRunsMatchSklearnTest} with {@code perturbation} between data and model. */
    private static Scenario withNoise(String data, String model, int batch, String slice, ScenarioNode perturbation) {
        Scenario plain = TaskRunsMatchSklearnTest.scenario(data, model, batch, slice);
        List<ScenarioNode> nodes = new ArrayList<>(plain.nodes());
        nodes.add(perturbation);
        return new Scenario("tasks", "", 1, nodes, List.of(new ScenarioEdge("data", perturbation.id()),
                new ScenarioEdge(perturbation.id(), "model"), new ScenarioEdge("model", "slices")));
    }

    private static RunOutcome run(Scenario scenario, int replicates) {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, TaskRunsMatchSklearnTest.DIR, new RunListener() { });
        return Experiment.run(plan, replicates, 1, new RunListener() { }, new RunControl());
    }

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(TaskRunsMatchSklearnTest.DIR.resolve("engine-expected.json").toFile())
                .get(name);
    }

    @Test
    void wineAccuracyUnderLabelNoiseIsTheExpectedMixOfKeptAndLuckyFlips() throws IOException {
        double rate = 0.3;
        RunOutcome outcome = run(withNoise("wine-replay.csv", "wine-logistic.twinmodel", 20, "alcohol_level",
                new ScenarioNode("noise", NodeCatalog.LABEL_NOISE, Map.of("rate", rate), 0, 0)), 60);
        JsonNode steps = expected("wine");
        for (int step = 0; step < 4; step++) {
            // A right row stays right unless flipped; a wrong row becomes right when flipped to the predicted
            // class, one of the two other classes: E[accuracy] = a (1 − r) + (1 − a) r / 2.
            double a = steps.get(step).get("overall").get("accuracy").asDouble();
            double want = a * (1 - rate) + (1 - a) * rate / 2;
            double sum = 0;
            for (List<StepResult> replicate : outcome.replicates()) {
                sum += replicate.get(step).overall().get("accuracy");
            }
            // 60 replicates of 20 rows: standard error √(0.21 / 1200) ≈ 0.013.
            assertThat(sum / outcome.replicates().size()).isCloseTo(want, within(0.05));
        }
    }

    @Test
    void diabetesMeanSquaredErrorGrowsByTheNoiseVariance() throws IOException {
        double noiseSd = 0.5;
        RunOutcome outcome = run(withNoise("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex",
                new ScenarioNode("noise", NodeCatalog.LABEL_NOISE, Map.of("rate", 1.0, "noise_sd", noiseSd), 0, 0)),
                40);
        // The reference: the first half of the replayed rows, as the scenario's reference_share 0.5 splits them.
        List<String> lines = Files.readAllLines(TaskRunsMatchSklearnTest.DIR.resolve("diabetes-replay.csv"));
        double[] target = new double[(lines.size() - 1) / 2];
        for (int i = 0; i < target.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            target[i] = Double.parseDouble(cells[cells.length - 1]);
        }
        double sigma = new NumericColumn("t", target).standardDeviation();
        double added = noiseSd * noiseSd * sigma * sigma;
        JsonNode steps = expected("diabetes");
        double wantTotal = 0;
        double gotTotal = 0;
        for (int step = 0; step < 4; step++) {
            double rmse = steps.get(step).get("overall").get("rmse").asDouble();
            wantTotal += rmse * rmse + added;
            for (List<StepResult> replicate : outcome.replicates()) {
                double noisy = replicate.get(step).overall().get("rmse");
                gotTotal += noisy * noisy / outcome.replicates().size();
            }
        }
        // E[(y + e − ŷ)²] = E[(y − ŷ)²] + σ_e² for noise e independent of the residual, over 8,000 rows.
        assertThat(gotTotal / 4).isCloseTo(wantTotal / 4, within(0.05 * wantTotal / 4));
    }

    @Test
    void aBackdoorOnARegressionNeedsTheShiftOfItsAmounts() {
        ScenarioNode backdoor = new ScenarioNode("poison", NodeCatalog.POISONING, Map.of("mode", "backdoor",
                "trigger_column", "bmi"), 0, 0);
        assertThatThrownBy(() -> run(withNoise("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex",
                backdoor), 1)).isInstanceOf(ScenarioException.class)
                .hasMessage("node poison: parameter 'amount_shift' is required on a regression model");
    }
}
