package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;

/**
 * A pipeline break is news: the column that stops arriving alarms in the step it starts and leads a RED
 * verdict; untouched real data raises no data-quality alarm.
 */
class DataQualityTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 3000, 7);
    }

    @AfterAll
    static void forget() {
        System.clearProperty(org.twinbench.sim.store.RunStore.PATH_PROPERTY);
    }

    /** The plain loans scenario (no perturbation) with the given extra nodes wired between source and model. */
    private static Path scenario(String name, List<ScenarioNode> extra, List<ScenarioNode> monitors)
            throws IOException {
        Scenario base = SampleScenarios.loansRecession(7);
        ScenarioNode source = base.node("loans").orElseThrow().withParam("batch_size", 250L).withParam("steps", 20L);
        ScenarioNode model = base.node("credit-model").orElseThrow();
        ScenarioNode metrics = base.node("accuracy-by-region").orElseThrow();
        List<ScenarioNode> nodes = new ArrayList<>(List.of(source));
        nodes.addAll(extra);
        nodes.add(model);
        nodes.add(metrics);
        nodes.addAll(monitors);
        List<ScenarioEdge> edges = new ArrayList<>();
        String previous = "loans";
        for (ScenarioNode node : extra) {
            edges.add(new ScenarioEdge(previous, node.id()));
            previous = node.id();
        }
        edges.add(new ScenarioEdge(previous, "credit-model"));
        edges.add(new ScenarioEdge("credit-model", "accuracy-by-region"));
        for (ScenarioNode monitor : monitors) {
            edges.add(new ScenarioEdge("credit-model", monitor.id()));
        }
        Path file = dir.resolve(name + ".twin.json");
        Files.writeString(file, ScenarioFormat.toJson(new Scenario(name, "", 7, nodes, edges)));
        return file;
    }

    private static List<String[]> alarms(Path out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(out.resolve("alarms.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", 5);
            if (row[4].startsWith("\"")) {
                row[4] = row[4].substring(1, row[4].length() - 1).replace("\"\"", "\"");
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aColumnThatStopsArrivingAlarmsInTheStepItStartsAndMakesTheVerdictRed() throws IOException {
        ScenarioNode breakNode = new ScenarioNode("income-feed", NodeCatalog.MISSING_VALUES, Map.of(
                "columns", List.of("income"), "mode", "pipeline-break",
                "schedule", Map.of("kind", "sudden", "start", 6L)), 0, 0);
        ScenarioNode drift = new ScenarioNode("drift", NodeCatalog.FEATURE_DRIFT, Map.of(
                "features", List.of("income", "age", "region")), 0, 0);
        Path file = scenario("pipeline-break", List.of(breakNode), List.of(drift));
        Path out = dir.resolve("break");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String[]> alarms = alarms(out);
        assertThat(alarms).as("alarms.csv").anySatisfy(a -> {
            assertThat(a[1]).isEqualTo("6");
            assertThat(a[2]).isEqualTo("drift");
            assertThat(a[4]).startsWith("data quality: income missing in 250 of 250 rows (100%");
        });
        // Once, at the start: the break goes on but is not reported again at every step.
        assertThat(alarms.stream().filter(a -> a[4].contains("income missing"))).hasSize(1);
        assertThat(alarms.stream().filter(a -> a[4].startsWith("data quality:") && !a[4].contains("income")))
                .isEmpty();
        // The reference is the first half of the file: its share of blank incomes, counted here.
        List<String> lines = Files.readAllLines(dir.resolve("loans.csv"));
        int incomeAt = List.of(lines.get(0).split(",")).indexOf("income");
        long blank = lines.subList(1, 1501).stream().filter(l -> l.split(",", -1)[incomeAt].isEmpty()).count();
        String reference = String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * blank / 1500);
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.path("summary").path("verdict").asText()).isEqualTo("red");
        assertThat(json.path("summary").path("headline").asText()).startsWith(
                "Data quality: income missing in 250 of 250 rows (100%; reference " + reference + ") from step 6.");
    }

    @Test
    void untouchedDataRaisesNoDataQualityAlarm() throws IOException {
        ScenarioNode quality = new ScenarioNode("checks", NodeCatalog.DATA_QUALITY, Map.of(), 0, 0);
        Path file = scenario("untouched", List.of(), List.of(quality));
        Path out = dir.resolve("untouched");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(alarms(out)).isEmpty();
        assertThat(Files.readString(out.resolve("steps.csv"))).contains("overall,checks.missing_share,0.0");
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.path("summary").path("headline").asText()).doesNotContain("Data quality");
    }

    @Test
    void aNewCategoryAndValuesOutOfRangeAlarmWithTheirColumn() throws IOException {
        ScenarioNode region = new ScenarioNode("new-region", NodeCatalog.CATEGORY_MIX, Map.of("column", "region",
                "category", "central", "share", 0.3, "schedule", Map.of("kind", "sudden", "start", 4L)), 0, 0);
        ScenarioNode scale = new ScenarioNode("cents", NodeCatalog.SCALE_BUG, Map.of("column", "loan_amount",
                "factor", 100.0, "schedule", Map.of("kind", "sudden", "start", 9L)), 0, 0);
        ScenarioNode quality = new ScenarioNode("checks", NodeCatalog.DATA_QUALITY, Map.of(), 0, 0);
        Path file = scenario("new-and-out", List.of(region, scale), List.of(quality));
        Path out = dir.resolve("new-and-out");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String[]> alarms = alarms(out);
        assertThat(alarms).anySatisfy(a -> {
            assertThat(a[1]).isEqualTo("4");
            assertThat(a[4]).startsWith("data quality: region in categories the reference never had").endsWith(": central");
        });
        assertThat(alarms).anySatisfy(a -> {
            assertThat(a[1]).isEqualTo("9");
            assertThat(a[4]).startsWith("data quality: loan_amount outside the reference range");
        });
        assertThat(alarms).allSatisfy(a -> assertThat(a[4]).containsAnyOf("region", "loan_amount"));
    }
}
