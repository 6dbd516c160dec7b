package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.TestResources;
import org.twinbench.model.OnnxTaskModel;

/**
 * {@code run} releases the ONNX runtime sessions of the plan it compiled when the run ends — completed, or
 * failed half-way (an {@code int32} input given 1.5 in the rows replayed after the reference, which the
 * diabetes model of {@code make_exported_onnx.py} refuses while scoring) — so runs in one JVM (the window,
 * tests) leave none open ({@link OnnxTaskModel#openSessions()}).
 */
class RunReleasesModelsTest {

    @TempDir
    Path dir;

    private Path scenario(String name, String data, String model) throws IOException {
        Path file = dir.resolve(name + ".twin.json");
        Files.writeString(file, """
                {"format": "twinbench.scenario", "version": 1, "name": "%s", "seed": 3,
                 "nodes": [{"id": "rows", "type": "source.dataset", "params": {"path": "%s", "batch_size": 50,
                            "steps": 4, "reference_share": 0.5}, "x": 0, "y": 0},
                           {"id": "m", "type": "model.onnx", "params": {"path": "%s"}, "x": 200, "y": 0}],
                 "edges": [{"from": "rows", "to": "m"}]}
                """.formatted(name, data, model));
        return file;
    }

    @Test
    void aCompletedRunAndOneThatFailsWhileScoringLeaveNoSessionOpen() throws Exception {
        for (String name : List.of("breast-cancer.csv", "breast-cancer-labels.onnx", "breast-cancer-labels.onnx.json",
                "diabetes-typed.csv", "diabetes-typed.onnx")) {
            TestResources.copy("/onnx-exported/", dir, name);
        }
        Files.writeString(dir.resolve("diabetes-typed.onnx.json"),
                "{\"format\": \"twinbench.onnx-mapping\", \"version\": 1, \"target\": \"target\"}");
        // the second half of the rows (those replayed) have sex 1.5, which an int32 input cannot take
        List<String> lines = Files.readAllLines(dir.resolve("diabetes-typed.csv"));
        List<String> bad = new ArrayList<>(lines.subList(0, lines.size() / 2));
        for (String line : lines.subList(lines.size() / 2, lines.size())) {
            String[] cells = line.split(",");
            cells[1] = "1.5";
            bad.add(String.join(",", cells));
        }
        Files.write(dir.resolve("typed-bad.csv"), bad);
        Path good = scenario("labels", "breast-cancer.csv", "breast-cancer-labels.onnx");
        Path failing = scenario("typed", "typed-bad.csv", "diabetes-typed.onnx");
        int before = OnnxTaskModel.openSessions();

        for (int round = 0; round < 2; round++) {
            CliRunner ran = CliRunner.run("run", good.toString(), "--out", dir.resolve("out" + round).toString(),
                    "--no-store");
            assertThat(ran.exitCode()).as(ran.err()).isZero();
            assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);
        }
        CliRunner broke = CliRunner.run("run", failing.toString(), "--out", dir.resolve("broke").toString(),
                "--no-store");
        assertThat(broke.exitCode()).isEqualTo(2);
        assertThat(broke.err()).contains("column 'sex' holds 1.5").contains("takes whole numbers (int32)");
        assertThat(OnnxTaskModel.openSessions()).isEqualTo(before);
    }
}
