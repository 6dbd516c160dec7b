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
 * The wine robustness figure against an independent reference: the multiclass logistic wine model replayed over
 * its 89 rows after the reference, every feature's smallest harmful shift up and down and scale (limit: accuracy −
 * 0.05) equal to the exact crossing walk src/test/resources/robustness/wine_walk.py computes in numpy from the
 * model's ONNX export (doubles), where proline is weakest (0.697 sd down).
 */
class MulticlassRobustnessTest {

    @Test
    void wineProfileEqualsTheExactWalkOfItsOnnxExport() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/robustness/wine-walk.json")
                .toFile());
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", "wine-replay.csv",
                "batch_size", 89L, "steps", 1L, "reference_share", 0.5, "time_column", "row"), 0, 0);
        ScenarioNode model = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE,
                Map.of("path", "wine-logistic.twinmodel"), 0, 0);
        ScenarioNode profile = new ScenarioNode("profile", NodeCatalog.ROBUSTNESS, Map.of(), 0, 0);
        Scenario scenario = new Scenario("wine robustness", "", 1, List.of(source, model, profile),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "profile")));
        RobustnessProfile all = Experiment.run(ScenarioCompiler.compile(scenario,
                Path.of("src/test/resources/tasks/engine"), new RunListener() { }), 1, 1, new RunListener() { },
                new RunControl()).robustness().overall();
        assertThat(all.rows()).isEqualTo(expected.get("rows").asInt());
        assertThat(all.level()).isCloseTo(expected.get("accuracy").asDouble(), within(1e-12));
        assertThat(all.features()).hasSize(13);
        assertThat(all.features().get(0).feature()).isEqualTo("proline");
        for (RobustnessProfile.Feature f : all.features()) {
            JsonNode walk = expected.get("features").get(f.feature());
            System.out.printf("wine: %s shift up %.6f (exact %s), down %.6f (%s), scale %.6f (%s)%n", f.feature(),
                    f.shiftUp(), walk.get("shift_up_sd"), f.shiftDown(), walk.get("shift_down_sd"), 1 + f.scaleUp(),
                    walk.get("scale"));
            same(f.shiftUp(), walk.get("shift_up_sd"));
            same(f.shiftDown(), walk.get("shift_down_sd"));
            same(Double.isNaN(f.scaleUp()) ? Double.NaN : 1 + f.scaleUp(), walk.get("scale"));
        }
    }

    private static void same(double found, JsonNode exact) {
        if (exact.isNull()) {
            assertThat(found).isNaN();
        } else {
            assertThat(found).isCloseTo(exact.asDouble(), within(1e-6));
        }
    }
}
