package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.model.BadModelFiles;

/**
 * Hostile files through the real command line, class by class (issue 17): each must be refused
 * with exit 2 and one clean line on stderr naming the file (or node), no stack trace, nothing
 * written; the time each refusal takes is measured and the longest per class printed at the end.
 * A refusal that hangs (a named pipe read for ever) fails after a minute instead of blocking the build.
 */
class HostileFilesTest {

    private static HostileRefusals refusals;

    @TempDir
    static Path dir;

    static Path data;
    static Path xs;
    static String card;
    static String scenario;

    @BeforeAll
    static void files() throws IOException {
        data = dir.resolve("loans.csv");
        Files.write(data, Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 1201));
        xs = dir.resolve("x.csv");
        Files.writeString(xs, "x\n0.25\n-3\n7\n");
        card = BadModelFiles.goodCard(dir);
        scenario = Files.readString(Path.of("sample-data", "loans-recession.twin.json"));
        refusals = new HostileRefusals(dir);
    }

    @AfterAll
    static void report() {
        refusals.close();
        System.out.print(refusals.report("hostile files refused, per class"));
    }

    private static Path hostileOnnx(String name) {
        try {
            return Path.of(HostileFilesTest.class.getResource("/hostile-onnx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample scenario with its model node reading {@code model} (a model.bundle or model.onnx node). */
    private static Path scenarioWithModel(String name, String model) throws IOException {
        String type = model.endsWith(".onnx") ? "model.onnx" : "model.bundle";
        String json = scenario.replaceFirst("\"type\" : \"model.logistic\",\\s*\"params\" : \\{[^}]*\\}",
                java.util.regex.Matcher.quoteReplacement("\"type\" : \"" + type + "\", \"params\" : {\"path\" : "
                        + Json.MAPPER.writeValueAsString(model) + "}"));
        return write(name, json);
    }

    private static Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path fifo(String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", file.toString()).start().waitFor()).isZero();
        return file;
    }

    private static CliRunner refused(String kind, String named, String... args) throws Exception {
        return refusals.refused(kind, named, args);
    }

    @Test
    void onnxModelsWithExternalDataAreRefusedNamingTheModelAndThePath() throws Exception {
        for (String name : List.of("external-absolute.onnx", "external-dotdot.onnx", "external-relative.onnx",
                "external-without-flag.onnx", "external-sparse.onnx", "external-attribute.onnx", "external-subgraph.onnx",
                "external-function.onnx", "external-training-info.onnx")) {
            Path model = hostileOnnx(name);
            String err = refused("ONNX external data", model.toString(), "score", "--model", model.toString(), "--data",
                    xs.toString(), "--out", dir.resolve("scored.csv").toString()).err();
            assertThat(err).contains("asks for data outside the model, in '").doesNotContain("root:");
        }
        Files.copy(hostileOnnx("external-absolute.onnx"), dir.resolve("external.onnx"));
        Path file = scenarioWithModel("external-model.twin.json", "external.onnx");
        refused("ONNX external data", "external.onnx: tensor 'w' asks for data outside the model, in '/etc/passwd'",
                "validate", file.toString());
        refused("ONNX external data", "external.onnx", "run", file.toString(), "--no-store", "--out",
                dir.resolve("run-out").toString());
        Files.delete(dir.resolve("external.onnx"));
    }

    @Test
    void onnxScoresThatAreNoProbabilitiesAreRefusedNamingTheModelAndTheRow() throws Exception {
        for (String name : List.of("score-above-one.onnx", "score-below-zero.onnx", "score-nan.onnx", "score-infinite.onnx")) {
            Path model = hostileOnnx(name);
            refused("ONNX scores outside [0, 1]", model + ": output 'probability' gave ", "score", "--model",
                    model.toString(), "--data", xs.toString(), "--out", dir.resolve("scored.csv").toString());
        }
    }

    @Test
    void bundlesThatWouldHangOrExhaustTheJvmAreRefusedInScoreValidateAndRun() throws Exception {
        Path sets100 = BadModelFiles.consistentBundle(dir.resolve("serialdos-100.twinmodel"), card,
                BadModelFiles.nestedSets(100));
        Path sets40 = BadModelFiles.consistentBundle(dir.resolve("serialdos-40.twinmodel"), card,
                BadModelFiles.nestedSets(40));
        Path bombAfter = BadModelFiles.binaryBomb(dir.resolve("bomb-after.twinmodel"), card, 700, false);
        Path bombBefore = BadModelFiles.binaryBomb(dir.resolve("bomb-before.twinmodel"), card, 700, true);
        for (Path bundle : List.of(sets100, sets40, bombAfter, bombBefore)) {
            refused("deserialisation and zip bombs", bundle.toString(), "score", "--model", bundle.toString(), "--data",
                    data.toString(), "--out", dir.resolve("scored.csv").toString());
        }
        for (Path bundle : List.of(sets100, bombAfter)) {
            Path file = scenarioWithModel("with-" + bundle.getFileName() + ".twin.json", bundle.getFileName().toString());
            refused("deserialisation and zip bombs", bundle.toString(), "validate", file.toString());
            refused("deserialisation and zip bombs", bundle.toString(), "run", file.toString(), "--no-store", "--out",
                    dir.resolve("run-out").toString());
            Files.delete(file);
        }
        for (Path bundle : List.of(sets100, sets40, bombAfter, bombBefore)) {
            Files.delete(bundle);
        }
    }

    @Test
    void jsonNestedDeepOrWithHugeNumbersIsRefusedNamingTheFile() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String digits = "9".repeat(2000);
        for (String[] variant : new String[][] {{"deep", deep}, {"digits", digits}}) {
            Path file = write(variant[0] + ".twin.json", scenario.replaceFirst("\"seed\" : 20261127",
                    "\"seed\" : 1, \"extra\" : " + variant[1]));
            refused("JSON limits", file.toString(), "validate", file.toString());
            refused("JSON limits", file.toString(), "run", file.toString(), "--no-store", "--out",
                    dir.resolve("run-out").toString());
            Path model = dir.resolve(variant[0] + ".onnx");
            Files.copy(Path.of("sample-data", "loans-logistic.onnx"), model);
            Path sidecar = write(variant[0] + ".onnx.json", "{\"target\": \"defaulted\", \"note\": " + variant[1] + "}");
            refused("JSON limits", sidecar.toString(), "score", "--model", model.toString(), "--data", data.toString(),
                    "--out", dir.resolve("scored.csv").toString());
            Path bundle = dir.resolve(variant[0] + ".twinmodel");
            BadModelFiles.consistentBundle(bundle, card.replaceFirst("\\{", "{\"extra\" : " + variant[1] + ","),
                    BadModelFiles.nestedSets(1));
            refused("JSON limits", bundle + ": model.json", "score", "--model", bundle.toString(), "--data",
                    data.toString(), "--out", dir.resolve("scored.csv").toString());
            for (Path written : List.of(file, model, sidecar, bundle)) {
                Files.delete(written);
            }
        }
    }

    @Test
    void aSecondDocumentOrTrailingTextIsRefused() throws Exception {
        Path twice = write("twice.twin.json", scenario + scenario);
        refused("trailing content", twice.toString(), "validate", twice.toString());
        refused("trailing content", twice.toString(), "run", twice.toString(), "--no-store", "--out",
                dir.resolve("run-out").toString());
        Path tail = write("tail.twin.json", scenario + "\nrm -rf /\n");
        refused("trailing content", tail.toString(), "validate", tail.toString());
        Path model = dir.resolve("tail.onnx");
        Files.copy(Path.of("sample-data", "loans-logistic.onnx"), model);
        Path sidecar = write("tail.onnx.json", Files.readString(Path.of("sample-data", "loans-logistic.onnx.json"))
                + "{\"output\": \"other\"}");
        refused("trailing content", sidecar.toString(), "score", "--model", model.toString(), "--data", data.toString(),
                "--out", dir.resolve("scored.csv").toString());
        Path bundle = dir.resolve("tail.twinmodel");
        BadModelFiles.consistentBundle(bundle, card + "{}", BadModelFiles.nestedSets(1));
        refused("trailing content", bundle + ": model.json", "score", "--model", bundle.toString(), "--data",
                data.toString(), "--out", dir.resolve("scored.csv").toString());
        for (Path written : List.of(twice, tail, model, sidecar, bundle)) {
            Files.delete(written);
        }
    }

    @Test
    void aNulInAFileNameIsRefusedNamingTheNode() throws Exception {
        Path dataNul = write("nul-data.twin.json", scenario.replace("\"path\" : \"loans.csv\"",
                "\"path\" : \"loans\\u0000.csv\""));
        Path modelNul = scenarioWithModel("nul-model.twin.json", "m\u0000.twinmodel");
        for (Path file : List.of(dataNul, modelNul)) {
            String node = file == dataNul ? "node loans" : "node credit-model";
            refused("NUL in a file name", node + ": parameter 'path' holds a NUL character", "validate", file.toString());
            refused("NUL in a file name", node + ": parameter 'path' holds a NUL character", "run", file.toString(),
                    "--no-store", "--out", dir.resolve("run-out").toString());
            Files.delete(file);
        }
        // On the command line (in-process: a shell cannot pass one) it is a usage error naming the option.
        CliRunner result = CliRunner.run("score", "--model", "m.twinmodel", "--data", "loans\u0000.csv", "--out", "o.csv");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("twinbench: Invalid value for option '--data': a file name cannot hold a NUL")
                .doesNotContain("Exception").doesNotContain("\u0000");
    }

    @Test
    void namedPipesDevicesAndFoldersAreRefusedInsteadOfReadForEver() throws Exception {
        String notRegular = "is not a regular file (a named pipe, device or socket)";
        Path scored = dir.resolve("scored.csv");
        Path bundle = dir.resolve("good.twinmodel");
        assertThat(CliRunner.run("train", "--data", data.toString(), "--target", "defaulted", "--out", bundle.toString())
                .exitCode()).isZero();
        Path pipe = fifo("pipe.csv");
        refused("named pipe or device", pipe + ": " + notRegular, "score", "--model", bundle.toString(), "--data",
                pipe.toString(), "--out", scored.toString());
        refused("named pipe or device", pipe + ": " + notRegular, "metrics", "--data", pipe.toString(), "--label", "a",
                "--score", "b");
        refused("named pipe or device", pipe + ": " + notRegular, "train", "--data", pipe.toString(), "--target",
                "defaulted", "--out", dir.resolve("m.twinmodel").toString());
        refused("named pipe or device", pipe + ": " + notRegular, "drift", "--reference", data.toString(), "--current",
                pipe.toString());
        refused("named pipe or device", "/dev/zero: " + notRegular, "score", "--model", bundle.toString(), "--data",
                "/dev/zero", "--out", scored.toString());
        refused("named pipe or device", dir + ": is a folder, not a file", "metrics", "--data", dir.toString(), "--label",
                "a", "--score", "b");
        for (String name : List.of("pipe.twinmodel", "pipe.onnx")) {
            Path model = fifo(name);
            refused("named pipe or device", model + ": " + notRegular, "score", "--model", model.toString(), "--data",
                    data.toString(), "--out", scored.toString());
        }
        Path onnx = dir.resolve("piped.onnx");
        Files.copy(Path.of("sample-data", "loans-logistic.onnx"), onnx);
        Path sidecar = fifo("piped.onnx.json");
        refused("named pipe or device", sidecar + ": " + notRegular, "score", "--model", onnx.toString(), "--data",
                data.toString(), "--out", scored.toString());
        Path pipedScenario = fifo("pipe.twin.json");
        refused("named pipe or device", pipedScenario + ": " + notRegular, "validate", pipedScenario.toString());
        refused("named pipe or device", pipedScenario + ": " + notRegular, "run", pipedScenario.toString(), "--no-store",
                "--out", dir.resolve("run-out").toString());
        Path piped = write("piped-data.twin.json", scenario.replace("\"path\" : \"loans.csv\"", "\"path\" : \"pipe.csv\""));
        refused("named pipe or device", pipe + ": " + notRegular, "validate", piped.toString());
        refused("named pipe or device", pipe + ": " + notRegular, "run", piped.toString(), "--no-store", "--out",
                dir.resolve("run-out").toString());
        Path pipedModel = scenarioWithModel("piped-model.twin.json", "pipe.twinmodel");
        refused("named pipe or device", "pipe.twinmodel: " + notRegular, "validate", pipedModel.toString());
        refused("named pipe or device", "pipe.twinmodel: " + notRegular, "run", pipedModel.toString(), "--no-store",
                "--out", dir.resolve("run-out").toString());
        for (Path written : List.of(bundle, pipe, onnx, sidecar, pipedScenario, piped, pipedModel, dir.resolve("pipe.onnx"),
                dir.resolve("pipe.twinmodel"))) {
            Files.delete(written);
        }
        assertThat(new String(Files.readAllBytes(data), StandardCharsets.UTF_8)).startsWith("application_id");
    }
}
