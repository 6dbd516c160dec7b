package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunFindings;
import org.twinbench.sim.sweep.Sweep;
import org.twinbench.sim.sweep.TaskResult;

/**
 * A sweep point's {@code run.json} says what {@code run} says for the same scenario and parameters: verdict and
 * headline, leaked columns, worst slices, robustness profile, outcome values. On R's credit card applications
 * ({@code rdata/creditcard.csv}): the model is given {@code expenditure}, recorded after the outcome.
 */
class SweepPointFindingsTest {

    @TempDir
    static Path dir;

    static final String SCENARIO = """
            {"format":"twinbench.scenario","version":1,"name":"Credit cards","seed":5,
            "nodes":[
            {"id":"cards","type":"source.dataset","params":{"path":"creditcard.csv","batch_size":100,"steps":10,
              "reference_share":0.5,"split":"shuffled"}},
            {"id":"m","type":"model.logistic","params":{"target":"card","features":["reports","age","income",
              "expenditure","owner","months"],"positive":"yes"}},
            {"id":"slices","type":"monitor.slice-metrics","params":{"slices":["owner"]}},
            {"id":"rob","type":"metrics.robustness","params":{}}],
            "edges":[{"from":"cards","to":"m"},{"from":"m","to":"slices"},{"from":"m","to":"rob"}]}
            """;

    @BeforeAll
    static void files() throws Exception {
        Files.copy(Path.of(SweepPointFindingsTest.class.getResource("/rdata/creditcard.csv").toURI()),
                dir.resolve("creditcard.csv"));
        Files.writeString(dir.resolve("cc.twin.json"), SCENARIO);
    }

    @Test
    void aSweepPointsRunJsonIsThatOfARunWithTheSameParameters() throws Exception {
        Files.writeString(dir.resolve("grid.json"), "{\"cards.batch_size\": [100, 60]}");
        CliRunner swept = CliRunner.run("sweep", dir.resolve("cc.twin.json").toString(), "--grid",
                dir.resolve("grid.json").toString(), "--replicates", "2", "--out", dir.resolve("sweep").toString());
        assertThat(swept.exitCode()).as(swept.err()).isZero();
        Files.writeString(dir.resolve("cc60.twin.json"), SCENARIO.replace("\"batch_size\":100", "\"batch_size\":60"));
        CliRunner ran = CliRunner.run("run", dir.resolve("cc60.twin.json").toString(), "--replicates", "2", "--out",
                dir.resolve("run60").toString(), "--no-store");
        assertThat(ran.exitCode()).as(ran.err()).isZero();

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode point = (ObjectNode) mapper.readTree(dir.resolve("sweep/point-0001/run.json").toFile());
        ObjectNode run = (ObjectNode) mapper.readTree(dir.resolve("run60/run.json").toFile());
        assertThat(point.path("point").path("cards.batch_size").asInt()).isEqualTo(60);
        // What the findings put there, each present in both.
        for (String key : List.of("summary", "leaked_columns", "top_slices", "top_slices_search", "robustness",
                "outcome_values", "alarms", "notes")) {
            assertThat(point.has(key)).as(key).isTrue();
            assertThat(point.get(key)).as(key).isEqualTo(run.get(key));
        }
        assertThat(point.path("summary").path("headline").asText()).startsWith("Optimistic figures: Feature "
                + "'expenditure' alone predicts 'card' almost perfectly");
        assertThat(point.path("summary").path("verdict").asText()).isIn("amber", "red");
        assertThat(point.path("leaked_columns").get(0).path("column").asText()).isEqualTo("expenditure");
        assertThat(point.path("top_slices")).isNotEmpty();
        // Everything else but the clock, the scenario file's name and hash, and the point's values.
        for (ObjectNode tree : List.of(point, run)) {
            tree.remove(List.of("created", "point", "scenario"));
        }
        assertThat(point).isEqualTo(run);
    }

    @Test
    void aTasksResultSurvivesJavaSerialisationAsSparkSendsIt() throws Exception {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("cards.batch_size", List.of(100));
        var tasks = Sweep.tasks(ScenarioFormat.read(dir.resolve("cc.twin.json")), dir, axes, 2, 0);
        List<TaskResult> results = Sweep.local(1).execute(tasks);
        List<TaskResult> sent = new ArrayList<>();
        for (TaskResult result : results) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(result);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                sent.add((TaskResult) in.readObject());
            }
            // The reservoir travels with the rows kept only (at most a few hundred here), not its 20,000 places.
            assertThat(bytes.size()).isLessThan(200_000);
        }
        RunFindings here = Sweep.point(Map.of(), results).outcome().findings();
        RunFindings there = Sweep.point(Map.of(), sent).outcome().findings();
        assertThat(here.leaks()).extracting(RunFindings.Leak::column).containsExactly("expenditure");
        assertThat(here.robustness()).isNotNull();
        assertThat(there).isEqualTo(here);
        assertThat(there.topSlices().slices()).isNotEmpty();
    }
}
