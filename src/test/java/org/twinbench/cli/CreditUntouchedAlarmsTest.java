package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * modeldata's credit data replayed through a logistic regression right about 79 times in 100, watched by a
 * performance monitor left at its defaults. With a fixed 0.8 it alarmed at steps 2 and 14 of an untouched run; now
 * the untouched run is quiet, and a unit bug (loan amounts in cents from step 20) alarms once the window has left the
 * first one, not before the bug.
 */
class CreditUntouchedAlarmsTest {

    private static final String FEATURES = "[\"Seniority\",\"Home\",\"Time\",\"Age\",\"Marital\",\"Records\",\"Job\","
            + "\"Expenses\",\"Income\",\"Assets\",\"Debt\",\"Amount\",\"Price\"]";

    private static List<String> perfAlarms(Path dir, boolean bug) throws IOException {
        Files.copy(Path.of("src/test/resources/rdata/credit.csv"), dir.resolve("credit.csv"));
        String scenario = """
                {"format":"twinbench.scenario","version":1,"name":"credit","seed":7,"nodes":[
                {"id":"apps","type":"source.dataset","params":{"path":"credit.csv","batch_size":200,"steps":40,
                 "reference_share":0.5,"replace":true}},
                %s
                {"id":"model","type":"model.logistic","params":{"target":"Status","features":%s}},
                {"id":"perf","type":"monitor.performance","params":{}}],
                "edges":[%s{"from":"model","to":"perf"}]}
                """.formatted(bug ? "{\"id\":\"bug\",\"type\":\"perturbation.scale-bug\",\"params\":{\"column\":\"Amount\","
                + "\"factor\":100,\"schedule\":{\"kind\":\"sudden\",\"start\":20}}}," : "", FEATURES,
                bug ? "{\"from\":\"apps\",\"to\":\"bug\"},{\"from\":\"bug\",\"to\":\"model\"}," : "{\"from\":\"apps\",\"to\":\"model\"},");
        Path file = dir.resolve("credit.twin.json");
        Files.writeString(file, scenario);
        CliRunner result = CliRunner.run("run", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
        return Files.readAllLines(dir.resolve("out").resolve("alarms.csv")).stream()
                .filter(l -> l.contains(",perf,alarm,")).toList();
    }

    @Test
    void anUntouchedRunOfAModelRightLessThanEightTimesInTenIsQuiet(@TempDir Path dir) throws IOException {
        assertThat(perfAlarms(dir, false)).isEmpty();
        // The file's halves differ before anything changes (sim/FileHalvesTest): the run says so.
        assertThat(Files.readString(dir.resolve("out").resolve("run.json")))
                .contains("credit.csv is not in random order: the reference (its first 50% of rows) and the rows"
                        + " replayed after it already differ in Expenses");
    }

    @Test
    void aUnitBugAlarmsAfterItStarts(@TempDir Path dir) throws IOException {
        List<String> alarms = perfAlarms(dir, true);
        assertThat(alarms).isNotEmpty();
        assertThat(Integer.parseInt(alarms.get(0).split(",")[1])).isGreaterThanOrEqualTo(20);
        assertThat(alarms.get(0)).contains("below the first 5 steps'").contains("one-sided two-proportion z-test");
    }
}
