package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunProvenance;

/**
 * Each of {@code run.json}'s {@code top_slices} carries the naive baseline on its own rows: {@code baseline_accuracy}
 * (always answering the reference rows' majority class) for a classifier, {@code baseline_mae} (always predicting
 * their mean) for a regression. Real public data, logged models: breast cancer and diabetes
 * (src/test/resources/verdicts); the expected values are scikit-learn's DummyClassifier / DummyRegressor fitted on
 * the reference rows and scored on the slice's rows with pandas
 * (sample-data/scripts/top_slices_baseline_reference.py). A stored run reads them back.
 */
class TopSliceBaselineTest {

    private static final Path DIR = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();

    private static ObjectNode runJson(String scenario) {
        Path file = DIR.resolve(scenario);
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(file), DIR, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        return RunJson.toTree(RunProvenance.of(file, plan, 1, Instant.EPOCH),
                RunSummary.of(outcome, series, List.of()), series, outcome);
    }

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("top-slices-baseline-expected.json").toFile()).get(name);
    }

    /** The top slice whose predicates read {@code name} ("clinic=C & shift=night"). */
    private static JsonNode slice(JsonNode topSlices, String name) {
        for (JsonNode slice : topSlices) {
            List<String> parts = new java.util.ArrayList<>();
            slice.get("predicates").forEach(p -> parts.add(p.get("column").asText() + "=" + p.get("value").asText()));
            if (String.join(" & ", parts).equals(name)) {
                return slice;
            }
        }
        throw new AssertionError("no top slice " + name + " in " + topSlices);
    }

    @Test
    void aClassifiersTopSlicesReadBesideTheMajorityGuessOnTheirRows() throws IOException {
        ObjectNode json = runJson("breast-cancer-log.twin.json");
        JsonNode want = expected("breast_cancer");
        for (String name : List.of("clinic=C & shift=night", "clinic=C")) {
            JsonNode found = slice(json.get("top_slices"), name);
            assertThat(found.get("n").asInt()).as(name).isEqualTo(want.get(name).get("n").asInt());
            assertThat(found.get("baseline_accuracy").asDouble()).as(name)
                    .isCloseTo(want.get(name).get("baseline_accuracy").asDouble(), within(1e-12));
        }
        // Every slice found has one, and no regression key.
        assertThat(json.get("top_slices")).allSatisfy(s -> assertThat(s.has("baseline_accuracy")).isTrue())
                .allSatisfy(s -> assertThat(s.has("baseline_mae")).isFalse());
        // A stored run reads them back in the slices' order.
        RunFindings back = SliceJson.findings(json);
        assertThat(back.sliceBaseline(0)).isEqualTo(json.get("top_slices").get(0).get("baseline_accuracy").asDouble());
    }

    /**
     * {@code run}'s "worst slice:" line and the report's table show the same guess: 0.349 (21 malignant of 63
     * rows, the reference's majority 'malignant') beside 0.317 for clinic=C &amp; shift=night.
     */
    @Test
    void theWorstSliceLineAndTheReportShowTheGuessBesideTheFigure() throws IOException {
        Path file = DIR.resolve("breast-cancer-log.twin.json");
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(file), DIR, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        double want = expected("breast_cancer").get("clinic=C & shift=night").get("baseline_accuracy").asDouble();
        assertThat(SliceJson.describe(outcome.searchedSlices().slices().get(0))).isEqualTo("clinic=C & shift=night");
        assertThat(SliceJson.line(outcome.searchedSlices().slices().get(0), false,
                outcome.foundOrNone().sliceBaseline(0))).isEqualTo(String.format(java.util.Locale.ROOT,
                "clinic=C & shift=night, 63 rows, accuracy 0.317 [0.216, 0.440], guess %.3f, vs 0.984 elsewhere "
                        + "(p = 4.6e-61)", want));
        String html = HtmlReport.render(outcome, series, RunProvenance.of(file, plan, 1, Instant.EPOCH),
                RunSummary.of(outcome, series, List.of()));
        assertThat(html).contains("<th>naive guess</th>").contains("<td>0.2159–0.4400</td><td>"
                + HtmlReport.fmt(want) + " (no better)</td>");
        // clinic=C with rows before 168.8: 0.531 right against the guess's 0.313, not called out.
        assertThat(html).containsPattern("<td>clinic=C &amp; row=\\[69, 168\\.8\\)</td><td>32</td><td>0\\.5313</td>"
                + "<td>[^<]*</td><td>0\\.3125</td>");
    }

    @Test
    void aRegressionsTopSlicesReadBesideTheMeanGuessOnTheirRows() throws IOException {
        ObjectNode json = runJson("diabetes-log.twin.json");
        JsonNode want = expected("diabetes").get("clinic=B & shift=day");
        JsonNode planted = slice(json.get("top_slices"), "clinic=B & shift=day");
        assertThat(planted.get("n").asInt()).isEqualTo(want.get("n").asInt());
        assertThat(planted.get("baseline_mae").asDouble()).isCloseTo(want.get("baseline_mae").asDouble(), within(1e-9));
        assertThat(planted.has("baseline_accuracy")).isFalse();
        assertThat(SliceJson.findings(json).sliceBaseline(0)).isEqualTo(
                json.get("top_slices").get(0).get("baseline_mae").asDouble());
    }
}
