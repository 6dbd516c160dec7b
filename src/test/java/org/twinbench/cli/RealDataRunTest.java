package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.stats.WilsonInterval;

/**
 * A run on real data no one here made: R's Pima Indians diabetes table (768 rows, written by
 * {@code src/test/resources/rdata/make_data.sh}) replayed untouched, 40 steps of 50 rows from its 384 production
 * rows. The draws repeat each row about five times; the verdict counts each once.
 */
class RealDataRunTest {

    @TempDir
    Path dir;

    @Test
    void aSmallFileReplayedManyTimesHasTheIntervalOfItsDifferentRows() throws Exception {
        Files.copy(Path.of(getClass().getResource("/rdata/pima.csv").toURI()), dir.resolve("pima.csv"));
        Files.writeString(dir.resolve("pima.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"Pima untouched","seed":11,
                "nodes":[
                {"id":"pima","type":"source.dataset","params":{"path":"pima.csv","batch_size":50,"steps":40,
                  "reference_share":0.5,"split":"shuffled"}},
                {"id":"m","type":"model.logistic","params":{"target":"diabetes","features":["pregnant","glucose",
                  "pressure","triceps","insulin","mass","pedigree","age"],"positive":"pos"}},
                {"id":"dq","type":"monitor.data-quality","params":{}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":[],"threshold":0.5}}],
                "edges":[{"from":"pima","to":"m"},{"from":"m","to":"dq"},{"from":"m","to":"slices"}]}
                """);
        CliRunner result = CliRunner.run("run", dir.resolve("pima.twin.json").toString(), "--out",
                dir.resolve("out").toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/run.json").toFile()).path("summary");
        String headline = summary.path("headline").asText();
        assertThat(summary.path("verdict").asText()).as(headline).isEqualTo("green");
        Matcher m = Pattern.compile("accuracy (0\\.\\d+) \\(95% interval (0\\.\\d+)–(0\\.\\d+)\\) over 2000 labelled "
                + "rows \\(drawn again and again from about (\\d+) different rows; the intervals count each once\\)")
                .matcher(headline);
        assertThat(m.find()).as(headline).isTrue();
        int distinct = Integer.parseInt(m.group(4));
        // 2,000 draws from 384 rows leave each row out with probability (383/384)^2000 ≈ 0.0055: about 382 drawn.
        assertThat(distinct).isBetween(372, 384);
        // The interval is Wilson's for that many rows, not for 2,000 (which would be about half as wide).
        double accuracy = Double.parseDouble(m.group(1));
        double[] wilson = WilsonInterval.of(accuracy, distinct);
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(wilson[0], org.assertj.core.api.Assertions.within(0.011));
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(wilson[1], org.assertj.core.api.Assertions.within(0.011));
        double[] perDraw = WilsonInterval.of(accuracy, 2000);
        assertThat(wilson[1] - wilson[0]).isGreaterThan(1.8 * (perDraw[1] - perDraw[0]));
        // Untouched: no data-quality alarm.
        List<String> alarms = Files.readAllLines(dir.resolve("out/alarms.csv"));
        assertThat(alarms.stream().filter(a -> a.contains("data quality"))).isEmpty();
    }

    private Path glassScenario(String extra) throws Exception {
        Files.copy(Path.of(getClass().getResource("/rdata/glass.csv").toURI()), dir.resolve("glass.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path scenario = dir.resolve("glass.twin.json");
        Files.writeString(scenario, """
                {"format":"twinbench.scenario","version":1,"name":"Glass","seed":5,
                "nodes":[
                {"id":"glass","type":"source.dataset","params":{"path":"glass.csv","batch_size":20,"steps":30,
                  "reference_share":0.5,"split":"shuffled"}},
                {"id":"m","type":"model.logistic","params":{%s"features":["RI","Na","Mg","Al","Si","K","Ca",
                  "Ba","Fe"]}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":[]}}],
                "edges":[{"from":"glass","to":"m"},{"from":"m","to":"slices"}]}
                """.formatted(extra));
        return scenario;
    }

    @Test
    void aLogisticNodeOnSixKindsOfGlassModelsEveryKind() throws Exception {
        // R's Glass data: six kinds of glass (Type 1, 2, 3, 5, 6, 7). It used to run as "'1' against the rest".
        Path scenario = glassScenario("\"target\":\"Type\",");
        CliRunner result = CliRunner.run("run", scenario.toString(), "--out", dir.resolve("g").toString(),
                "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("g/run.json").toFile()).path("summary");
        assertThat(summary.path("task").asText()).isEqualTo("multiclass");
        assertThat(summary.path("headline").asText()).contains("macro F1").doesNotContain("'1'");
    }

    @Test
    void aPositiveOnSixKindsOrATargetOfAmountsIsRefusedNamingTheNode() throws Exception {
        Path scenario = glassScenario("\"target\":\"Type\",\"positive\":\"2\",");
        CliRunner check = CliRunner.run("validate", scenario.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out() + check.err()).contains("node m (model.logistic) parameter target: positive '2' "
                + "makes 'Type' yes/no, but it holds 6 values; remove positive to model every class");
        CliRunner run = CliRunner.run("run", scenario.toString(), "--out", dir.resolve("g2").toString(), "--no-store");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("positive '2' makes 'Type' yes/no").doesNotContain("Exception");
        // Refractive index: 178 different amounts, no classes.
        Path amounts = glassScenario("\"target\":\"RI\",");
        Files.writeString(amounts, Files.readString(amounts).replace("\"RI\",\"Na\"", "\"Na\""));
        CliRunner refused = CliRunner.run("validate", amounts.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out() + refused.err()).contains("target 'RI' holds amounts or too many values for "
                + "classes");
    }

    @Test
    void aModelGivenAColumnFilledInAfterTheOutcomeIsToldBeforeTheRun() throws Exception {
        // AER's CreditCard: expenditure is 0 for every applicant refused a card (known only once a card is granted).
        Files.copy(Path.of(getClass().getResource("/rdata/creditcard.csv").toURI()), dir.resolve("creditcard.csv"));
        Files.writeString(dir.resolve("cc.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"Credit cards","seed":5,
                "nodes":[
                {"id":"cards","type":"source.dataset","params":{"path":"creditcard.csv","batch_size":100,"steps":10,
                  "reference_share":0.5,"split":"shuffled"}},
                {"id":"m","type":"model.logistic","params":{"target":"card","features":["reports","age","income",
                  "expenditure","owner","months"],"positive":"yes"}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":[]}}],
                "edges":[{"from":"cards","to":"m"},{"from":"m","to":"slices"}]}
                """);
        CliRunner result = CliRunner.run("run", dir.resolve("cc.twin.json").toString(), "--out",
                dir.resolve("cc").toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("note: model m: feature 'expenditure' alone predicts 'card' almost "
                + "perfectly (it is 0 in", "rows where 'card' is 'no'", "leave the column out of the features");
        JsonNode runJson = new ObjectMapper().readTree(dir.resolve("cc/run.json").toFile());
        assertThat(runJson.path("notes").toString()).contains("feature 'expenditure' alone predicts 'card'");
    }

    @Test
    void aModelGivenAColumnFilledInAfterTheOutcomeIsNeverGreen() throws Exception {
        Files.copy(Path.of(getClass().getResource("/rdata/creditcard.csv").toURI()), dir.resolve("creditcard.csv"));
        String scenario = """
                {"format":"twinbench.scenario","version":1,"name":"Credit cards","seed":5,
                "nodes":[
                {"id":"cards","type":"source.dataset","params":{"path":"creditcard.csv","batch_size":100,"steps":10,
                  "reference_share":0.5,"split":"shuffled"}},
                {"id":"m","type":"model.logistic","params":{"target":"card","features":["reports","age","income",
                  FEATURES"owner","months"],"positive":"yes"}},
                {"id":"slices","type":"monitor.slice-metrics","params":{"slices":[]}}],
                "edges":[{"from":"cards","to":"m"},{"from":"m","to":"slices"}]}
                """;
        Files.writeString(dir.resolve("cc.twin.json"), scenario.replace("FEATURES", "\"expenditure\","));
        Files.writeString(dir.resolve("fair.twin.json"), scenario.replace("FEATURES", ""));
        CliRunner leaked = CliRunner.run("run", dir.resolve("cc.twin.json").toString(), "--out",
                dir.resolve("cc").toString(), "--no-store");
        assertThat(leaked.exitCode()).as(leaked.err()).isZero();
        JsonNode runJson = new ObjectMapper().readTree(dir.resolve("cc/run.json").toFile());
        JsonNode summary = runJson.path("summary");
        String headline = summary.path("headline").asText();
        // The model is right on nearly every row (it knows who was refused), yet the verdict is not green.
        assertThat(summary.path("verdict").asText()).as(headline).isIn("amber", "red");
        Matcher m = Pattern.compile("^Optimistic figures: Feature 'expenditure' alone predicts 'card' almost perfectly "
                + "\\(it is 0 in (\\d+) of the (\\d+) rows where 'card' is 'no' and in (\\d+\\.\\d)% of the others\\);"
                + " it is probably recorded after the outcome\\. The model was given 'expenditure', so the run's "
                + "accuracy (0\\.\\d+) is that of a model that knows the outcome").matcher(headline);
        assertThat(m.find()).as(headline).isTrue();
        // pandas (rdata/reference.txt): expenditure is 0 for 296 of the 296 refused and 21 of the 1,023 others
        // (2.1%); the check reads every row of the file, not only the reference (a shuffled half of it).
        assertThat(m.group(1)).isEqualTo(m.group(2)).isEqualTo("296");
        assertThat(m.group(3)).isEqualTo("2.1");
        assertThat(Double.parseDouble(m.group(4))).isGreaterThan(0.9);
        assertThat(runJson.path("leaked_columns").get(0).path("column").asText()).isEqualTo("expenditure");
        assertThat(runJson.path("leaked_columns").get(0).path("reason").asText())
                .startsWith("feature 'expenditure' alone predicts 'card'");
        assertThat(Files.readString(dir.resolve("cc/report.html"))).contains("Optimistic figures: Feature "
                + "&#39;expenditure&#39;");
        assertThat(leaked.out()).contains("AMBER: Optimistic figures: Feature 'expenditure'");
        // Read back from its files (as a stored run or an imported sweep point is), the run says it again.
        org.twinbench.sim.RunOutcome read = org.twinbench.report.RunFolder.read(
                Files.readString(dir.resolve("cc/steps.csv")), Files.readString(dir.resolve("cc/alarms.csv")),
                "cc/steps.csv", runJson);
        assertThat(org.twinbench.sim.RunSummary.of(read, org.twinbench.sim.RunSeries.of(read), List.of()).headline())
                .startsWith("Optimistic figures: Feature 'expenditure'");
        // The same model without the column: nothing optimistic to say, no leaked columns recorded.
        CliRunner fair = CliRunner.run("run", dir.resolve("fair.twin.json").toString(), "--out",
                dir.resolve("fair").toString(), "--no-store");
        assertThat(fair.exitCode()).as(fair.err()).isZero();
        JsonNode fairJson = new ObjectMapper().readTree(dir.resolve("fair/run.json").toFile());
        assertThat(fairJson.path("summary").path("headline").asText()).doesNotContain("Optimistic");
        assertThat(fairJson.has("leaked_columns")).isFalse();
    }
}
