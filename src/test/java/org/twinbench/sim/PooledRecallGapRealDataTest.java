package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.ScenarioFormat;

/**
 * The multiclass recall gap between groups, pooled over the last tenth, on real public data with groups big enough
 * to be judged: scikit-learn's digits (10 classes) with the logged probabilities of a cross-validated logistic
 * regression, grouped by how much ink a digit has (sample-data/scripts/digits_recall_gap_reference.py). The run
 * draws the 898 production rows with replacement, 1,000 a step for 20 steps, so each class's pooled gap over the
 * last two steps must be pandas' gap over the production rows within 4 standard errors of the draws, and the two
 * large gaps (digits 4 and 8, 0.16 and 0.17) must name the light-ink group as the worst.
 */
class PooledRecallGapRealDataTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "fairness").toAbsolutePath();

    @Test
    void digitsRecallGapsAreThoseOfTheProductionRows() throws Exception {
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(DIR.resolve("digits-log.twin.json")), DIR,
                new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        List<TaskFairness> gaps = TaskFairness.of(outcome, RunSeries.of(outcome)).stream()
                .filter(f -> f.metric().equals("recall_gap")).toList();
        JsonNode want = new ObjectMapper().readTree(DIR.resolve("digits-recall-expected.json").toFile());
        assertThat(gaps).extracting(TaskFairness::subject).containsExactlyInAnyOrder("d0", "d1", "d2", "d3", "d4",
                "d5", "d6", "d7", "d8", "d9");
        int production = 898;
        int drawn = 2 * 1000;
        for (TaskFairness gap : gaps) {
            JsonNode digit = want.get(gap.subject());
            double variance = 0;
            for (String ink : List.of("heavy", "light")) {
                double recall = digit.get("groups").get(ink).get("recall").asDouble();
                double draws = drawn * digit.get("groups").get(ink).get("n").asDouble() / production;
                // A recall of 1 has no spread: count one miss's worth so the bound is never 0.
                variance += Math.max(recall * (1 - recall), 1 / draws) / draws;
            }
            assertThat(gap.end()).as(gap.subject()).isCloseTo(digit.get("gap").asDouble(), within(4 * Math.sqrt(variance)));
        }
        // The run is red for its parity ratios between ink groups: its headline never opens with "The model holds".
        RunSummary summary = RunSummary.of(outcome, RunSeries.of(outcome), List.of());
        assertThat(summary.light()).isEqualTo(RunSummary.Light.RED);
        assertThat(summary.headline()).startsWith("Overall it holds: accuracy ").contains("below four-fifths");
        for (String digit : List.of("d4", "d8")) {
            TaskFairness gap = gaps.stream().filter(f -> f.subject().equals(digit)).findFirst().orElseThrow();
            assertThat(gap.worst()).as(digit).isEqualTo("ink=light");
            assertThat(gap.best()).as(digit).isEqualTo("ink=heavy");
        }
    }
}
