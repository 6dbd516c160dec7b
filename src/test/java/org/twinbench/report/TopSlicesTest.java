package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunFindings;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.stats.SliceFinder;

/**
 * The run's top slices, found rather than guessed, on real public data: scikit-learn's breast cancer set as a
 * production log with a planted worst slice (clinic C on the night shift, scores flipped on 70% of its rows;
 * src/test/resources/verdicts/make_top_slices.py). The slice's size and accuracies are pandas', its p-value
 * scipy's chi-square test of the 2×2 table (no continuity correction).
 */
class TopSlicesTest {

    private static final Path DIR = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();

    private static final Path SCENARIO = DIR.resolve("breast-cancer-log.twin.json");

    private static SimulationPlan plan() {
        return ScenarioCompiler.compile(ScenarioFormat.read(SCENARIO), DIR, new RunListener() { });
    }

    @Test
    void thePlantedSliceLeadsWithPandasAndScipysFigures() throws IOException {
        JsonNode want = new ObjectMapper().readTree(DIR.resolve("top-slices-expected.json").toFile());
        SimulationPlan plan = plan();
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        SliceFinder.Result found = outcome.topSlices();
        assertThat(found).isNotNull();
        // Every production row is kept (500 < the bound): the search sees exactly the rows pandas counted.
        assertThat(found.rows()).isEqualTo(want.get("rows").asInt());
        assertThat(found.accuracy()).isCloseTo(want.get("accuracy").asDouble(), within(1e-12));
        SliceFinder.Slice top = found.slices().get(0);
        JsonNode slice = want.get("slice");
        assertThat(top.predicates()).containsExactly(new SliceFinder.Predicate("clinic", "C"),
                new SliceFinder.Predicate("shift", "night"));
        assertThat(top.n()).isEqualTo(slice.get("n").asInt()).isEqualTo(63);
        assertThat(top.accuracy()).isCloseTo(slice.get("accuracy").asDouble(), within(1e-12));
        assertThat(top.restAccuracy()).isCloseTo(slice.get("rest_accuracy").asDouble(), within(1e-12));
        double p = slice.get("p_value").asDouble();
        assertThat(top.pValue()).isCloseTo(p, within(p * 1e-6));

        // run.json: top_slices in the slices command's shape, and the report's section.
        RunSeries series = RunSeries.of(outcome);
        RunSummary summary = RunSummary.of(outcome, series, List.of());
        RunProvenance provenance = RunProvenance.of(SCENARIO, plan, 1, Instant.EPOCH);
        ObjectNode json = RunJson.toTree(provenance, summary, series, outcome);
        JsonNode first = json.get("top_slices").get(0);
        assertThat(first.get("predicates").get(0).get("column").asText()).isEqualTo("clinic");
        assertThat(first.get("predicates").get(1).get("value").asText()).isEqualTo("night");
        assertThat(first.get("n").asInt()).isEqualTo(63);
        assertThat(first.get("interval").get("low").asDouble()).isLessThan(top.accuracy());
        assertThat(first.get("p_value").asDouble()).isCloseTo(p, within(p * 1e-6));
        assertThat(json.get("top_slices_search").get("rows").asInt()).isEqualTo(500);
        String html = HtmlReport.render(outcome, series, provenance, summary);
        assertThat(html).contains("<h2>Worst slices found</h2>").contains("clinic=C &amp; shift=night</td><td>63<");
    }

    @Test
    void aSingleReplicateRunTellsItsListenerTheSameSlicesAndTheOutcomesNames() {
        SimulationPlan plan = plan();
        List<SliceFinder.Result> told = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<String> names = new ArrayList<>();
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onFindings(RunFindings found) {
                told.add(found.topSlices());
                names.add(found.positive() + "/" + found.negative());
                order.add("slices");
            }

            @Override
            public void onFinish(org.twinbench.sim.RunStatus status) {
                order.add("finish");
            }
        }, new RunControl());
        assertThat(order).containsExactly("slices", "finish");
        RunOutcome pooled = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        assertThat(told.get(0)).isEqualTo(pooled.topSlices());
        // The outcome's own values, for the headline's wording.
        assertThat(names).containsExactly("malignant/benign");
    }
}
