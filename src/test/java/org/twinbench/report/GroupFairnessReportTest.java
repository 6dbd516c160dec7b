package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.whatif.FairnessWords;
import org.twinbench.sim.whatif.GroupCounts;
import org.twinbench.sim.whatif.GroupFairness;

/**
 * report.html's fairness table per group, one real public data set per task, over the last tenth of the steps (here
 * the last step), against pandas, scipy and statsmodels on the same rows
 * ({@code sample-data/scripts/run_group_fairness_reference.py}, {@code report/fairness/expected.json}):
 * <ul>
 *   <li>yes/no: R's Pima Indians diabetes with a weak logistic model's logged scores, by age and body-mass groups —
 *   accuracy and recall of 'pos' with Wilson intervals, the share answered 'pos' and its four-fifths ratio (under-30s
 *   are never answered 'pos': ratio 0), beside always answering 'neg';</li>
 *   <li>amounts: R's carData Salaries with TwinBench's ridge model, by sex and rank — MAE with its t interval and its
 *   ratio to all rows', beside always predicting the reference's mean salary; professors are off by 2.85 times the
 *   rest's error, beyond chance;</li>
 *   <li>several kinds: scikit-learn's digits with cross-validated logged probabilities, by ink — accuracy with its
 *   Wilson interval beside always answering the reference's commonest digit.</li>
 * </ul>
 */
class GroupFairnessReportTest {

    private static final Path DIR = Path.of("src", "test", "resources").toAbsolutePath();
    private static final double EXACT = 1e-9;

    @TempDir
    Path tmp;

    private record Run(RunOutcome outcome, RunSeries series, String html) {
    }

    private Run run(String name, Map<String, Object> source, ScenarioNode model, List<String> slices)
            throws IOException {
        ScenarioNode data = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, source, 0, 0);
        ScenarioNode sliced = new ScenarioNode("slices", NodeCatalog.SLICE_METRICS, Map.of("slices", slices), 0, 0);
        Scenario scenario = new Scenario(name, "", 1, List.of(data, model, sliced),
                List.of(new ScenarioEdge("data", model.id()), new ScenarioEdge(model.id(), "slices")));
        Path file = tmp.resolve(name + ".twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        SimulationPlan plan = ScenarioCompiler.compile(scenario, tmp, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        String html = HtmlReport.render(outcome, series, RunProvenance.of(file, plan, 1, Instant.EPOCH),
                RunSummary.of(outcome, series, List.of()));
        return new Run(outcome, series, html);
    }

    private static JsonNode expected(String set) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("report/fairness/expected.json").toFile()).get(set);
    }

    private static String f(double v) {
        return HtmlReport.fmt(v);
    }

    private static String interval(JsonNode e, String figure) {
        JsonNode i = e.get(figure + "_interval");
        return f(e.get(figure).asDouble()) + " (" + f(i.get(0).asDouble()) + "–" + f(i.get(1).asDouble()) + ")";
    }

    private static void assertInterval(double[] actual, JsonNode expected, String what) {
        assertThat(actual[0]).as(what).isCloseTo(expected.get(0).asDouble(), within(EXACT));
        assertThat(actual[1]).as(what).isCloseTo(expected.get(1).asDouble(), within(EXACT));
    }

    /** The worst-served row of a column, as the wizard's table writes it (the cells checked against the reference). */
    private static void assertWorst(String html, Map<String, GroupCounts> counts, String column, JsonNode e,
                                    GroupFairness.Measure measure) {
        GroupFairness worst = GroupFairness.of(counts).stream().filter(g -> g.column().equals(column)
                && g.measure() == measure).findFirst().orElse(null);
        if (e == null || e.isNull()) {
            assertThat(worst).as(column + " " + measure).isNull();
            return;
        }
        assertThat(worst).as(column + " " + measure).isNotNull();
        assertThat(worst.group()).isEqualTo(e.get("group").asText());
        assertThat(worst.rows()).isEqualTo(e.get("rows").asLong());
        assertThat(worst.figure()).isCloseTo(e.get("figure").asDouble(), within(EXACT));
        assertThat(worst.rest()).isCloseTo(e.get("rest").asDouble(), within(EXACT));
        assertThat(worst.low()).isCloseTo(e.get("low").asDouble(), within(1e-6));
        assertThat(worst.high()).isCloseTo(e.get("high").asDouble(), within(1e-6));
        double p = e.get("p").asDouble();
        assertThat(worst.pValue()).isCloseTo(p, within(Math.max(1e-12, p * 1e-4)));
        assertThat(worst.comparisons()).isEqualTo(e.get("comparisons").asInt());
        assertThat(worst.beyondChance()).isEqualTo(e.get("beyond_chance").asBoolean());
        StringBuilder row = new StringBuilder("<tr><td>" + Html.escape(column) + "</td>");
        FairnessWords.cells(worst).forEach(c -> row.append("<td>").append(Html.escape(c)).append("</td>"));
        assertThat(html).contains(row.append("</tr>"));
    }

    @Test
    void yesNoGroupsShowAccuracyRecallAndTheFourFifthsRatioBesideTheBaselineAsStatsmodelsGivesThem()
            throws IOException {
        ScenarioNode logged = new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("target", "diabetes",
                "score_column", "score", "positive", "pos"), 0, 0);
        Run run = run("pima", Map.of("path", DIR.resolve("tasks/window/pima-log.csv").toString(), "batch_size", 288L,
                "steps", 2L, "reference_share", 0.25, "time_column", "row"), logged, List.of("age_group", "bmi_group"));
        JsonNode e = expected("pima");
        assertThat(e.get("majority").asText()).isEqualTo("neg");
        Map<String, GroupCounts> counts = RunGroupCounts.of(run.outcome(), run.series().steps(),
                RunGroupCounts.Kind.BINARY);
        assertThat(run.html()).contains("<h2>Fairness per group</h2>", "<h3>age_group</h3>", "<h3>bmi_group</h3>",
                "<th>recall of the positive class (95%)</th>", "<th>four-fifths ratio</th>");
        List<String> groups = new ArrayList<>();
        for (String column : List.of("age_group", "bmi_group")) {
            e.get("columns").get(column).get("groups").fields().forEachRemaining(g -> {
                groups.add(column + "=" + g.getKey());
                JsonNode want = g.getValue();
                GroupCounts c = counts.get(column + "=" + g.getKey());
                assertThat(c.rows()).isEqualTo(want.get("rows").asLong());
                assertThat(c.accuracy()).isCloseTo(want.get("accuracy").asDouble(), within(EXACT));
                assertInterval(c.accuracyInterval(), want.get("accuracy_interval"), "accuracy " + g.getKey());
                assertThat(c.guessAccuracy()).isCloseTo(want.get("baseline_accuracy").asDouble(), within(EXACT));
                assertThat(c.positiveRows()).isEqualTo(want.get("positives").asLong());
                assertThat(c.recall()).isCloseTo(want.get("recall").asDouble(), within(EXACT));
                assertInterval(c.recallInterval(), want.get("recall_interval"), "recall " + g.getKey());
                assertThat(GroupFairnessSection.selection(c)).isCloseTo(want.get("selection").asDouble(),
                        within(EXACT));
                double ratio = want.get("four_fifths").isNull() ? Double.NaN : want.get("four_fifths").asDouble();
                assertThat(run.html()).contains("<tr><td>" + g.getKey() + "</td><td>" + want.get("rows").asLong()
                        + "</td><td>" + interval(want, "accuracy") + "</td><td>" + f(want.get("baseline_accuracy")
                        .asDouble()) + "</td><td>" + interval(want, "recall") + "</td><td>" + want.get("positives")
                        .asLong() + "</td><td>" + f(want.get("selection").asDouble()) + "</td><td>" + f(ratio)
                        + "</td><td>");
            });
            assertWorst(run.html(), counts, column, e.at("/columns/" + column + "/worst/share_right"),
                    GroupFairness.Measure.SHARE_RIGHT);
            assertWorst(run.html(), counts, column, e.at("/columns/" + column + "/worst/caught"),
                    GroupFairness.Measure.CAUGHT);
        }
        assertThat(groups).hasSize(5);
        // Under-30s are never answered 'pos' (share 0 against 73% for the 30 to 49s): far below four-fifths.
        assertThat(run.html()).containsPattern("<tr><td>under 30</td><td>148</td>.*?<td>0.000</td><td>0.000</td><td>"
                + "[^<]*below four-fifths</td></tr>");
        JsonNode all = e.get("all");
        assertThat(counts.get(RunGroupCounts.EVERYONE).accuracy()).isCloseTo(all.get("accuracy").asDouble(),
                within(EXACT));
        assertThat(run.html()).contains("<tr><td>all rows</td><td>" + all.get("rows").asLong() + "</td><td>"
                + interval(all, "accuracy") + "</td>");
    }

    /**
     * A run read back from its steps.csv (the window's reopened runs) kept each slice's accuracy and baseline but no
     * confusion counts: the same accuracy figures, and '–' for the recall, positives and shares rather than zeros.
     */
    @Test
    void aRunReadBackFromItsStepsShowsItsAccuracyAndNoRecallItDidNotKeep() throws IOException {
        ScenarioNode logged = new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("target", "diabetes",
                "score_column", "score", "positive", "pos"), 0, 0);
        Run run = run("pima", Map.of("path", DIR.resolve("tasks/window/pima-log.csv").toString(), "batch_size", 288L,
                "steps", 2L, "reference_share", 0.25, "time_column", "row"), logged, List.of("age_group", "bmi_group"));
        java.io.StringWriter steps = new java.io.StringWriter();
        RunFiles.writeSteps(run.outcome(), steps);
        RunOutcome back = RunFolder.read(steps.toString(), "replicate,step,node,kind,detail\n", "steps.csv");
        Map<String, GroupCounts> counts = RunGroupCounts.of(back, 2, RunGroupCounts.kind(back));
        JsonNode want = expected("pima").at("/columns/age_group/groups/30 to 49");
        GroupCounts c = counts.get("age_group=30 to 49");
        assertThat(c.accuracy()).isCloseTo(want.get("accuracy").asDouble(), within(EXACT));
        assertThat(c.guessAccuracy()).isCloseTo(want.get("baseline_accuracy").asDouble(), within(EXACT));
        StringBuilder html = new StringBuilder();
        GroupFairnessSection.render(html, back, RunSeries.of(back));
        assertThat(html.toString()).contains("<tr><td>30 to 49</td><td>102</td><td>" + interval(want, "accuracy")
                + "</td><td>" + f(want.get("baseline_accuracy").asDouble()) + "</td><td>–</td><td>–</td><td>–</td>"
                + "<td>–</td>");
    }

    @Test
    void amountGroupsShowTheirErrorItsRatioToAllRowsAndTheBaselineAsScipyGivesThem() throws IOException {
        Path dir = DIR.resolve("report/fairness");
        ScenarioNode model = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path",
                dir.resolve("salaries-linear.twinmodel").toString()), 0, 0);
        Run run = run("salaries", Map.of("path", dir.resolve("salaries-replay.csv").toString(), "batch_size", 198L,
                "steps", 1L, "reference_share", 0.5, "time_column", "row"), model, List.of("sex", "rank"));
        JsonNode e = expected("salaries");
        Map<String, GroupCounts> counts = RunGroupCounts.of(run.outcome(), run.series().steps(),
                RunGroupCounts.Kind.REGRESSION);
        assertThat(run.html()).contains("<h2>Fairness per group</h2>", "<th>MAE (95%)</th>",
                "<th>MAE over all rows' MAE</th>", "<th>baseline MAE</th>").doesNotContain("four-fifths ratio");
        for (String column : List.of("sex", "rank")) {
            e.get("columns").get(column).get("groups").fields().forEachRemaining(g -> {
                JsonNode want = g.getValue();
                GroupCounts c = counts.get(column + "=" + g.getKey());
                assertThat(c.rows()).isEqualTo(want.get("rows").asLong());
                double mae = want.get("mae").asDouble();
                assertThat(c.mae()).isCloseTo(mae, within(mae * 1e-9));
                double[] i = c.maeInterval();
                assertThat(i[0]).isCloseTo(want.get("mae_interval").get(0).asDouble(), within(mae * 1e-7));
                assertThat(i[1]).isCloseTo(want.get("mae_interval").get(1).asDouble(), within(mae * 1e-7));
                double guess = want.get("baseline_mae").asDouble();
                assertThat(c.guessMae()).isCloseTo(guess, within(guess * 1e-9));
                assertThat(run.html()).contains("<tr><td>" + g.getKey() + "</td><td>" + want.get("rows").asLong()
                        + "</td><td>" + interval(want, "mae") + "</td><td>" + f(want.get("ratio_to_all").asDouble())
                        + "</td><td>" + f(guess) + "</td>");
            });
            assertWorst(run.html(), counts, column, e.at("/columns/" + column + "/worst/error"),
                    GroupFairness.Measure.ERROR);
        }
        // Professors: off by 2.85 times the rest's error, beyond chance (Bonferroni over the 2 ranks of 30 rows).
        assertThat(e.at("/columns/rank/worst/error/group").asText()).isEqualTo("rank=Prof");
        assertThat(run.html()).contains("served worse, beyond chance");
    }

    @Test
    void kindGroupsShowTheirAccuracyBesideTheCommonestDigitAsStatsmodelsGivesThem() throws IOException {
        ScenarioNode logged = new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("target", "digit",
                "proba_prefix", "p_"), 0, 0);
        Run run = run("digits", Map.of("path", DIR.resolve("tasks/fairness/digits-log.csv").toString(), "batch_size",
                449L, "steps", 2L, "reference_share", 0.5, "time_column", "row"), logged, List.of("ink"));
        JsonNode e = expected("digits");
        Map<String, GroupCounts> counts = RunGroupCounts.of(run.outcome(), run.series().steps(),
                RunGroupCounts.Kind.MULTICLASS);
        assertThat(run.html()).contains("<h2>Fairness per group</h2>", "<h3>ink</h3>")
                .doesNotContain("recall of the positive class (95%)");
        e.get("columns").get("ink").get("groups").fields().forEachRemaining(g -> {
            JsonNode want = g.getValue();
            GroupCounts c = counts.get("ink=" + g.getKey());
            assertThat(c.rows()).isEqualTo(want.get("rows").asLong());
            assertThat(c.accuracy()).isCloseTo(want.get("accuracy").asDouble(), within(EXACT));
            assertInterval(c.accuracyInterval(), want.get("accuracy_interval"), g.getKey());
            assertThat(c.guessAccuracy()).isCloseTo(want.get("baseline_accuracy").asDouble(), within(EXACT));
            assertThat(run.html()).contains(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%s</td><td>%s"
                    + "</td><td></td></tr>", g.getKey(), want.get("rows").asLong(), interval(want, "accuracy"),
                    f(want.get("baseline_accuracy").asDouble())));
        });
        assertWorst(run.html(), counts, "ink", e.at("/columns/ink/worst/share_right"),
                GroupFairness.Measure.SHARE_RIGHT);
    }
}
