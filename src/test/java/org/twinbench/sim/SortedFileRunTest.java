package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;

/**
 * A real file sorted by a column (statsmodels' 1996 election study, sorted by income 1 to 24; the first 30% of
 * its rows hold incomes 1 to 15 only — pandas, src/test/resources/file-order/make_data.py) replayed untouched:
 * in file order the twin says why its reference differs from the rest; with {@code split: shuffled} the reference
 * holds the same population and the income alarms are gone.
 */
class SortedFileRunTest {

    static final Path DIR = Path.of("src/test/resources/file-order");

    private static Scenario scenario(String split) {
        Map<String, Object> source = new java.util.HashMap<>(Map.of("path", "anes96.csv", "batch_size", 50L,
                "steps", 20L, "reference_share", 0.3));
        if (split != null) {
            source.put("split", split);
        }
        List<ScenarioNode> nodes = List.of(
                new ScenarioNode("voters", NodeCatalog.DATASET_SOURCE, source, 0, 0),
                new ScenarioNode("model", "model.logistic", Map.of("target", "vote", "positive", "1",
                        "features", List.of("TVnews", "selfLR", "ClinLR", "DoleLR", "PID", "age", "educ", "income")),
                        0, 0),
                new ScenarioNode("drift", "monitor.feature-drift", Map.of("features", List.of("income", "age")), 0, 0));
        List<ScenarioEdge> edges = List.of(new ScenarioEdge("voters", "model"), new ScenarioEdge("model", "drift"));
        Scenario scenario = new Scenario("anes", "", 11, nodes, edges);
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();
        return scenario;
    }

    private static List<Alarm> incomeAlarms(Scenario scenario, List<String> notes) {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, DIR, new RunListener() {
            @Override
            public void onNote(String note) {
                notes.add(note);
            }
        });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        return outcome.alarms().stream().filter(a -> a.detail().contains("income")).toList();
    }

    @Test
    void inFileOrderTheTwinSaysTheFileIsSortedAndItsAlarmsFollowFromThat() {
        List<String> notes = new ArrayList<>();
        List<Alarm> alarms = incomeAlarms(scenario(null), notes);
        assertThat(notes).singleElement().asString()
                .startsWith("anes96.csv is sorted by income (1 to 24, rising): the reference (its first 30% of rows)")
                .contains("split to shuffled");
        // Incomes 16 to 24 never occur in the reference: the replay is outside its range from the first step.
        assertThat(alarms).anyMatch(a -> a.step() == 0);
    }

    @Test
    void shuffledTheReferenceHoldsEveryIncomeAndNothingIsSaid() {
        List<String> notes = new ArrayList<>();
        List<Alarm> alarms = incomeAlarms(scenario("shuffled"), notes);
        assertThat(notes).isEmpty();
        // 20 steps x 2 columns at the calibrated 1% rate: about 0.4 false drift alarms expected, and the
        // reference's range covers every income the replay draws.
        assertThat(alarms).noneMatch(a -> a.detail().contains("outside the reference range"));
        assertThat(alarms.size()).isLessThanOrEqualTo(2);
    }
}
