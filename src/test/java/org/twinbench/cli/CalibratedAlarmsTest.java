package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;

/**
 * Default drift alarms on real data (scikit-learn's breast cancer set with a 51-category column, written by
 * {@code src/test/resources/verdicts/make_data.py}): on exchangeable halves of the shuffled file they fire
 * about as often as the stated 1% rate says and {@code run.json} says so; the old fixed threshold of 0.25
 * alarmed on the 51-category column at most steps; a real shift is still found in the step it starts.
 */
class CalibratedAlarmsTest {

    @TempDir
    static Path dir;
    static List<String> features;

    @BeforeAll
    static void data() throws IOException {
        Path source = Path.of("src/test/resources/verdicts/breast-cancer-51.csv");
        Files.copy(source, dir.resolve("bc.csv"));
        features = new ArrayList<>(List.of(Files.readAllLines(source).get(0).split(",")));
        features.remove("diagnosis");
    }

    private static Path scenario(String name, int batch, Map<String, Object> drift, List<ScenarioNode> extra)
            throws IOException {
        List<ScenarioNode> nodes = new ArrayList<>();
        nodes.add(new ScenarioNode("bc", NodeCatalog.DATASET_SOURCE, Map.of("path", "bc.csv", "batch_size",
                (long) batch, "steps", 60L, "sampling", "per-step"), 0, 0));
        nodes.addAll(extra);
        nodes.add(new ScenarioNode("model", NodeCatalog.LOGISTIC_MODEL, Map.of("target", "diagnosis", "features",
                List.of("mean_radius", "mean_texture", "worst_concave_points"), "positive", "malignant"), 0, 0));
        Map<String, Object> params = new LinkedHashMap<>(Map.of("features", features));
        params.putAll(drift);
        nodes.add(new ScenarioNode("drift", NodeCatalog.FEATURE_DRIFT, params, 0, 0));
        List<ScenarioEdge> edges = new ArrayList<>();
        String previous = "bc";
        for (ScenarioNode node : extra) {
            edges.add(new ScenarioEdge(previous, node.id()));
            previous = node.id();
        }
        edges.add(new ScenarioEdge(previous, "model"));
        edges.add(new ScenarioEdge("model", "drift"));
        Path file = dir.resolve(name + ".twin.json");
        Files.writeString(file, ScenarioFormat.toJson(new Scenario(name, "", 7, nodes, edges)));
        return file;
    }

    private static Path run(Path scenario, String... more) {
        Path out = dir.resolve(scenario.getFileName().toString().replace(".twin.json", ""));
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString(), "--no-store"));
        args.addAll(List.of(more));
        CliRunner result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    private static List<String> driftAlarms(Path out) throws IOException {
        return Files.readAllLines(out.resolve("alarms.csv")).stream().filter(l -> l.contains(" drifted: ")).toList();
    }

    @Test
    void exchangeableHalvesRaiseAboutTheStatedRateOfAlarms() throws IOException {
        Path out = run(scenario("halves", 50, Map.of(), List.of()), "--replicates", "2");
        JsonNode alarms = new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("alarms");
        // 31 features, 62 data-quality checks and the outcome-share check at 2 x 60 steps.
        assertThat(alarms.path("checks").asLong()).isEqualTo(94L * 120);
        int drift = driftAlarms(out).size();
        // At most 1% of 31 x 120 column-steps: 37 expected at most; Binomial(3720, 0.01) exceeds 56 with
        // probability 0.001.
        assertThat(drift).isLessThanOrEqualTo(56);
        assertThat(alarms.path("fired").asInt()).isGreaterThanOrEqualTo(drift);
        double expected = alarms.path("expected_false").asDouble();
        // The outcome-share check holds 0.001 per run: 0.001 / 60 a step.
        double share = 0.001 / 60;
        assertThat(expected).isCloseTo(31 * (0.01 + 59 * 0.01 * 0.99) * 2 + 62 * (0.001 + 59 * 0.001 * 0.999) * 2
                + (share + 59 * share * (1 - share)) * 2, org.assertj.core.api.Assertions.offset(0.01));
        assertThat(alarms.path("other").asInt()).isZero();
        // Nothing changed, and the model beats always answering 'benign': the verdict is green.
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("summary");
        assertThat(summary.path("verdict").asText()).as(summary.path("headline").asText()).isEqualTo("green");
    }

    @Test
    void theOldFixedThresholdAlarmedOnThe51CategoryColumnAtMostSteps() throws IOException {
        Path out = run(scenario("fixed", 250, Map.of("threshold", 0.25), List.of()));
        long above = Files.readAllLines(out.resolve("steps.csv")).stream()
                .filter(l -> l.startsWith("0,") && l.contains(",overall,drift.area_band,"))
                .filter(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)) >= 0.25).count();
        assertThat(above).as("steps of 60 with psi(area_band) >= 0.25").isGreaterThan(30);
        JsonNode alarms = new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("alarms");
        assertThat(alarms.path("other").asInt()).isPositive();
    }

    @Test
    void aRealShiftAlarmsInTheStepItStarts() throws IOException {
        ScenarioNode shift = new ScenarioNode("wider", NodeCatalog.COVARIATE_SHIFT, Map.of("column", "mean_radius",
                "scale", 1.3, "schedule", Map.of("kind", "sudden", "start", 30L)), 0, 0);
        Path out = run(scenario("shifted", 50, Map.of(), List.of(shift)));
        assertThat(driftAlarms(out)).anySatisfy(l -> assertThat(l).startsWith("0,30,drift,alarm,mean_radius drifted: psi"));
        // Scored against the schedule: the change at step 30 detected at once; every other step with an alarm of
        // the node (before step 30, or later in the segment) is a false alarm.
        long alarmSteps = Files.readAllLines(out.resolve("alarms.csv")).stream().skip(1)
                .filter(l -> l.split(",")[2].equals("drift")).map(l -> l.split(",")[1]).distinct().count();
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.path("change_points").toString()).isEqualTo("[30]");
        JsonNode drift = json.path("detectors").get(0);
        assertThat(drift.path("node").asText()).isEqualTo("drift");
        assertThat(drift.path("detected").asInt()).isEqualTo(1);
        assertThat(drift.path("missed").asInt()).isZero();
        assertThat(drift.path("mean_delay").asDouble()).isZero();
        assertThat(drift.path("false_alarms").asLong()).isEqualTo(alarmSteps - 1);
        // The report shows the same scores.
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("<h2>Monitors against the schedule</h2>", "Changes start at step 30",
                "<tr><td>drift</td><td>1</td><td>0</td><td>" + (alarmSteps - 1) + "</td>");
    }
}
