package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;

/**
 * Calendar replay from the command line: dated rows written in US, European and ISO forms and shuffled
 * are replayed one calendar window per step, in time order; the counts per window are computed here
 * independently (java.time's YearMonth and ISO week fields over the original ISO dates).
 */
class CalendarReplayTest {

    @TempDir
    static Path dir;

    /** The loans sample's rows: the ISO date of each (column applied_on) and its CSV line. */
    static List<String[]> rows;
    static String header;

    @BeforeAll
    static void writeData() throws IOException {
        System.setProperty(org.twinbench.sim.store.RunStore.PATH_PROPERTY, dir.resolve("runs.sqlite").toString());
        Path loans = dir.resolve("loans-iso.csv");
        SampleData.writeLoans(loans, 3000, 11);
        List<String> lines = Files.readAllLines(loans);
        header = lines.get(0);
        assertThat(header.split(",")[1]).isEqualTo("applied_on");
        rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(new String[] {line.split(",")[1], line});
        }
    }

    @AfterAll
    static void forgetStore() {
        System.clearProperty(org.twinbench.sim.store.RunStore.PATH_PROPERTY);
    }

    /** The rows, shuffled, with their date rewritten by {@code pattern}; only those {@code keep} accepts. */
    private static Path dataset(String name, String pattern, java.util.function.Predicate<LocalDate> keep)
            throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern);
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            LocalDate date = LocalDate.parse(row[0]);
            if (keep.test(date)) {
                String[] cells = row[1].split(",", -1);
                cells[1] = date.format(format);
                out.add(String.join(",", cells));
            }
        }
        Collections.shuffle(out, new Random(3));
        out.add(0, header);
        Path file = dir.resolve(name);
        Files.write(file, out);
        return file;
    }

    private static Path scenario(Path data, Map<String, Object> params) throws IOException {
        Scenario scenario = SampleScenarios.loansRecession(7);
        ScenarioNode source = scenario.node("loans").orElseThrow().withParam("path", data.getFileName().toString())
                .withParam("time_column", "applied_on");
        for (var p : params.entrySet()) {
            source = source.withParam(p.getKey(), p.getValue());
        }
        Path file = dir.resolve(data.getFileName() + "-" + params.hashCode() + ".twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario.withNode(source)));
        return file;
    }

    /** Expected rows per window from the ISO dates at or after {@code from}, keyed by the window's first day. */
    private static TreeMap<LocalDate, Integer> expected(LocalDate from, Function<LocalDate, LocalDate> windowStart,
                                                        java.util.function.Predicate<LocalDate> keep) {
        TreeMap<LocalDate, Integer> counts = new TreeMap<>();
        for (String[] row : rows) {
            LocalDate date = LocalDate.parse(row[0]);
            if (keep.test(date) && !date.isBefore(from)) {
                counts.merge(windowStart.apply(date), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Per step of replicate 0: the window start and n read from steps.csv. */
    private static List<String[]> windows(Path out) throws IOException {
        Map<Integer, String[]> byStep = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("steps.csv"))) {
            String[] f = line.split(",", -1);
            if (!f[0].equals("0") || !f[2].equals("overall")) {
                continue;
            }
            String[] w = byStep.computeIfAbsent(Integer.parseInt(f[1]), k -> new String[2]);
            if (f[3].equals("window_start")) {
                w[0] = f[4];
            } else if (f[3].equals("n")) {
                w[1] = f[4];
            }
        }
        return new ArrayList<>(byStep.values());
    }

    @Test
    void usDatesShuffledReplayOneMonthPerStepAndStopAfterTheLast() throws IOException {
        Path data = dataset("loans-us.csv", "M/d/yyyy", d -> true);
        Path file = scenario(data, Map.of("window", "month", "reference_until", "2025-01-01", "steps", 60L));
        Path out = dir.resolve("us-month");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        TreeMap<LocalDate, Integer> expected = expected(LocalDate.of(2025, 1, 1), d -> YearMonth.from(d).atDay(1),
                d -> true);
        List<String[]> windows = windows(out);
        assertThat(windows).hasSize(expected.size());
        int step = 0;
        for (var e : expected.entrySet()) {
            assertThat(windows.get(step)[0]).as("window of step " + step).isEqualTo(e.getKey().toString());
            assertThat(windows.get(step)[1]).as("rows of step " + step).isEqualTo(Integer.toString(e.getValue()));
            step++;
        }
        assertThat(result.err()).contains("note: the data runs out after " + expected.size() + " steps (60 steps asked)");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run.json").toFile());
        assertThat(json.path("steps").asInt()).isEqualTo(expected.size());
        List<String> starts = new ArrayList<>();
        json.path("window_starts").forEach(n -> starts.add(n.asText()));
        assertThat(starts).containsExactlyElementsOf(expected.keySet().stream().map(LocalDate::toString).toList());
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains(">window start</text>").contains(">2025-01-01</text>");

        // The run store keeps the windows: an export reproduces steps.csv byte for byte.
        String id = result.out().replaceAll("(?s).*recorded as run (\\d+).*", "$1");
        Path exported = dir.resolve("us-month-export");
        CliRunner export = CliRunner.run("runs", "export", id, "--out", exported.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readString(exported.resolve("steps.csv"))).isEqualTo(Files.readString(out.resolve("steps.csv")));
        assertThat(result.out()).contains(expected.size() + " steps x 1 replicates");
    }

    @Test
    void timestampsShuffledReplayOneDayPerStepAndStopAfterTheLast() throws IOException {
        // December only, written as US dates with a time of day: each step is one calendar day, whatever the hour.
        Path data = dataset("loans-days.csv", "M/d/yyyy' 0:00'", d -> d.getMonthValue() == 12);
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        for (int i = 1; i < lines.size(); i++) {
            // The time is in the rows' day in any case: the hour is set from the row's place, not its date.
            lines.set(i, lines.get(i).replaceFirst(" 0:00", " " + (i * 7 % 24) + ":" + String.format("%02d", i % 60)));
        }
        Files.write(data, lines);
        Path file = scenario(data, Map.of("window", "day", "reference_until", "2025-12-10", "steps", 60L));
        Path out = dir.resolve("us-day");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        TreeMap<LocalDate, Integer> expected = expected(LocalDate.of(2025, 12, 10), d -> d,
                d -> d.getMonthValue() == 12);
        List<String[]> windows = windows(out);
        assertThat(windows).hasSize(expected.size());
        int step = 0;
        for (Map.Entry<LocalDate, Integer> day : expected.entrySet()) {
            assertThat(windows.get(step)[0]).as("step " + step).isEqualTo(day.getKey().toString());
            assertThat(windows.get(step)[1]).isEqualTo(Integer.toString(day.getValue()));
            step++;
        }
        assertThat(result.err()).contains("the data runs out after " + expected.size() + " steps (60 steps asked)");
    }

    @Test
    void europeanDatesByIsoWeekAndLoopWhenAsked() throws IOException {
        Path data = dataset("loans-eu.csv", "d.M.yyyy", d -> true);
        Path file = scenario(data, Map.of("window", "week", "reference_until", "2025-10-01", "steps", 20L,
                "at_end", "loop"));
        Path out = dir.resolve("eu-week");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();

        // ISO weeks counted by their (week-based year, week) fields, then named by their Monday.
        TreeMap<LocalDate, Integer> expected = expected(LocalDate.of(2025, 10, 1), d -> LocalDate.of(
                d.get(IsoFields.WEEK_BASED_YEAR), 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR,
                d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).with(java.time.DayOfWeek.MONDAY), d -> true);
        List<LocalDate> starts = new ArrayList<>(expected.keySet());
        List<String[]> windows = windows(out);
        assertThat(windows).hasSize(20);
        assertThat(starts.size()).isLessThan(20);
        for (int step = 0; step < 20; step++) {
            LocalDate start = starts.get(step % starts.size());
            assertThat(windows.get(step)[0]).as("step " + step).isEqualTo(start.toString());
            assertThat(windows.get(step)[1]).isEqualTo(Integer.toString(expected.get(start)));
        }
        assertThat(result.err()).doesNotContain("note:");
    }

    @Test
    void slashedDatesThatFitBothReadingsAreRefusedUntilTheFormatIsSet() throws IOException {
        java.util.function.Predicate<LocalDate> early = d -> d.getDayOfMonth() <= 12;
        Path data = dataset("loans-ambiguous.csv", "d/M/yyyy", early);
        Path file = scenario(data, Map.of("window", "quarter", "reference_until", "2025-01-01"));
        CliRunner refused = CliRunner.run("run", file.toString(), "--out", dir.resolve("amb").toString(),
                "--no-store");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).contains("node loans").contains("month-first or day-first")
                .contains("M/d/yyyy or d/M/yyyy").doesNotContain("Exception");
        assertThat(dir.resolve("amb")).doesNotExist();

        Path set = scenario(data, Map.of("window", "quarter", "reference_until", "2025-01-01",
                "time_format", "d/M/yyyy"));
        Path out = dir.resolve("quarters");
        CliRunner result = CliRunner.run("run", set.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        TreeMap<LocalDate, Integer> expected = expected(LocalDate.of(2025, 1, 1), d -> LocalDate.of(d.getYear(),
                d.get(IsoFields.QUARTER_OF_YEAR) * 3 - 2, 1), early);
        List<String[]> windows = windows(out);
        assertThat(windows).extracting(w -> w[0]).containsExactlyElementsOf(
                expected.keySet().stream().map(LocalDate::toString).toList());
        assertThat(windows).extracting(w -> w[1]).containsExactlyElementsOf(
                expected.values().stream().map(String::valueOf).toList());
    }

    @Test
    void rowCountReplayInTimeOrderEndsAfterItsLastRowInsteadOfWrappingAround() throws IOException {
        Path data = dataset("loans-us-rows.csv", "M/d/yyyy", d -> true);
        // 3000 rows, the earlier half is the reference: 1500 rows replayed, 400 a step.
        Path file = scenario(data, Map.of("batch_size", 400L, "steps", 10L));
        Path out = dir.resolve("us-rows");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertThat(steps).noneMatch(l -> l.contains("window_start"));
        assertThat(steps).contains("0,0,overall,n,400", "0,2,overall,n,400", "0,3,overall,n,300")
                .noneMatch(l -> l.startsWith("0,4,"));
        assertThat(result.err()).contains("note: the data runs out after 4 steps (10 steps asked)");

        Path looping = scenario(data, Map.of("batch_size", 400L, "steps", 10L, "at_end", "loop"));
        Path loopOut = dir.resolve("us-rows-loop");
        CliRunner loop = CliRunner.run("run", looping.toString(), "--out", loopOut.toString(), "--no-store");
        assertThat(loop.exitCode()).as(loop.err()).isZero();
        assertThat(Files.readAllLines(loopOut.resolve("steps.csv"))).contains("0,3,overall,n,400", "0,9,overall,n,400");
    }

    @Test
    void aWindowWithoutATimeColumnNamesTheNode() throws IOException {
        Scenario scenario = SampleScenarios.loansRecession(7);
        Path data = dataset("loans-plain.csv", "yyyy-MM-dd", d -> true);
        ScenarioNode source = scenario.node("loans").orElseThrow().withParam("path", data.getFileName().toString())
                .withParam("window", "month");
        Path file = dir.resolve("no-time.twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario.withNode(source)));
        CliRunner refused = CliRunner.run("run", file.toString(), "--out", dir.resolve("none").toString(),
                "--no-store");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("node loans").contains("time_column");
    }

    @Test
    void aProductionLogIsMirroredWithItsOwnScoresPerMonth() throws IOException {
        // A log: the loans rows with the score a deployed model gave each, written to 4 decimals.
        List<String> log = new ArrayList<>();
        log.add(header + ",logged_p");
        Map<YearMonth, int[]> byMonth = new TreeMap<>();
        List<String> shuffled = new ArrayList<>();
        String[] names = header.split(",");
        int dti = java.util.Arrays.asList(names).indexOf("debt_to_income");
        int target = java.util.Arrays.asList(names).indexOf("defaulted");
        for (String[] row : rows) {
            String[] cells = row[1].split(",", -1);
            double p = 1 / (1 + Math.exp(-(Double.parseDouble(cells[dti]) * 8 - 3)));
            String written = String.format(java.util.Locale.ROOT, "%.4f", p);
            shuffled.add(row[1] + "," + written);
            LocalDate date = LocalDate.parse(row[0]);
            if (!date.isBefore(LocalDate.of(2025, 7, 1))) {
                int[] counts = byMonth.computeIfAbsent(YearMonth.from(date), k -> new int[2]);
                boolean predicted = Double.parseDouble(written) >= 0.5;
                counts[0] += predicted == cells[target].equals("yes") ? 1 : 0;
                counts[1]++;
            }
        }
        Collections.shuffle(shuffled, new Random(5));
        log.addAll(shuffled);
        Files.write(dir.resolve("predictions.csv"), log);

        Map<String, Object> sourceParams = new java.util.LinkedHashMap<>(Map.of("path", "predictions.csv",
                "time_column", "applied_on", "window", "month", "reference_until", "2025-07-01", "steps", 60L));
        Scenario scenario = new Scenario("Mirrored loans", "", 7, List.of(
                new ScenarioNode("log", org.twinbench.scenario.NodeCatalog.DATASET_SOURCE, sourceParams, 0, 0),
                new ScenarioNode("deployed", org.twinbench.scenario.NodeCatalog.LOGGED_MODEL, Map.of(
                        "score_column", "logged_p", "target", "defaulted", "positive", "yes"), 200, 0),
                new ScenarioNode("by-region", org.twinbench.scenario.NodeCatalog.SLICE_METRICS, Map.of(
                        "slices", List.of("region"), "threshold", 0.5), 400, 0)),
                List.of(new org.twinbench.scenario.ScenarioEdge("log", "deployed"),
                        new org.twinbench.scenario.ScenarioEdge("deployed", "by-region")));
        Path file = dir.resolve("mirror.twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        Path out = dir.resolve("mirror");
        CliRunner result = CliRunner.run("run", file.toString(), "--out", out.toString(), "--no-store");
        assertThat(result.exitCode()).as(result.err()).isZero();

        Map<String, Double> accuracy = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("steps.csv"))) {
            String[] f = line.split(",", -1);
            if (f[2].equals("overall") && f[3].equals("accuracy")) {
                accuracy.put(f[1], Double.parseDouble(f[4]));
            }
        }
        List<String[]> windows = windows(out);
        assertThat(windows).hasSize(byMonth.size());
        int step = 0;
        for (var month : byMonth.entrySet()) {
            assertThat(windows.get(step)[0]).isEqualTo(month.getKey().atDay(1).toString());
            assertThat(accuracy.get(Integer.toString(step))).as("accuracy of " + month.getKey())
                    .isCloseTo((double) month.getValue()[0] / month.getValue()[1], org.assertj.core.data.Offset.offset(1e-12));
            step++;
        }
    }

    @Test
    void loggedScoresThatAreNoProbabilitiesNameTheRow() throws IOException {
        List<String> log = new ArrayList<>(List.of("when,p,outcome"));
        for (int i = 0; i < 40; i++) {
            log.add("2024-01-" + String.format("%02d", i % 28 + 1) + "," + (i == 17 ? "1.7" : "0.3") + ","
                    + (i % 3 == 0 ? "yes" : "no"));
        }
        Files.write(dir.resolve("bad-log.csv"), log);
        Scenario scenario = new Scenario("Bad log", "", 7, List.of(
                new ScenarioNode("log", org.twinbench.scenario.NodeCatalog.DATASET_SOURCE, Map.of("path", "bad-log.csv",
                        "time_column", "when"), 0, 0),
                new ScenarioNode("deployed", org.twinbench.scenario.NodeCatalog.LOGGED_MODEL, Map.of(
                        "score_column", "p", "target", "outcome"), 200, 0)),
                List.of(new org.twinbench.scenario.ScenarioEdge("log", "deployed")));
        Path file = dir.resolve("bad-log.twin.json");
        Files.writeString(file, ScenarioFormat.toJson(scenario));
        CliRunner refused = CliRunner.run("run", file.toString(), "--out", dir.resolve("bad").toString(),
                "--no-store");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("node deployed").contains("row 18").contains("1.7")
                .contains("between 0 and 1");
    }

    @Test
    void gatesChooseStepsByTheirDates() throws IOException {
        Path data = dataset("loans-us-gates.csv", "M/d/yyyy", d -> true);
        Path file = scenario(data, Map.of("window", "month", "reference_until", "2025-01-01"));
        Path plain = dir.resolve("gates-plain");
        assertThat(CliRunner.run("run", file.toString(), "--out", plain.toString(), "--no-store").exitCode()).isZero();
        // Each month's accuracy as steps.csv has it: the gates must pick exactly these steps.
        Map<String, String> accuracyByWindow = new TreeMap<>();
        Map<String, String> windowOfStep = new TreeMap<>();
        for (String line : Files.readAllLines(plain.resolve("steps.csv"))) {
            String[] f = line.split(",", -1);
            if (f[0].equals("0") && f[2].equals("overall") && f[3].equals("window_start")) {
                windowOfStep.put(f[1], f[4]);
            }
        }
        for (String line : Files.readAllLines(plain.resolve("steps.csv"))) {
            String[] f = line.split(",", -1);
            if (f[0].equals("0") && f[2].equals("overall") && f[3].equals("accuracy")) {
                accuracyByWindow.put(windowOfStep.get(f[1]), f[4]);
            }
        }
        String april = accuracyByWindow.get("2025-04-01");
        String march = accuracyByWindow.get("2025-03-01");
        CliRunner pass = CliRunner.run("run", file.toString(), "--out", dir.resolve("gates-pass").toString(),
                "--no-store", "--assert", "first(accuracy since 2025-04-01) >= " + april,
                "--assert", "first(accuracy since 2025-04-01) <= " + april,
                "--assert", "last(accuracy since 2025-01-01 until 2025-04-01) == " + march);
        assertThat(pass.exitCode()).as(pass.out() + pass.err()).isZero();
        assertThat(pass.out()).contains("PASS first(accuracy since 2025-04-01) >= " + april);
        CliRunner fail = CliRunner.run("run", file.toString(), "--out", dir.resolve("gates-fail").toString(),
                "--no-store", "--assert", "last(accuracy until 2025-04-01) > " + march);
        assertThat(fail.exitCode()).isEqualTo(1);

        Path rows = scenario(dataset("loans-rows-gates.csv", "M/d/yyyy", d -> true), Map.of("batch_size", 500L,
                "steps", 2L));
        CliRunner undated = CliRunner.run("run", rows.toString(), "--out", dir.resolve("gates-undated").toString(),
                "--no-store", "--assert", "min(accuracy since 2025-01-01) >= 0");
        assertThat(undated.exitCode()).isEqualTo(2);
        assertThat(undated.err()).contains("since and until choose steps by date").doesNotContain("Exception");
        CliRunner badDate = CliRunner.run("run", rows.toString(), "--out", dir.resolve("gates-bad").toString(),
                "--no-store", "--assert", "min(accuracy since 2025-13-01) >= 0");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("not understood");
    }
}
