package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.Launcher;

/**
 * Issue 17 item 9 and issue 19: with {@code --json}, stdout holds one JSON document and nothing else,
 * and nothing else reaches the terminal either: no Log4j "could not find a logging provider" line
 * (Apache POI reading .xlsx), no ONNX Runtime log line. Each command runs in a fresh JVM through the
 * real launcher, because library logging starts once per process and writes to the process's own
 * stdout and stderr, past picocli's writers.
 */
class JsonOutputOnlyTest {

    @TempDir
    static Path dir;
    private static Path xlsx;
    private static Path csv;

    /** The first 300 rows of the sample loans, as a workbook written by POI. */
    @BeforeAll
    static void workbook() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 301);
        csv = dir.resolve("loans.csv");
        Files.write(csv, lines);
        xlsx = dir.resolve("loans.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            var sheet = book.createSheet("loans");
            for (int r = 0; r < lines.size(); r++) {
                var row = sheet.createRow(r);
                String[] cells = lines.get(r).split(",");
                for (int c = 0; c < cells.length; c++) {
                    if (r > 0 && cells[c].matches("-?\\d+(\\.\\d+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            book.write(out);
        }
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The whole of stdout is one JSON document (nothing before it, nothing after it). */
    private static JsonNode onlyJson(String stdout) throws IOException {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(stdout)) {
            JsonNode document = Json.MAPPER.readTree(parser);
            assertThat(document).as("a JSON document in %s", stdout).isNotNull();
            assertThat(parser.nextToken()).as("nothing after the document in %s", stdout).isNull();
            return document;
        }
    }

    @Test
    void commandsOnAWorkbookPrintOnlyTheirJson() throws Exception {
        Path model = dir.resolve("m.twinmodel");
        Outcome train = launch("train", "--data", xlsx.toString(), "--target", "defaulted", "--out", model.toString(),
                "--json");
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.err()).isEmpty();
        onlyJson(train.out());

        Outcome score = launch("score", "--model", model.toString(), "--data", xlsx.toString(), "--out",
                dir.resolve("scored.csv").toString(), "--json");
        assertThat(score.exit()).as(score.err()).isZero();
        assertThat(score.err()).isEmpty();
        assertThat(onlyJson(score.out()).path("rows").asInt()).isEqualTo(300);

        Outcome drift = launch("drift", "--reference", xlsx.toString(), "--current", csv.toString(), "--json");
        assertThat(drift.exit()).as(drift.err()).isIn(0, 1);
        assertThat(drift.err()).isEmpty();
        onlyJson(drift.out());
    }

    @Test
    void anOnnxModelScoresWithoutALogLine() throws Exception {
        Path onnx = dir.resolve("loans-logistic.onnx");
        Files.copy(Path.of("sample-data", "loans-logistic.onnx"), onnx);
        Files.copy(Path.of("sample-data", "loans-logistic.onnx.json"), dir.resolve("loans-logistic.onnx.json"));
        Outcome score = launch("score", "--model", onnx.toString(), "--data", xlsx.toString(), "--out",
                dir.resolve("onnx-scored.csv").toString(), "--json");
        assertThat(score.exit()).as(score.err()).isZero();
        assertThat(score.err()).isEmpty();
        onlyJson(score.out());
    }

    @Test
    void aRefusalWithJsonIsOneErrorDocumentOnStdoutAndOneLineOnStderr() throws Exception {
        Outcome refused = launch("drift", "--reference", xlsx.toString(), "--current", csv.toString(), "--columns",
                "nosuch", "--json");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("twinbench: ").doesNotContain("\n");
        JsonNode error = onlyJson(refused.out());
        assertThat(error.path("error").asText()).isEqualTo(refused.err().strip().substring("twinbench: ".length()));
    }
}
