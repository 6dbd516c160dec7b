package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import moa.classifiers.core.driftdetection.ADWIN;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {

    @TempDir
    Path dir;

    /** 0/1 errors with P(1) = 0.1 for the first 3000 values, then 0.5. */
    static double[] stream() {
        SplittableRandom random = new SplittableRandom(42);
        double[] out = new double[6000];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble() < (i < 3000 ? 0.1 : 0.5) ? 1 : 0;
        }
        return out;
    }

    private Path write(String name, String header, double[] values) throws IOException {
        StringBuilder text = new StringBuilder(header == null ? "" : header + "\n");
        for (double v : values) {
            text.append((int) v).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text.toString());
        return file;
    }

    private JsonNode runJson(String... args) throws IOException {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void adwinDetectionsAreMoas() throws IOException {
        double[] values = stream();
        List<Integer> expected = new ArrayList<>();
        ADWIN moa = new ADWIN(0.002);
        for (int i = 0; i < values.length; i++) {
            if (moa.setInput(values[i])) {
                expected.add(i);
            }
        }
        assertThat(expected).isNotEmpty();
        JsonNode json = runJson("detect", "--detector", "adwin", "--input", write("s.csv", "error", values).toString(),
                "--json");
        assertThat(json.get("detector").asText()).isEqualTo("adwin");
        assertThat(json.get("params").get("delta").asDouble()).isEqualTo(0.002);
        assertThat(json.get("n").asInt()).isEqualTo(6000);
        List<Integer> detections = new ArrayList<>();
        json.get("detections").forEach(d -> detections.add(d.asInt()));
        assertThat(detections).isEqualTo(expected);
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    @Test
    void bareListOfNumbersAndParamOverride() throws IOException {
        double[] values = stream();
        JsonNode json = runJson("detect", "--detector", "ddm", "--param", "drift_level=2.5", "--input",
                write("bare.txt", null, values).toString(), "--json");
        assertThat(json.get("n").asInt()).isEqualTo(6000);
        assertThat(json.get("params").get("drift_level").asDouble()).isEqualTo(2.5);
        assertThat(json.get("params").get("min_instances").asDouble()).isEqualTo(30);
    }

    @Test
    void changePointsAreEvaluated() throws IOException {
        JsonNode json = runJson("detect", "--detector", "adwin", "--input", write("s.csv", "error", stream()).toString(),
                "--column", "error", "--change-points", "3000", "--json");
        JsonNode evaluation = json.get("evaluation");
        int firstAfter = -1;
        int before = 0;
        for (JsonNode d : json.get("detections")) {
            if (d.asInt() >= 3000 && firstAfter < 0) {
                firstAfter = d.asInt();
            } else if (d.asInt() < 3000) {
                before++;
            }
        }
        assertThat(firstAfter).isGreaterThanOrEqualTo(3000);
        assertThat(evaluation.get("delays").get(0).asInt()).isEqualTo(firstAfter - 3000);
        assertThat(evaluation.get("missed").asInt()).isZero();
        assertThat(evaluation.get("false_alarms").asInt()).isEqualTo(json.get("detections").size() - 1);
        assertThat(before).isLessThanOrEqualTo(evaluation.get("false_alarms").asInt());
    }

    @Test
    void textOutputListsDetections() throws IOException {
        CliRunner result = CliRunner.run("detect", "--detector", "page-hinkley", "--input",
                write("s.csv", "error", stream()).toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("page-hinkley").contains("detections:").contains("warnings:");
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws IOException {
        String file = write("s.csv", "error", stream()).toString();
        BadInput.assertRejected("unknown detector 'magic'", "detect", "--detector", "magic", "--input", file);
        BadInput.assertRejected("has no parameter 'lambda'", "detect", "--detector", "adwin", "--param", "lambda=3", "--input",
                file);
        BadInput.assertRejected("'big' is not a number", "detect", "--detector", "adwin", "--param", "delta=big", "--input", file);
        BadInput.assertRejected("expected NAME=VALUE", "detect", "--detector", "adwin", "--param", "delta", "--input", file);
        BadInput.assertRejected("no column 'loss'", "detect", "--detector", "adwin", "--input", file, "--column", "loss");
        BadInput.assertRejected("is outside the 6000 values", "detect", "--detector", "adwin", "--input", file,
                "--change-points", "7000");
        Path two = dir.resolve("two.csv");
        Files.writeString(two, "a,b\n1,2\n");
        BadInput.assertRejected("has 2 columns (a, b); choose one with --column", "detect", "--detector", "adwin", "--input",
                two.toString());
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "x\n1\n0\noops\n");
        BadInput.assertRejected("text.csv: line 4: 'oops'", "detect", "--detector", "adwin", "--input", text.toString());
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, "x\n1\nNA\n0\n");
        BadInput.assertRejected("gap.csv: line 3: column 'x' has no value", "detect", "--detector", "adwin", "--input",
                gap.toString());
        BadInput.assertRejected("missing.csv: file not found", "detect", "--detector", "adwin", "--input",
                dir.resolve("missing.csv").toString());
    }
}
