package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real dated table no one here made, replayed by the calendar: ggplot2's Texas housing sales (8,602 city-months,
 * 2000–2015, from Debian's r-cran-ggplot2; {@code src/test/resources/rdata/make_data.sh}), its rows shuffled and
 * its months written month-first ({@code 7/1/2008}). A regression of the median price trained on the rows before
 * 2006 and replayed by quarter from 2006 on:
 * <ul>
 *   <li>the day-first/month-first ambiguity is asked about, not guessed;</li>
 *   <li>each step holds one quarter's rows, as many as pandas counts (labelled ones too);</li>
 *   <li>the data-quality monitor does not alarm on {@code year}, which can only pass the reference's range as
 *       time goes on (it did: "RED: Data quality: year outside the reference range [2000, 2005] in 138 of 138
 *       rows (100%) from step 0");</li>
 *   <li>no replayed row was a training row, and the run does not say so (it noted "about 26% of the rows …
 *       are rows tx.twinmodel was trained on", counting the whole file).</li>
 * </ul>
 */
class CalendarRealDataTest {

    private static final Path DIR = Path.of("src", "test", "resources", "rdata");

    private static List<String> reference(String key) throws Exception {
        return Files.readAllLines(DIR.resolve("reference.txt")).stream().filter(l -> l.startsWith(key + " "))
                .findFirst().map(l -> Arrays.asList(l.substring(key.length() + 1).split(" "))).orElseThrow();
    }

    private static String scenario(String timeFormat) {
        return """
                {"format": "twinbench.scenario", "version": 1, "name": "Texas housing by quarter", "seed": 3,
                 "nodes": [
                  {"id": "sales", "type": "source.dataset", "params": {"path": "txhousing.csv",
                   "time_column": "month_start", %s"window": "quarter", "reference_until": "2006-01-01", "steps": 100}},
                  {"id": "m", "type": "model.bundle", "params": {"path": "tx.twinmodel"}},
                  {"id": "dq", "type": "monitor.data-quality", "params": {}}],
                 "edges": [{"from": "sales", "to": "m"}, {"from": "m", "to": "dq"}]}
                """.formatted(timeFormat == null ? "" : "\"time_format\": \"" + timeFormat + "\", ");
    }

    @Test
    void texasHousingReplayedByQuarterHoldsPandasWindowsAndRaisesNoClockAlarm(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve("txhousing.csv"));
        Files.write(dir.resolve("txhousing.csv"), lines);
        List<String> before2006 = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> Integer.parseInt(l.split(",")[1]) < 2006).forEach(before2006::add);
        Files.write(dir.resolve("tx-train.csv"), before2006);
        CliRunner train = CliRunner.run("train", "--data", dir.resolve("tx-train.csv").toString(), "--target", "median",
                "--algo", "linear", "--exclude", "year,month,month_start", "--out", dir.resolve("tx.twinmodel").toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        Path ambiguous = dir.resolve("ambiguous.twin.json");
        Files.writeString(ambiguous, scenario(null));
        CliRunner asked = CliRunner.run("validate", ambiguous.toString());
        assertThat(asked.exitCode()).isEqualTo(2);
        assertThat(asked.err()).contains("column 'month_start' can be read month-first or day-first (e.g. '7/1/2008' is"
                + " 2008-07-01 or 2008-01-07): set its time format to M/d/yyyy or d/M/yyyy");

        Path file = dir.resolve("tx.twin.json");
        Files.writeString(file, scenario("M/d/yyyy"));
        CliRunner run = CliRunner.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--no-store",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());

        List<String> labelled = reference("txhousing labelled");
        assertThat(json.get("window_starts")).hasSize(Integer.parseInt(reference("txhousing quarters").get(0)));
        assertThat(json.get("window_starts").get(0).asText()).isEqualTo("2006-01-01");
        assertThat(json.get("window_starts").get(38).asText()).isEqualTo("2015-07-01");
        List<String> counts = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out").resolve("steps.csv"))) {
            String[] cells = line.split(",");
            if (cells.length == 5 && cells[2].equals("overall") && cells[3].equals("n")) {
                counts.add(String.valueOf((int) Double.parseDouble(cells[4])));
            }
        }
        assertThat(counts).isEqualTo(labelled);

        assertThat(json.at("/summary/headline").asText()).doesNotContain("year").doesNotContain("Data quality");
        assertThat(Files.readString(dir.resolve("out").resolve("alarms.csv"))).doesNotContain(",dq,");
        assertThat(json.at("/model/replays_training_rows").asBoolean()).isFalse();
        assertThat(json.get("notes").toString()).doesNotContain("trained on");
    }
}
