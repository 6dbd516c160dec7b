package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.DataException;
import org.twinbench.data.LoadOptions;
import org.twinbench.data.TableLoader;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioValidator;

/** Inputs at the edge of what TwinBench handles: refused with a reason, or handled in full. */
class LimitsTest {

    @TempDir
    Path dir;

    @Test
    void tableLargerThanTheMemoryBudgetIsRefusedWithTheRowsThatFit() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("a,b,c,d\n");
            for (int i = 0; i < 40_000; i++) {
                out.write(i + "," + (i * 0.5) + "," + (i % 7) + ",x" + (i % 3) + "\n");
            }
        }
        long budget = 1L << 20;
        // 1 MiB at 9 bytes per numeric cell (3 columns) and 24 per text cell: floor(1048576 / 51) = 20560 rows.
        assertThatThrownBy(() -> TableLoader.load(file, LoadOptions.detect(), budget))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": line ")
                .hasMessageContaining("memory budget of 1 MiB")
                .hasMessageContaining("about 20560 rows of 4 columns fit");
        // The same file within a budget that holds it loads in full.
        assertThat(TableLoader.load(file, LoadOptions.detect(), 4L << 20).frame().rowCount()).isEqualTo(40_000);
    }

    /** The SEA sample reshaped into 500 nodes: a source, 496 chained drifts, a model and two monitors. */
    static String fiveHundredNodes() throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Path.of("sample-data", "sea-detectors.twin.json").toFile());
        JsonNode template = null;
        ArrayNode nodes = Json.MAPPER.createArrayNode();
        for (JsonNode node : root.get("nodes")) {
            switch (node.get("id").asText()) {
                case "gradual-drift" -> template = node;
                case "ph-sensitive", "accuracy-watch" -> { }
                default -> nodes.add(node);
            }
        }
        ((ObjectNode) nodes.get(0).get("params")).put("batch_size", 100).put("reference_rows", 500);
        ArrayNode edges = Json.MAPPER.createArrayNode();
        String previous = "sea";
        for (int i = 1; i <= 496; i++) {
            ObjectNode drift = template.deepCopy();
            drift.put("id", "drift-" + i);
            ((ObjectNode) drift.get("params")).put("flip_share", 0.001);
            nodes.add(drift);
            edges.addObject().put("from", previous).put("to", "drift-" + i);
            previous = "drift-" + i;
        }
        edges.addObject().put("from", previous).put("to", "sea-model");
        edges.addObject().put("from", "sea-model").put("to", "ph-default");
        edges.addObject().put("from", "sea-model").put("to", "accuracy");
        root.set("nodes", nodes);
        root.set("edges", edges);
        return Json.MAPPER.writeValueAsString(root);
    }

    @Test
    void scenarioWithFiveHundredNodesOpensValidatesAndRuns() throws IOException {
        Path file = dir.resolve("big.twin.json");
        Files.writeString(file, fiveHundredNodes());
        Scenario scenario = ScenarioFormat.read(file);
        assertThat(scenario.nodes()).hasSize(500);
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();
        assertThat(CliRunner.run("validate", file.toString()).exitCode()).isZero();

        Path out = dir.resolve("out");
        CliRunner run = CliRunner.run("run", file.toString(), "--steps", "5", "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertThat(steps.get(0)).isEqualTo("replicate,step,slice,metric,value");
        assertThat(steps.stream().skip(1).map(l -> l.split(",")[1]).distinct()).hasSize(5);
        assertThat(out.resolve("report.html")).exists();
    }
}
