package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.Limits;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.testing.SmallLoans;

/**
 * Issue 17, items 7, 9 and 12: slow or over-long {@code --assert} expressions, terminal escapes in
 * anything quoted from input, and outputs that name an input. Each is refused with exit 2 and one
 * clean line (nothing a terminal would act on), and nothing is written.
 */
class HostileCliTextTest {

    private static final String ASSERT = "7 slow --assert";
    private static final String ESCAPES = "9 terminal escapes";
    private static final String OUTPUTS = "12 output names an input";
    /** Clear the screen, move home, set the window title, forge a line, reverse the text direction. */
    private static final List<String> ESCAPE_TEXTS = List.of("\u001b[2J\u001b[H", "\u001b]0;owned\u0007",
            "ok\rfake: valid", "x\u202Egnp.exe", "\u009b31mred", "del\u007f", "nul\u0000byte");

    @TempDir
    static Path dir;
    private static Path scenario;
    private static Path data;
    private static Path model;

    @BeforeAll
    static void files() throws IOException {
        scenario = SmallLoans.scenario(dir, "s.twin.json", SampleScenarios.loansRecession(5), 3);
        data = dir.resolve("loans.csv");
        model = dir.resolve("m.twinmodel");
        CliRunner train = CliRunner.run("train", "--data", data.toString(), "--target", "defaulted", "--out",
                model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    @AfterAll
    static void summary() {
        System.out.print(Refusals.summary());
    }

    // ------------------------------------------------------------------ item 7

    @Test
    void assertionsWithThousandsOfSpacesAreRefusedAtOnce() {
        Path out = dir.resolve("assert-out");
        for (int spaces : new int[] {5_000, 10_000, 100_000}) {
            String blank = " ".repeat(spaces);
            for (String expression : List.of("min(accuracy[" + blank + "region=north]) >= 0.8",
                    "min(accuracy[" + blank + "]) >= 0.8", "min(accuracy[" + blank, blank + "count(alarms) <= 3")) {
                Refusals.refused(ASSERT, new String[] {"--assert", "characters; a gate may have at most "
                        + Limits.ASSERT_LENGTH}, "run", scenario.toString(), "--no-store", "--out", out.toString(),
                        "--assert", expression);
            }
        }
        // Within the length limit, malformed expressions full of spaces are read in one pass too.
        String blank = " ".repeat(Limits.ASSERT_LENGTH - 40);
        for (String expression : List.of("min(accuracy[" + blank + "=", "min(accuracy[" + blank + "x=y",
                "min(accuracy[ " + blank + "]) >= 0.8", "min(accuracy[a" + blank + "=b" + "]) >=", "min(" + blank)) {
            Refusals.refused(ASSERT, new String[] {"--assert", "not understood"}, "run", scenario.toString(),
                    "--no-store", "--out", out.toString(), "--assert", expression);
        }
        assertThat(out).doesNotExist();
    }

    // ------------------------------------------------------------------ item 9

    private static Path hostileScenario(String nodeId, String type, String name) throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(scenario.toFile());
        root.put("name", name);
        ArrayNode nodes = (ArrayNode) root.get("nodes");
        nodes.addObject().put("id", nodeId).put("type", type).putObject("params");
        Path file = dir.resolve("hostile-" + Integer.toHexString(nodeId.hashCode() ^ type.hashCode()) + ".twin.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(root));
        return file;
    }

    @Test
    void nodeIdsTypesAndNamesCannotDriveTheTerminal() throws IOException {
        Path out = dir.resolve("escape-out");
        for (String text : ESCAPE_TEXTS) {
            Path file = hostileScenario("n" + text, "monitor.performance", "S" + text);
            // The node's edge-less monitor is fine; an unknown type names it.
            Path unknownType = hostileScenario("n" + text, "evil" + text, "S" + text);
            for (Path f : List.of(unknownType)) {
                CliRunner validate = Refusals.refused(ESCAPES, new String[] {"unknown node type 'evil"}, "validate",
                        f.toString());
                assertThat(validate.err()).contains("\\u");
                Refusals.refused(ESCAPES, new String[] {"unknown node type 'evil"}, "run", f.toString(), "--no-store",
                        "--out", out.toString());
            }
            // An edge to a node that does not exist quotes the hostile id.
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(file.toFile());
            ((ArrayNode) root.get("edges")).addObject().put("from", "loans").put("to", "ghost" + text);
            Files.writeString(file, Json.MAPPER.writeValueAsString(root));
            Refusals.refused(ESCAPES, new String[] {"unknown node 'ghost"}, "validate", file.toString());
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void columnAndFileNamesCannotDriveTheTerminal() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(data).subList(0, 201));
        StringBuilder header = new StringBuilder(lines.get(0));
        // A NUL makes the file binary, refused as such; every other escape is a column name.
        List<String> texts = ESCAPE_TEXTS.stream().filter(t -> t.indexOf('\0') < 0).toList();
        for (String text : texts) {
            header.append(",\"c").append(text.replace("\"", "\"\"")).append('"');
        }
        lines.set(0, header.toString());
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + ",1".repeat(texts.size()));
        }
        Path hostile = dir.resolve("hostile-columns.csv");
        Files.write(hostile, lines);
        // The refusal lists the table's columns: the hostile ones come out escaped.
        Refusals.refused(ESCAPES, new String[] {"no compared column", "c\\u001b[2J"}, "drift", "--reference",
                hostile.toString(), "--current", hostile.toString(), "--method", "nosuch=ks");
        Refusals.refused(ESCAPES, new String[] {"no column 'x\\u001b[2J'"}, "train", "--data", hostile.toString(),
                "--target", "x\u001b[2J", "--out", dir.resolve("never.twinmodel").toString());
        Refusals.refused(ESCAPES, new String[] {"\\u001b]0;owned\\u0007"}, "metrics", "--data", hostile.toString(),
                "--label", "defaulted", "--score", "\u001b]0;owned\u0007");
        // Option values and file names quoted by the option parser and by the commands.
        Refusals.refused(ESCAPES, new String[] {"--steps", "\\u001b[2J"}, "run", scenario.toString(), "--steps",
                "\u001b[2J");
        for (String text : ESCAPE_TEXTS) {
            if (text.indexOf('\0') >= 0) {
                continue; // no file name holds a NUL
            }
            Path missing = dir.resolve("missing" + text + ".twin.json");
            Refusals.refused(ESCAPES, new String[] {"missing"}, "validate", missing.toString());
            Path file = dir.resolve("named" + text + ".csv");
            Files.writeString(file, "a,b\n1,2\n");
            Refusals.refused(ESCAPES, new String[] {"named"}, "train", "--data", file.toString(), "--target", "zzz",
                    "--out", dir.resolve("never.twinmodel").toString());
        }
        assertThat(dir.resolve("never.twinmodel")).doesNotExist();
    }

    @Test
    void aZipEntryNameCannotDriveTheTerminal() throws IOException {
        for (String text : ESCAPE_TEXTS) {
            Path bundle = dir.resolve("entry-" + Integer.toHexString(text.hashCode()) + ".twinmodel");
            try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(model));
                 var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bundle))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
                zip.putNextEntry(new java.util.zip.ZipEntry("extra" + text));
                zip.write(1);
                zip.closeEntry();
            }
            Path out = dir.resolve("scored-entry.csv");
            Refusals.refused(ESCAPES, new String[] {"extra"}, "score", "--model", bundle.toString(), "--data",
                    data.toString(), "--out", out.toString());
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void aRecordedScenarioNameIsListedEscaped() throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(scenario.toFile());
        root.put("name", "Loans\u001b[2J\u001b[H\u202E");
        Path file = dir.resolve("named.twin.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(root));
        Path store = dir.resolve("named-store/runs.sqlite");
        CliRunner run = CliRunner.run("run", file.toString(), "--store", store.toString(), "--out",
                dir.resolve("named-run").toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String[] args : List.of(new String[] {"runs", "list", "--store", store.toString()},
                new String[] {"runs", "list", "--json", "--store", store.toString()},
                new String[] {"runs", "show", "1", "--store", store.toString()})) {
            CliRunner listed = CliRunner.run(args);
            assertThat(listed.exitCode()).isZero();
            Refusals.assertNoControlCharacters(listed.out() + listed.err());
            assertThat(listed.out()).containsIgnoringCase("Loans\\u001b[2J");
        }
        // As JSON, the escaped spelling reads back as the name itself.
        CliRunner json = CliRunner.run("runs", "list", "--json", "--store", store.toString());
        assertThat(Json.MAPPER.readTree(json.out()).get(0).path("scenario").asText())
                .isEqualTo("Loans\u001b[2J\u001b[H\u202E");
    }

    // ------------------------------------------------------------------ item 12

    @Test
    void anOutputThatNamesAnInputIsRefusedAndTheInputKept() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path modelLink = sub.resolve("link.twinmodel");
        Files.createSymbolicLink(modelLink, model);
        Path dataLink = sub.resolve("data-link.twinmodel");
        Files.createSymbolicLink(dataLink, data);
        Path onnx = dir.resolve("loans-logistic.onnx");
        Files.copy(Path.of("sample-data", "loans-logistic.onnx"), onnx);
        Files.copy(Path.of("sample-data", "loans-logistic.onnx.json"), dir.resolve("loans-logistic.onnx.json"));
        Map<Path, byte[]> before = new HashMap<>();
        for (Path input : List.of(model, data, onnx, dir.resolve("loans-logistic.onnx.json"), scenario)) {
            before.put(input, Files.readAllBytes(input));
        }
        String[] named = {"names an input of this command"};
        Refusals.refused(OUTPUTS, named, "score", "--model", model.toString(), "--data", data.toString(), "--out",
                model.toString());
        Refusals.refused(OUTPUTS, named, "score", "--model", model.toString(), "--data", data.toString(), "--out",
                modelLink.toString());
        Refusals.refused(OUTPUTS, named, "score", "--model", model.toString(), "--data", data.toString(), "--out",
                sub.resolve("../m.twinmodel").toString());
        Refusals.refused(OUTPUTS, named, "score", "--model", model.toString(), "--data", data.toString(), "--out",
                data.toString());
        Refusals.refused(OUTPUTS, named, "score", "--model", onnx.toString(), "--data", data.toString(), "--out",
                onnx.toString());
        Refusals.refused(OUTPUTS, named, "score", "--model", onnx.toString(), "--data", data.toString(), "--out",
                onnx + ".json");
        Refusals.refused(OUTPUTS, named, "train", "--data", data.toString(), "--target", "defaulted", "--out",
                dataLink.toString());
        // A run folder whose steps.csv would be the data; a store that is the data or the scenario.
        Path runDir = Files.createDirectories(dir.resolve("rundir"));
        Files.copy(data, runDir.resolve("steps.csv"));
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(scenario.toFile());
        for (var node : root.get("nodes")) {
            if (node.path("id").asText().equals("loans")) {
                ((ObjectNode) node.get("params")).put("path", "rundir/steps.csv");
            }
        }
        Path inFolder = dir.resolve("in-folder.twin.json");
        Files.writeString(inFolder, Json.MAPPER.writeValueAsString(root));
        byte[] steps = Files.readAllBytes(runDir.resolve("steps.csv"));
        Refusals.refused(OUTPUTS, named, "run", inFolder.toString(), "--no-store", "--out", runDir.toString());
        Refusals.refused(OUTPUTS, named, "run", scenario.toString(), "--store", data.toString(), "--out",
                dir.resolve("never-run").toString());
        Refusals.refused(OUTPUTS, named, "run", scenario.toString(), "--store", scenario.toString(), "--out",
                dir.resolve("never-run").toString());
        // A sweep folder that holds the grid as sweep.csv; an export folder that holds the store as run.json.
        Path sweepDir = Files.createDirectories(dir.resolve("sweepdir"));
        Files.writeString(sweepDir.resolve("sweep.csv"), "{\"loans.steps\": [2, 3]}");
        Refusals.refused(OUTPUTS, named, "sweep", scenario.toString(), "--grid", sweepDir.resolve("sweep.csv")
                .toString(), "--out", sweepDir.toString());
        Path exportDir = Files.createDirectories(dir.resolve("exportdir"));
        Path store = exportDir.resolve("run.json");
        assertThat(CliRunner.run("run", scenario.toString(), "--store", store.toString(), "--out",
                dir.resolve("for-export").toString(), "--threads", "1").exitCode()).isZero();
        byte[] storeBytes = Files.readAllBytes(store);
        Refusals.refused(OUTPUTS, named, "runs", "export", "1", "--store", store.toString(), "--out",
                exportDir.toString());

        for (Map.Entry<Path, byte[]> input : before.entrySet()) {
            assertThat(Files.readAllBytes(input.getKey())).as("%s", input.getKey()).isEqualTo(input.getValue());
        }
        assertThat(Files.readAllBytes(runDir.resolve("steps.csv"))).isEqualTo(steps);
        assertThat(Files.readAllBytes(store)).isEqualTo(storeBytes);
        assertThat(runDir.resolve("run.json")).doesNotExist();
        assertThat(dir.resolve("never-run")).doesNotExist();
        assertThat(Files.readString(sweepDir.resolve("sweep.csv"))).startsWith("{");
        assertThat(exportDir.resolve("steps.csv")).doesNotExist();
    }

    static Path sampleData(Path folder) throws IOException {
        Path file = folder.resolve("loans.csv");
        SampleData.writeLoans(file, 400, 5);
        return file;
    }
}
