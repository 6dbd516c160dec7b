package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * A multiclass run's headline speaks of accuracy, macro F1 and the class the model finds least (its recall pooled
 * over the last tenth, as scikit-learn's {@code recall_score(average=None)} per step on wine,
 * {@code task_fairness_reference.py}), never of a positive class or of catching 'yes'.
 */
class MulticlassHeadlineTest {

    private static final List<String> CLASSES = List.of("class_0", "class_1", "class_2");

    private static RunOutcome run(Scenario scenario) {
        return Experiment.run(ScenarioCompiler.compile(scenario, TaskRunsMatchSklearnTest.DIR, new RunListener() { }),
                1, 1, new RunListener() { }, new RunControl());
    }

    private static void assertNoBinaryWords(String headline) {
        assertThat(headline).doesNotContainIgnoringCase("positive").doesNotContain("catches").doesNotContain("'yes'")
                .doesNotContain("misses");
    }

    @Test
    void stepsRecordEachClasssRecallAndTheHeadlineNamesTheWeakest() throws IOException {
        RunOutcome outcome = run(TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel", 20,
                "alcohol_level"));
        JsonNode want = new ObjectMapper().readTree(TaskRunsMatchSklearnTest.DIR.resolve("fairness-expected.json")
                .toFile()).get("wine_class_recall");
        List<StepResult> steps = outcome.replicates().get(0);
        for (int s = 0; s < 4; s++) {
            for (String c : CLASSES) {
                assertThat(steps.get(s).measures().get("class.recall_" + c)).isCloseTo(want.get(s).get(c).get("recall")
                        .asDouble(), within(1e-12));
                assertThat(steps.get(s).measures().get("class.support_" + c)).isEqualTo(want.get(s).get(c)
                        .get("support").asDouble());
            }
        }
        String headline = RunSummary.of(outcome, RunSeries.of(outcome), List.of()).headline();
        // The last tenth is step 3: class_1 is found 10 times of 11.
        assertThat(headline).contains("macro F1").contains(" Its weakest class is 'class_1': it finds 91% of its rows "
                + "in the last tenth.");
        assertNoBinaryWords(headline);
    }

    @Test
    void classesRelabelledAwayFromTheModelsAnswerAreNamed() {
        // Every class_2 label becomes class_0: the 5 class_2 rows of step 3, all predicted class_2, now count as
        // class_0 rows the model misses, beside the 4 class_0 rows it finds: 4 of 9.
        Scenario plain = TaskRunsMatchSklearnTest.scenario("wine-replay.csv", "wine-logistic.twinmodel", 20,
                "alcohol_level");
        List<ScenarioNode> nodes = new ArrayList<>(plain.nodes());
        nodes.add(new ScenarioNode("relabel", NodeCatalog.LABEL_NOISE, Map.of("rate", 1.0, "flip_map",
                "class_2:class_0"), 0, 0));
        RunOutcome outcome = run(new Scenario("tasks", "", 1, nodes, List.of(new ScenarioEdge("data", "relabel"),
                new ScenarioEdge("relabel", "model"), new ScenarioEdge("model", "slices"))));
        String headline = RunSummary.of(outcome, RunSeries.of(outcome), List.of()).headline();
        assertThat(headline).contains(" Its weakest class is 'class_0': it finds "
                + "44% of its rows in the last tenth.");
        assertNoBinaryWords(headline);
    }
}
