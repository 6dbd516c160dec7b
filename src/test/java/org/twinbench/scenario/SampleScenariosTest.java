package org.twinbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.SampleData;

class SampleScenariosTest {

    @Test
    void bundledScenariosAreTheGeneratorsOutputAndValid() throws IOException {
        for (Map.Entry<String, Scenario> entry : SampleScenarios.all(SampleData.DEFAULT_SEED).entrySet()) {
            Path file = Path.of("sample-data").resolve(entry.getKey());
            assertThat(Files.readString(file)).as(entry.getKey()).isEqualTo(ScenarioFormat.toJson(entry.getValue()));
            assertThat(ScenarioValidator.problems(ScenarioFormat.read(file))).as(entry.getKey()).isEmpty();
        }
    }

    @Test
    void retrainingLoopIsNotACycle() {
        Scenario scenario = SampleScenarios.loansRecessionWithRetraining(1);
        assertThat(scenario.isFeedback(new ScenarioEdge("retrain", "credit-model"))).isTrue();
        assertThat(scenario.isFeedback(new ScenarioEdge("credit-model", "error-detector"))).isFalse();
        assertThat(scenario.topologicalOrder()).extracting(ScenarioNode::id).startsWith("loans")
                .containsSubsequence("credit-model", "error-detector", "retrain");
    }
}
