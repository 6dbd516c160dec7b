package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * modeldata's Chicago L-train ridership (Debian {@code r-cran-modeldata}), a production log of a random forest
 * trained on 2001–2009 ({@code rdata/chicago-log.csv}, {@code make_chicago_log.py}), replayed by quarter from 2010:
 * 27 quarters, so 2 at each end. The error grows — MAE 1.66 → 2.40 (+44%), RMSE 2.78 → 3.35 (+20%), pandas in
 * {@code chicago-log.json} — yet two quarters a side are too few for Welch's test on the per-step RMSEs to tell it
 * from the seasons' swing. The run used to say "GREEN: The model holds"; it now says what it sees and that it
 * cannot judge it.
 */
class ChicagoRidershipVerdictTest {

    @TempDir
    Path dir;

    @Test
    void aLargeRiseTooFewStepsCanJudgeIsAmberNotHolds() throws Exception {
        Files.copy(Path.of("src/test/resources/rdata/chicago-log.csv"), dir.resolve("chicago-log.csv"));
        JsonNode pandas = new ObjectMapper().readTree(Path.of("src/test/resources/rdata/chicago-log.json").toFile());
        Files.writeString(dir.resolve("chicago.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"Chicago L ridership","seed":3,
                "nodes":[
                {"id":"days","type":"source.dataset","params":{"path":"chicago-log.csv","time_column":"date",
                  "window":"quarter","reference_until":"2010-01-01","steps":200}},
                {"id":"m","type":"model.logged","params":{"score_column":"predicted","target":"ridership"}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":["Bulls_Home"]}}],
                "edges":[{"from":"days","to":"m"},{"from":"m","to":"slices"}]}
                """);
        CliRunner run = CliRunner.run("run", dir.resolve("chicago.twin.json").toString(), "--out",
                dir.resolve("out").toString(), "--no-store");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("the data runs out after " + pandas.get("quarters").asInt() + " steps");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/run.json").toFile()).path("summary");
        String headline = summary.path("headline").asText();
        assertThat(summary.path("verdict").asText()).as(headline).isEqualTo("amber");
        String expected = String.format(Locale.ROOT, "The error rises by %.0f%% in RMSE and %.0f%% in MAE (RMSE %s ->"
                + " %s, MAE %s -> %s), a rise this run cannot tell from chance (first and last 2 steps, Welch's test"
                + " corrected for ", 100 * pandas.get("rmse_rise").asDouble(), 100 * pandas.get("mae_rise").asDouble(),
                three(pandas.get("first").get("rmse")), three(pandas.get("last").get("rmse")),
                three(pandas.get("first").get("mae")), three(pandas.get("last").get("mae")));
        assertThat(headline).startsWith(expected).contains("more steps (in a replay by date, a shorter window) could"
                + " judge it").doesNotContain("holds");
    }

    /** Three significant figures, as the headline writes them (2.78, 1.66, 2.4). */
    private static String three(JsonNode value) {
        return new java.math.BigDecimal(value.asDouble()).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }
}
