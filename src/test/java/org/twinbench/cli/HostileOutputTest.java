package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text in the data must come out inert: formula cells escaped in every CSV written, markup
 * escaped in report.html, personal data masked in exports.
 */
class HostileOutputTest {

    private static final String FORMULA = "=cmd|' /C calc'!A0";
    private static final String COLUMN = "<script>alert(\"col\")</script>";
    private static final String VALUE = "<img src=x onerror=\"alert(1)\">";
    private static final String CATEGORY = "</td><script>evil('c')</script>";

    @TempDir
    Path dir;

    private static String csvQuoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Test
    void scoreEscapesFormulaCellsAndMasksPersonalData() throws IOException {
        List<String> loans = Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 401);
        Path train = dir.resolve("train.csv");
        Files.write(train, loans);
        Path model = dir.resolve("m.twinmodel");
        assertThat(CliRunner.run("train", "--data", train.toString(), "--target", "defaulted", "--out",
                model.toString()).exitCode()).isZero();

        String[] notes = {FORMULA, "+1+1", "@SUM(A1)", "-2", "-cmd"};
        List<String> rows = new ArrayList<>();
        rows.add(loans.get(0) + ",note,email");
        for (int i = 1; i < loans.size(); i++) {
            rows.add(loans.get(i) + "," + csvQuoted(notes[i % notes.length]) + ",person" + i + ".name@example.com");
        }
        Path data = dir.resolve("hostile.csv");
        Files.write(data, rows);
        Path out = dir.resolve("scored.csv");
        CliRunner score = CliRunner.run("score", "--model", model.toString(), "--data", data.toString(),
                "--out", out.toString());
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.err()).contains("masked personal data in [email]");

        String written = Files.readString(out);
        assertThat(written).contains(",'" + FORMULA + ",", "'+1+1", "'@SUM(A1)", "'-cmd",
                ",-2,");
        for (String line : written.split("\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell).as("a cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("@")
                        .doesNotStartWith("+").doesNotStartWith("\"=");
            }
        }
        // person17.name@example.com is written as p***@example.com: the local part never appears.
        assertThat(written).doesNotContain("person17.name@").contains("p***@example.com");
    }

    @Test
    void runReportEscapesColumnNamesAndCategoryValues() throws IOException {
        List<String> loans = Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 3001);
        List<String> hostile = new ArrayList<>();
        hostile.add(loans.get(0).replace(",region,", "," + csvQuoted(COLUMN) + ","));
        for (String line : loans.subList(1, loans.size())) {
            hostile.add(line.replace(",north,", "," + csvQuoted(VALUE) + ",").replace(",east,", "," + csvQuoted(FORMULA)
                    + ","));
        }
        Files.write(dir.resolve("loans.csv"), hostile);
        String scenario = Files.readString(Path.of("sample-data", "loans-recession.twin.json"))
                .replace("\"region\"", Json.MAPPER.writeValueAsString(COLUMN))
                .replace("\"central\"", Json.MAPPER.writeValueAsString(CATEGORY));
        Path file = dir.resolve("hostile.twin.json");
        Files.writeString(file, scenario);
        Path out = dir.resolve("out");
        CliRunner run = CliRunner.run("run", file.toString(), "--steps", "30", "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).doesNotContain(COLUMN, VALUE, CATEGORY, "<script", "onerror=\"");
        assertThat(html).contains("&lt;script&gt;alert(&quot;col&quot;)&lt;/script&gt;");
        assertThat(html).contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
        assertThat(html).contains("&lt;/td&gt;&lt;script&gt;evil(&#39;c&#39;)&lt;/script&gt;");

        for (String csv : List.of("steps.csv", "alarms.csv")) {
            for (String line : Files.readAllLines(out.resolve(csv))) {
                for (String cell : line.split(",")) {
                    assertThat(cell).as(csv).doesNotStartWith("=").doesNotStartWith("\"=");
                }
            }
        }
    }

    @Test
    void aColumnNamedLikeAFormulaIsShownAsWrittenInTheReport() throws IOException {
        List<String> loans = Files.readAllLines(Path.of("sample-data", "loans.csv")).subList(0, 3001);
        List<String> renamed = new ArrayList<>(loans);
        renamed.set(0, loans.get(0).replace(",region,", ",=cmd,"));
        Files.write(dir.resolve("loans.csv"), renamed);
        String scenario = Files.readString(Path.of("sample-data", "loans-recession.twin.json"))
                .replace("\"region\"", "\"=cmd\"");
        Path file = dir.resolve("formula.twin.json");
        Files.writeString(file, scenario);
        Path out = dir.resolve("out");
        CliRunner run = CliRunner.run("run", file.toString(), "--steps", "10", "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        String html = Files.readString(out.resolve("report.html"));
        // The heading and the chart title name the column as written; the legend names the values alone.
        assertThat(html).contains("<h3>accuracy by =cmd</h3>", ">accuracy by =cmd<", ">north</text>",
                ">south</text>");
        assertThat(html).doesNotContain("<h3>accuracy by </h3>", ">cmd=north<", "'=cmd");
    }
}
