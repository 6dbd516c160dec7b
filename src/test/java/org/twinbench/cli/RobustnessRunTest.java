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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.testing.SmallLoans;

/**
 * A {@code metrics.robustness} node in the loans recession: {@code run} prints the weakest features,
 * {@code run.json} has the profile under {@code robustness} (overall and per region), and the report has a
 * Robustness section with one bar chart per group and the table of shifts.
 */
class RobustnessRunTest {

    @Test
    void runWritesTheProfileToRunJsonTheReportAndItsOutput(@TempDir Path dir) throws IOException {
        Scenario base = SampleScenarios.loansRecession(7);
        List<ScenarioNode> nodes = new ArrayList<>(base.nodes());
        nodes.add(new ScenarioNode("profile", NodeCatalog.ROBUSTNESS, Map.of("slices", List.of("region"),
                "rows", 500L), 700, 540));
        List<ScenarioEdge> edges = new ArrayList<>(base.edges());
        edges.add(new ScenarioEdge("credit-model", "profile"));
        Path file = SmallLoans.scenario(dir, "loans.twin.json",
                new Scenario(base.name(), base.description(), base.seed(), nodes, edges), 8);
        Path out = dir.resolve("out");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
        assertThat(result.out()).containsPattern("robustness: weakest \\S+ \\((shift|swap|holds)");
        JsonNode profile = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("robustness");
        assertThat(profile.get("node").asText()).isEqualTo("profile");
        assertThat(profile.get("rows").asInt()).isEqualTo(500);
        assertThat(profile.get("retrained").asBoolean()).isFalse();
        assertThat(profile.get("limit").asDouble()).isCloseTo(profile.get("accuracy").asDouble() - 0.05,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(profile.get("features")).isNotEmpty();
        assertThat(profile.get("slices")).isNotEmpty();
        for (JsonNode slice : profile.get("slices")) {
            assertThat(slice.get("column").asText()).isEqualTo("region");
            assertThat(slice.get("rows").asInt()).isGreaterThanOrEqualTo(30);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<h2>Robustness</h2>").contains("smallest shift that hurts, all rows")
                .contains("smallest shift that hurts, region = ");
        int charts = html.split("aria-label=\"smallest shift that hurts").length - 1;
        assertThat(charts).isEqualTo(1 + profile.get("slices").size());
    }
}
