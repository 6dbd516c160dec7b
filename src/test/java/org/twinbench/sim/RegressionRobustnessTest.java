package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * A regression's {@code metrics.robustness} profile: the linear diabetes model replayed over four steps of 50 rows,
 * its smallest harmful shift and scale of each numeric feature against the limit MAE (or RMSE) × 1.1, equal to the
 * exact crossing walk that src/test/resources/robustness/diabetes_walk.py computes in numpy with the model refitted
 * in doubles by scikit-learn (its predictions equal TwinBench's to about 1e-12): the crossings to 1e-8, the levels and
 * limits to 1e-9, overall and for each sex's rows alone.
 */
class RegressionRobustnessTest {

    private static final Path DIR = Path.of("src/test/resources/tasks/engine");

    private static RunRobustness run(String metric) {
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", "diabetes-replay.csv",
                "batch_size", 50L, "steps", 4L, "reference_share", 0.5, "time_column", "row"), 0, 0);
        ScenarioNode model = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE,
                Map.of("path", "diabetes-linear.twinmodel"), 0, 0);
        ScenarioNode profile = new ScenarioNode("profile", NodeCatalog.ROBUSTNESS, Map.of("metric", metric,
                "slices", List.of("sex")), 0, 0);
        Scenario scenario = new Scenario("regression robustness", "", 1, List.of(source, model, profile),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "profile")));
        SimulationPlan plan = ScenarioCompiler.compile(scenario, DIR, new RunListener() { });
        return Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).robustness();
    }

    @Test
    void maeAndRmseProfilesEqualTheExactWalk() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/robustness/diabetes-walk.json")
                .toFile());
        for (String metric : List.of("mae", "rmse")) {
            RunRobustness found = run(metric);
            equalsTheWalk(found.overall(), expected, metric);
            for (RobustnessProfile slice : found.slices()) {
                equalsTheWalk(slice, expected.get("slices").get(slice.value()), metric);
            }
            assertThat(found.slices()).extracting(RobustnessProfile::value).containsExactlyInAnyOrder("one", "two");
            assertThat(found.slices()).allSatisfy(s -> assertThat(s.metric()).isEqualTo(metric));
        }
    }

    private static void equalsTheWalk(RobustnessProfile all, JsonNode expected, String metric) {
        assertThat(all.metric()).isEqualTo(metric);
        assertThat(all.rows()).isEqualTo(expected.get("rows").asInt());
        assertThat(all.level()).isCloseTo(expected.get(metric).asDouble(), within(1e-9));
        assertThat(all.limit()).isCloseTo(1.1 * expected.get(metric).asDouble(), within(1e-9));
        int checked = 0;
        for (RobustnessProfile.Feature f : all.features()) {
            JsonNode walk = expected.get("features").get(f.feature());
            if (walk == null) {
                assertThat(f.feature()).isEqualTo("sex");
                continue;
            }
            walk = walk.get(metric);
            System.out.printf("diabetes %s %s: %s shift up %.9f (exact %s), down %.9f (%s), scale %.9f (%s)%n", metric,
                    all.value() == null ? "all" : all.value(), f.feature(), f.shiftUp(), walk.get("shift_up_sd"),
                    f.shiftDown(), walk.get("shift_down_sd"), 1 + f.scaleUp(), walk.get("scale"));
            same(f.shiftUp(), walk.get("shift_up_sd"));
            same(f.shiftDown(), walk.get("shift_down_sd"));
            same(Double.isNaN(f.scaleUp()) ? Double.NaN : 1 + f.scaleUp(), walk.get("scale"));
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    private static void same(double found, JsonNode exact) {
        if (exact.isNull()) {
            assertThat(found).isNaN();
        } else {
            assertThat(found).isCloseTo(exact.asDouble(), within(1e-8));
        }
    }
}
