package org.twinbench.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;

class SweepTest {

    @TempDir
    static Path dir;

    static Scenario scenario;

    @BeforeAll
    static void data() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 3000, 4);
        scenario = SampleScenarios.loansRecession(4);
    }

    private static Map<String, List<Object>> axes(Object... keyValues) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            axes.put((String) keyValues[i], (List<Object>) keyValues[i + 1]);
        }
        return axes;
    }

    @Test
    void gridVariesTheFirstAxisSlowest() {
        List<Map<String, Object>> grid = Sweep.grid(axes("a", List.<Object>of(1, 2), "b", List.<Object>of("x", "y")));
        assertThat(grid).containsExactly(Map.of("a", 1, "b", "x"), Map.of("a", 1, "b", "y"), Map.of("a", 2, "b", "x"),
                Map.of("a", 2, "b", "y"));
    }

    @Test
    void tasksArePlainDataThatSurviveJson() throws IOException {
        List<SimulationTask> tasks = Sweep.tasks(scenario, dir, axes("recession.scale", List.<Object>of(0.9, 0.5),
                "recession.schedule.start", List.<Object>of(5L)), 2, 10);
        assertThat(tasks).hasSize(4);
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(tasks.get(3));
        SimulationTask back = mapper.readValue(json, SimulationTask.class);
        assertThat(mapper.writeValueAsString(back)).isEqualTo(json);
        assertThat(back.replicate()).isEqualTo(1);
        org.twinbench.scenario.ScenarioNode recession = back.scenario().node("recession").orElseThrow();
        assertThat(recession.number("scale", 0)).isEqualTo(0.5);
        assertThat(org.twinbench.scenario.Schedule.of(recession))
                .isEqualTo(new org.twinbench.scenario.Schedule(org.twinbench.scenario.Schedule.Kind.INCREMENTAL, 5, 50, 0));
    }

    @Test
    void strongerRecessionGivesLowerAccuracyAndThreadsDoNotMatter() {
        Map<String, List<Object>> axes = axes("recession.scale", List.<Object>of(1.0, 0.4));
        List<Sweep.Point> one = Sweep.run(scenario, dir, axes, 1, 0, 1);
        List<Sweep.Point> two = Sweep.run(scenario, dir, axes, 1, 0, 2);
        assertThat(one).hasSize(2);
        // By step 59 incomes are at 40%: the model sees defaulters everywhere.
        assertThat(one.get(1).accuracyLast()).isLessThan(one.get(0).accuracyLast() - 0.1);
        for (int i = 0; i < 2; i++) {
            assertThat(two.get(i).outcome()).isEqualTo(one.get(i).outcome());
        }
    }

    @Test
    void unknownNodeIsRefusedBeforeRunning() {
        assertThatThrownBy(() -> Sweep.tasks(scenario, dir, axes("boom.scale", List.<Object>of(1.0)), 1, 0))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("parameter 'boom.scale': the scenario has no node 'boom'");
    }

    @Test
    void valuesFromTheCommandLineKeepTheirType() {
        assertThat(SweepGrid.value("5")).isEqualTo(5L);
        assertThat(SweepGrid.value("0.5")).isEqualTo(0.5);
        assertThat(SweepGrid.value("true")).isEqualTo(true);
        assertThat(SweepGrid.value("north")).isEqualTo("north");
    }
}
