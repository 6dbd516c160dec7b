package org.twinbench.sim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.whatif.StepRecorder;
import org.twinbench.stats.TwoProportionTest;

/**
 * A multiclass champion hurt by a change, and a challenger retrained on recent labelled rows, on real data (UCI wine,
 * scikit-learn's): the figures the engine computes for each model — each step's accuracy and macro F1 while one model
 * serves, each arm's accuracy while both do — are scikit-learn's on the same rows, and the challenger is promoted when
 * it is better and not when it is not.
 *
 * <p>{@code sample-data/scripts/wine_challenger_reference.py} shuffles the 178 wines (numpy RandomState(5)), fits
 * scikit-learn's multinomial {@code LogisticRegression(C=1)} on standardised features — the champion on rows 0–71, the
 * challenger on the recent labelled rows 72–105 with proline four times as large (the change, as a lab that changed
 * units would send it), a second challenger on rows 72–105 unchanged — and writes each as an ONNX graph in double
 * precision (so the engine runs scikit-learn's models themselves) with every model's answer for every replayed row and
 * {@code accuracy_score} / {@code f1_score(average="macro")} per step of 12 rows ({@code expected.json}). Over the 72
 * replayed rows scikit-learn gives the champion accuracy 0.972 (macro F1 0.973) unchanged and 0.625 (0.611) with proline
 * ×4; the challenger 0.986 (0.988) on the changed rows; the unchanged challenger 0.986 (0.988) on unchanged rows. The
 * closest any answer comes to a tie is a logit gap of 2.2e−4, far above double rounding.
 */
class MulticlassPromoteTest {

    static final Path DIR = Path.of("src", "test", "resources", "sim", "challenger-wine").toAbsolutePath();
    private static final List<String> CLASSES = List.of("class_0", "class_1", "class_2");
    private static final int STEPS = 6;

    private static JsonNode expected;
    /** Per replayed row: column of answers.csv → the class's index. */
    private static final Map<Integer, Map<String, Integer>> ANSWERS = new HashMap<>();

    @BeforeAll
    static void readReference() throws IOException {
        expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        List<String> lines = Files.readAllLines(DIR.resolve("answers.csv"));
        String[] header = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, Integer> row = new HashMap<>();
            for (int c = 1; c < header.length; c++) {
                row.put(header[c], CLASSES.indexOf(cells[c]));
            }
            ANSWERS.put(Integer.parseInt(cells[0]), row);
        }
    }

    /** A replay of rows 106–177 of the shuffled wines, 12 a step, served by {@code champion}; options add nodes. */
    private static Scenario scenario(String champion, boolean change, String challenger) {
        List<ScenarioNode> nodes = new ArrayList<>();
        List<ScenarioEdge> edges = new ArrayList<>();
        nodes.add(new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", "wine-replay.csv",
                "batch_size", 12L, "steps", (long) STEPS, "reference_share", 106.0 / 178, "time_column", "row"), 0, 0));
        String feed = "data";
        if (change) {
            nodes.add(new ScenarioNode("units", NodeCatalog.COVARIATE_SHIFT, Map.of("column", "proline", "scale", 4.0),
                    0, 0));
            edges.add(new ScenarioEdge("data", "units"));
            feed = "units";
        }
        nodes.add(new ScenarioNode("champion", NodeCatalog.ONNX_MODEL, Map.of("path", champion), 0, 0));
        edges.add(new ScenarioEdge(feed, "champion"));
        if (challenger != null) {
            Map<String, Object> params = new LinkedHashMap<>(Map.of("path", challenger, "traffic_share", 0.5));
            nodes.add(new ScenarioNode("challenger", NodeCatalog.CHALLENGER, params, 0, 0));
            nodes.add(new ScenarioNode("promote", NodeCatalog.PROMOTE_POLICY, Map.of("alpha", 0.05, "min_rows", 12L),
                    0, 0));
            edges.add(new ScenarioEdge(feed, "challenger"));
            edges.add(new ScenarioEdge("champion", "promote"));
            edges.add(new ScenarioEdge("challenger", "promote"));
        }
        return new Scenario("wine challenger", "", 17, nodes, edges);
    }

    private record Run(List<StepResult> steps, List<LabelledBatch> batches) { }

    private static Run run(Scenario scenario) {
        List<LabelledBatch> batches = new ArrayList<>();
        SimulationPlan plan = new StepRecorder(batches::add).on(ScenarioCompiler.compile(scenario, DIR,
                new RunListener() { }));
        List<StepResult> steps = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates()
                .get(0);
        assertThat(steps).hasSize(STEPS);
        // The rows replayed are the reference script's, step by step, and each is labelled by its cultivar.
        for (int s = 0; s < STEPS; s++) {
            LabelledBatch batch = batches.get(s);
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < batch.rows().rowCount(); i++) {
                int row = (int) batch.rows().numeric("row").get(i);
                rows.add(row);
                assertThat(batch.labels()[i]).isEqualTo(ANSWERS.get(row).get("cultivar"));
            }
            assertThat(rows).isEqualTo(ints(expected.at("/steps/" + s + "/rows")));
        }
        return new Run(steps, batches);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }

    /** Each step's accuracy and macro F1 are scikit-learn's for {@code column} of answers.csv on the step's rows. */
    private static void assertServedBy(Run run, String column, int from) {
        for (int s = from; s < STEPS; s++) {
            StepResult step = run.steps().get(s);
            JsonNode want = expected.at("/steps/" + s + "/" + column);
            assertThat(step.overall().accuracy()).as("%s accuracy at step %d", column, s)
                    .isCloseTo(want.get("accuracy").asDouble(), within(1e-12));
            assertThat(step.overall().get("macro_f1")).as("%s macro F1 at step %d", column, s)
                    .isCloseTo(want.get("macro_f1").asDouble(), within(1e-12));
            LabelledBatch batch = run.batches().get(s);
            for (int i = 0; i < batch.rows().rowCount(); i++) {
                int row = (int) batch.rows().numeric("row").get(i);
                assertThat((int) batch.scores()[i]).as("row %d", row).isEqualTo(ANSWERS.get(row).get(column));
            }
        }
    }

    /**
     * While both serve: every row's answer is scikit-learn's answer of the model it was routed to, each arm's
     * accuracy is the share of its rows scikit-learn's model gets right, and the promote policy's p-value is the
     * one-sided two-proportion test of the arms' rows so far. Returns the step of the promotion, or -1.
     */
    private static int assertArms(Run run, String champion, String challenger) {
        long[] right = new long[2];
        long[] rows = new long[2];
        for (int s = 0; s < STEPS; s++) {
            LabelledBatch batch = run.batches().get(s);
            if (batch.byChallenger() == null) {
                return s - 1;
            }
            long[] stepRight = new long[2];
            long[] stepRows = new long[2];
            for (int i = 0; i < batch.rows().rowCount(); i++) {
                int row = (int) batch.rows().numeric("row").get(i);
                int arm = batch.byChallenger()[i] ? 1 : 0;
                int answer = ANSWERS.get(row).get(arm == 1 ? challenger : champion);
                assertThat((int) batch.scores()[i]).as("row %d on arm %d", row, arm).isEqualTo(answer);
                stepRight[arm] += answer == batch.labels()[i] ? 1 : 0;
                stepRows[arm]++;
            }
            Map<String, Double> measures = run.steps().get(s).measures();
            assertThat(measures.get("champion.accuracy")).isCloseTo(stepRight[0] / (double) stepRows[0], within(1e-12));
            assertThat(measures.get("challenger.accuracy")).isCloseTo(stepRight[1] / (double) stepRows[1],
                    within(1e-12));
            for (int arm = 0; arm < 2; arm++) {
                right[arm] += stepRight[arm];
                rows[arm] += stepRows[arm];
            }
            if (rows[0] >= 12 && rows[1] >= 12) {
                assertThat(measures.get("promote.p_value")).isCloseTo(TwoProportionTest.pValueGreater(right[1], rows[1],
                        right[0], rows[0]), within(1e-12));
            } else {
                assertThat(measures).doesNotContainKey("promote.p_value");
            }
        }
        return -1;
    }

    @Test
    void theChampionFallsWhenProlineArrivesFourTimesAsLargeAsScikitLearnSays() {
        Run unchanged = run(scenario("champion.onnx", false, null));
        Run changed = run(scenario("champion.onnx", true, null));
        assertServedBy(unchanged, "champion_unchanged", 0);
        assertServedBy(changed, "champion_changed", 0);
        // The change is the script's: proline four times the file's value.
        for (int s = 0; s < STEPS; s++) {
            for (int i = 0; i < 12; i++) {
                assertThat(changed.batches().get(s).rows().numeric("proline").get(i))
                        .isEqualTo(4 * unchanged.batches().get(s).rows().numeric("proline").get(i));
            }
        }
        double before = unchanged.steps().stream().mapToDouble(s -> s.overall().accuracy()).average().orElseThrow();
        double after = changed.steps().stream().mapToDouble(s -> s.overall().accuracy()).average().orElseThrow();
        assertThat(before).isCloseTo(expected.at("/champion_unchanged/accuracy").asDouble(), within(1e-12));
        assertThat(after).isCloseTo(expected.at("/champion_changed/accuracy").asDouble(), within(1e-12));
        assertThat(before - after).isGreaterThan(0.3);
    }

    @Test
    void aChallengerRetrainedOnRecentChangedRowsIsPromotedAndThenScoresAsScikitLearnSays() {
        Run run = run(scenario("champion.onnx", true, "challenger.onnx"));
        List<Alarm> promotions = run.steps().stream().flatMap(s -> s.alarms().stream())
                .filter(a -> a.kind().equals(Alarm.PROMOTE)).toList();
        assertThat(promotions).hasSize(1);
        int promotedAt = promotions.get(0).step();
        assertThat(assertArms(run, "champion_changed", "challenger_changed")).isEqualTo(promotedAt);
        assertThat(promotedAt).as("promoted with steps left to serve").isLessThan(STEPS - 2);
        assertThat(run.steps().get(promotedAt).measures().get("promote.p_value")).isLessThan(0.05);
        // From the next step on the challenger serves every row: its figures are scikit-learn's.
        assertServedBy(run, "challenger_changed", promotedAt + 1);
        assertThat(run.steps().get(STEPS - 1).measures()).doesNotContainKey("champion.accuracy");
    }

    @Test
    void aChallengerRetrainedWhereNothingChangedIsNotPromoted() {
        Run run = run(scenario("champion.onnx", false, "challenger-unchanged.onnx"));
        assertThat(run.steps().stream().flatMap(s -> s.alarms().stream())
                .filter(a -> a.kind().equals(Alarm.PROMOTE))).isEmpty();
        assertThat(assertArms(run, "champion_unchanged", "challenger-unchanged_unchanged")).isEqualTo(-1);
        assertThat(run.steps().get(STEPS - 1).measures().get("promote.p_value")).isGreaterThan(0.05);
    }
}
