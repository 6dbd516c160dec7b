package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;

/**
 * {@code run --from-step N} branches a what-if from a step of a run: the steps before N are the base
 * run's rows of steps.csv, byte for byte; from N on the scenario's changes show.
 */
class BranchTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeData() throws IOException {
        Path loans = dir.resolve("loans.csv");
        SampleData.writeLoans(loans, 3000, 11);
        // A production log: every loan with the score a deployed model gave it.
        List<String> lines = Files.readAllLines(loans);
        List<String> log = new ArrayList<>(List.of(lines.get(0) + ",logged_p"));
        int dti = List.of(lines.get(0).split(",")).indexOf("debt_to_income");
        for (String line : lines.subList(1, lines.size())) {
            double p = 1 / (1 + Math.exp(-(Double.parseDouble(line.split(",")[dti]) * 8 - 3)));
            log.add(line + "," + String.format(java.util.Locale.ROOT, "%.4f", p));
        }
        Files.write(dir.resolve("predictions.csv"), log);
    }

    /** The mirrored log by month, with {@code extra} nodes put between the source and the logged model. */
    private static Path mirror(String name, List<ScenarioNode> extra) throws IOException {
        List<ScenarioNode> nodes = new ArrayList<>();
        nodes.add(new ScenarioNode("log", NodeCatalog.DATASET_SOURCE, new LinkedHashMap<>(Map.of(
                "path", "predictions.csv", "time_column", "applied_on", "window", "month",
                "reference_until", "2025-01-01", "steps", 12L)), 0, 0));
        nodes.addAll(extra);
        nodes.add(new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of(
                "score_column", "logged_p", "target", "defaulted", "positive", "yes"), 200, 0));
        nodes.add(new ScenarioNode("by-region", NodeCatalog.SLICE_METRICS, Map.of(
                "slices", List.of("region"), "threshold", 0.5), 400, 0));
        List<ScenarioEdge> edges = new ArrayList<>();
        String previous = "log";
        for (ScenarioNode node : extra) {
            edges.add(new ScenarioEdge(previous, node.id()));
            previous = node.id();
        }
        edges.add(new ScenarioEdge(previous, "deployed"));
        edges.add(new ScenarioEdge("deployed", "by-region"));
        Path file = dir.resolve(name + ".twin.json");
        Files.writeString(file, ScenarioFormat.toJson(new Scenario(name, "", 7, nodes, edges)));
        return file;
    }

    /** Every annotator gets every label wrong: accuracy becomes exactly one minus what it was. */
    private static ScenarioNode allLabelsReversed() {
        return new ScenarioNode("annotators", NodeCatalog.LABEL_NOISE, Map.of("rate", 1.0), 100, 0);
    }

    private static List<String> rowsOf(Path out, java.util.function.IntPredicate step) throws IOException {
        return Files.readAllLines(out.resolve("steps.csv")).stream().skip(1)
                .filter(line -> step.test(Integer.parseInt(line.split(",")[1]))).toList();
    }

    private static Map<Integer, Double> accuracy(Path out) throws IOException {
        Map<Integer, Double> byStep = new TreeMap<>();
        for (String line : rowsOf(out, s -> true)) {
            String[] f = line.split(",", -1);
            if (f[2].equals("overall") && f[3].equals("accuracy")) {
                byStep.put(Integer.parseInt(f[1]), Double.parseDouble(f[4]));
            }
        }
        return byStep;
    }

    private static Path run(Path scenario, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", dir.resolve(out).toString(),
                "--no-store"));
        args.addAll(List.of(more));
        CliRunner result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return dir.resolve(out);
    }

    @Test
    void aWhatIfOnAMirroredLogKeepsTheHistoryAndChangesOnlyFromTheBranch() throws IOException {
        Path base = run(mirror("mirror", List.of()), "base");
        Path whatIf = mirror("noisy", List.of(allLabelsReversed()));
        Path branch = run(whatIf, "branch", "--from-step", "4");

        List<String> history = rowsOf(base, s -> s < 4);
        assertThat(history).isNotEmpty();
        assertThat(rowsOf(branch, s -> s < 4)).isEqualTo(history);
        Map<Integer, Double> before = accuracy(base);
        Map<Integer, Double> after = accuracy(branch);
        assertThat(after.keySet()).isEqualTo(before.keySet()).hasSizeGreaterThan(6);
        for (int step : before.keySet()) {
            double expected = step < 4 ? before.get(step) : 1 - before.get(step);
            assertThat(after.get(step)).as("accuracy of step " + step).isCloseTo(expected, within(1e-12));
        }
        // The window starts stay those of the base run, and the headline says what the run is.
        assertThat(rowsOf(branch, s -> true).stream().filter(l -> l.contains("window_start")).toList())
                .isEqualTo(rowsOf(base, s -> true).stream().filter(l -> l.contains("window_start")).toList());
        assertThat(Files.readString(branch.resolve("run.json"))).contains("What-if from step 4 (window 2025-05-01)");

        // Without the branch the same scenario changes the history too: the branch is what keeps it.
        Path everywhere = run(whatIf, "everywhere");
        assertThat(accuracy(everywhere).get(0)).isCloseTo(1 - before.get(0), within(1e-12));
    }

    @Test
    void aRetrainingPolicyAndShiftsStartAtTheBranchOfATrainedModelsRun() throws IOException {
        Files.copy(dir.resolve("loans.csv"), dir.resolve("loans-copy.csv"));
        Scenario watched = SampleScenarios.loansRecessionWithRetraining(7);
        ScenarioNode source = watched.node("loans").orElseThrow().withParam("path", "loans-copy.csv")
                .withParam("steps", 30L);
        // Retraining every 5 steps: at 15, 20 and 25 in the branch (at 5 and 10 too without it).
        ScenarioNode retrain = watched.node("retrain").orElseThrow().withParam("trigger", "schedule")
                .withParam("every_steps", 5L);
        watched = watched.withNode(source).withNode(retrain);
        // The base: the same system (source, model, monitors) without what changes it.
        List<ScenarioNode> kept = watched.nodes().stream().filter(n -> !n.type().startsWith("perturbation.")
                && !n.type().startsWith("policy.")).toList();
        List<String> ids = kept.stream().map(ScenarioNode::id).toList();
        List<ScenarioEdge> keptEdges = new ArrayList<>(watched.edges().stream()
                .filter(e -> ids.contains(e.from()) && ids.contains(e.to())).toList());
        keptEdges.add(new ScenarioEdge("loans", "credit-model"));
        Path baseFile = dir.resolve("watched-base.twin.json");
        Files.writeString(baseFile, ScenarioFormat.toJson(new Scenario("base", "", 7, kept, keptEdges)));
        Path whatIfFile = dir.resolve("watched.twin.json");
        Files.writeString(whatIfFile, ScenarioFormat.toJson(watched));

        Path base = run(baseFile, "watched-base");
        Path branch = run(whatIfFile, "watched-branch", "--from-step", "12");
        assertThat(rowsOf(branch, s -> s < 12)).isEqualTo(rowsOf(base, s -> s < 12));
        assertThat(rowsOf(branch, s -> s >= 12)).isNotEqualTo(rowsOf(base, s -> s >= 12));
        List<String> events = Files.readAllLines(branch.resolve("alarms.csv")).stream().skip(1).toList();
        assertThat(events).noneMatch(e -> e.contains(",retrain,") && Integer.parseInt(e.split(",")[1]) < 12);
        assertThat(events.stream().filter(e -> e.contains(",retrain,")).map(e -> e.split(",")[1]))
                .containsExactly("15", "20", "25");
    }

    @Test
    void aStepOutsideTheRunIsRefusedNamingTheRange() throws IOException {
        Path whatIf = mirror("noisy-refused", List.of(allLabelsReversed()));
        for (String bad : List.of("-1", "12", "100")) {
            CliRunner result = CliRunner.run("run", whatIf.toString(), "--out", dir.resolve("never-" + bad).toString(),
                    "--no-store", "--from-step", bad);
            assertThat(result.exitCode()).as(bad).isEqualTo(2);
            // The loans run to the end of 2025: 12 months after the reference.
            assertThat(result.err().strip()).isEqualTo("twinbench: --from-step must be a step of the run, 0 to 11"
                    + " (it runs 12 steps), not " + bad);
            assertThat(dir.resolve("never-" + bad)).doesNotExist();
        }
        CliRunner sweep = CliRunner.run("run", whatIf.toString(), "--no-store", "--from-step", "2",
                "--sweep", "annotators.rate=0.5,1.0", "--out", dir.resolve("never-sweep").toString());
        assertThat(sweep.exitCode()).isEqualTo(2);
        assertThat(sweep.err()).contains("--from-step and --sweep cannot be combined");
    }

    @Test
    void aDateBranchesAtTheWindowHoldingItAndADateOutsideIsRefused() throws IOException {
        Path whatIf = mirror("noisy-dated", List.of(allLabelsReversed()));
        Path byStep = run(whatIf, "by-step", "--from-step", "4");
        // 17 May 2025 is in the fifth month after the reference (January): step 4.
        Path byDate = run(whatIf, "by-date", "--from-step", "2025-05-17");
        assertThat(Files.readAllLines(byDate.resolve("steps.csv"))).isEqualTo(Files.readAllLines(byStep.resolve("steps.csv")));
        assertThat(Files.readString(byDate.resolve("run.json"))).contains("What-if from step 4 (window 2025-05-01)");
        for (String bad : List.of("2031-01-01", "2024-12-31")) {
            CliRunner result = CliRunner.run("run", whatIf.toString(), "--out", dir.resolve("never-" + bad).toString(),
                    "--no-store", "--from-step", bad);
            assertThat(result.exitCode()).as(bad).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("twinbench: --from-step " + bad
                    + " is outside the run: its windows start from 2025-01-01 to 2025-12-01");
            assertThat(dir.resolve("never-" + bad)).doesNotExist();
        }
        CliRunner notADate = CliRunner.run("run", whatIf.toString(), "--no-store", "--from-step", "2025-13-01",
                "--out", dir.resolve("never-month13").toString());
        assertThat(notADate.exitCode()).isEqualTo(2);
        assertThat(notADate.err().strip()).isEqualTo(
                "twinbench: --from-step must be a step number or a date YYYY-MM-DD, not '2025-13-01'");
    }

    @Test
    void aDateIsRefusedForRowCountSteps() throws IOException {
        Files.copy(dir.resolve("loans.csv"), dir.resolve("loans-rows.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Scenario recession = SampleScenarios.loansRecessionWithRetraining(7);
        recession = recession.withNode(recession.node("loans").orElseThrow().withParam("path", "loans-rows.csv")
                .withParam("steps", 10L));
        Path file = dir.resolve("rows.twin.json");
        Files.writeString(file, ScenarioFormat.toJson(recession));
        CliRunner result = CliRunner.run("run", file.toString(), "--no-store", "--from-step", "2025-03-01",
                "--out", dir.resolve("never-rows").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("twinbench: --from-step 2025-03-01: the run's steps are row counts,"
                + " not calendar windows; give a step number, 0 to 9");
    }

    private static long recordedId(CliRunner result) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("recorded as run (\\d+)").matcher(result.out());
        assertThat(m.find()).as(result.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aBranchFromARecordedRunKeepsItsStoredHistoryAndRefusesAnotherSystem() throws IOException {
        Path store = dir.resolve("branch-runs.sqlite");
        Files.copy(dir.resolve("predictions.csv"), dir.resolve("predictions-kept.csv"));
        Path mirrorFile = mirror("kept", List.of());
        String text = Files.readString(mirrorFile).replace("predictions.csv", "predictions-kept.csv");
        Files.writeString(mirrorFile, text);
        CliRunner recorded = CliRunner.run("run", mirrorFile.toString(), "--seed", "21", "--store", store.toString(),
                "--out", dir.resolve("kept-base").toString());
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        long id = recordedId(recorded);

        Path whatIf = mirror("kept-noisy", List.of(allLabelsReversed()));
        Files.writeString(whatIf, Files.readString(whatIf).replace("predictions.csv", "predictions-kept.csv"));
        // No --seed: the recorded run's seed (21) is taken.
        CliRunner branch = CliRunner.run("run", whatIf.toString(), "--base", Long.toString(id), "--from-step", "2025-04-09",
                "--store", store.toString(), "--out", dir.resolve("kept-branch").toString());
        assertThat(branch.exitCode()).as(branch.err()).isZero();
        assertThat(rowsOf(dir.resolve("kept-branch"), s -> s < 3)).isEqualTo(rowsOf(dir.resolve("kept-base"), s -> s < 3));
        Map<Integer, Double> before = accuracy(dir.resolve("kept-base"));
        Map<Integer, Double> after = accuracy(dir.resolve("kept-branch"));
        for (int step : before.keySet()) {
            double expected = step < 3 ? before.get(step) : 1 - before.get(step);
            assertThat(after.get(step)).as("accuracy of step " + step).isCloseTo(expected, within(1e-12));
        }
        assertThat(Files.readString(dir.resolve("kept-branch").resolve("run.json")))
                .contains("What-if from step 3 (window 2025-04-01) of run " + id);

        // Another seed, another score column: not the recorded system.
        CliRunner seed = CliRunner.run("run", whatIf.toString(), "--base", Long.toString(id), "--from-step", "3",
                "--seed", "5", "--store", store.toString(), "--out", dir.resolve("never-seed").toString());
        assertThat(seed.exitCode()).isEqualTo(2);
        assertThat(seed.err().strip()).isEqualTo("twinbench: --base " + id + ": " + whatIf
                + " is not the recorded system: run " + id + " ran with seed 21, not 5");
        Path otherScore = dir.resolve("other-score.twin.json");
        Files.writeString(otherScore, Files.readString(whatIf).replace("\"logged_p\"", "\"debt_to_income\""));
        CliRunner model = CliRunner.run("run", otherScore.toString(), "--base", Long.toString(id), "--from-step", "3",
                "--store", store.toString(), "--out", dir.resolve("never-model").toString());
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err().strip()).isEqualTo("twinbench: --base " + id + ": " + otherScore
                + " is not the recorded system: node 'deployed' has score_column = debt_to_income, but logged_p in run "
                + id);

        // The log rewritten since: one score of February changed, so step 1 is no longer the recorded one.
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("predictions-kept.csv")));
        int applied = List.of(lines.get(0).split(",")).indexOf("applied_on");
        int row = 1;
        while (!lines.get(row).split(",")[applied].startsWith("2025-02")) {
            row++;
        }
        String line = lines.get(row);
        String flipped = line.substring(0, line.lastIndexOf(',') + 1)
                + (Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)) < 0.5 ? "0.9999" : "0.0001");
        lines.set(row, flipped);
        Files.write(dir.resolve("predictions-kept.csv"), lines);
        CliRunner changed = CliRunner.run("run", whatIf.toString(), "--base", Long.toString(id), "--from-step", "3",
                "--store", store.toString(), "--out", dir.resolve("never-changed").toString());
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err().strip()).startsWith("twinbench: --base " + id + ": the history differs from run " + id
                + " at step 1 (recorded overall,").endsWith("): the data or model changed since");
        assertThat(dir.resolve("never-changed")).doesNotExist();

        CliRunner unknown = CliRunner.run("run", whatIf.toString(), "--base", "999", "--from-step", "3",
                "--store", store.toString(), "--out", dir.resolve("never-unknown").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("twinbench: --base 999: no run 999 in the run store");
        CliRunner noStep = CliRunner.run("run", whatIf.toString(), "--base", Long.toString(id),
                "--store", store.toString(), "--out", dir.resolve("never-nostep").toString());
        assertThat(noStep.exitCode()).isEqualTo(2);
        assertThat(noStep.err().strip()).isEqualTo("twinbench: --base " + id
                + " needs --from-step: the step or date to branch at");
    }

    @Test
    void aBranchCopiesTheRecordedHistoryRatherThanTheReplays() throws Exception {
        Path store = dir.resolve("copied-runs.sqlite");
        Files.copy(dir.resolve("predictions.csv"), dir.resolve("predictions-copied.csv"));
        Path mirrorFile = mirror("copied", List.of());
        Files.writeString(mirrorFile, Files.readString(mirrorFile).replace("predictions.csv", "predictions-copied.csv"));
        CliRunner recorded = CliRunner.run("run", mirrorFile.toString(), "--seed", "21", "--store", store.toString(),
                "--out", dir.resolve("copied-base").toString());
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        long id = recordedId(recorded);
        // What the store holds is what happened: here, step 0's first reliability bin held 1000 more rows and
        // an operator's alarm was raised at step 1; the replay of the file cannot give either.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store);
             java.sql.Statement s = c.createStatement()) {
            s.execute("UPDATE step_reliability SET count = count + 1000 WHERE run_id = " + id
                    + " AND replicate = 0 AND step = 0 AND bin = (SELECT MIN(bin) FROM step_reliability WHERE run_id = "
                    + id + " AND step = 0)");
            s.execute("INSERT INTO alarms VALUES (" + id + ", 0, 1, 'deployed', 'alarm', 'paged the on-call analyst')");
        }
        List<String> storedBins = reliability(dir.resolve("copied-base"), 0, 0);
        String first = storedBins.get(0);
        String[] f = first.split(",");
        String tampered = String.join(",", f[0], f[1], f[2], f[3], f[4], Long.toString(Long.parseLong(f[5]) + 1000));

        Path whatIf = mirror("copied-noisy", List.of(allLabelsReversed()));
        Files.writeString(whatIf, Files.readString(whatIf).replace("predictions.csv", "predictions-copied.csv"));
        CliRunner branch = CliRunner.run("run", whatIf.toString(), "--base", Long.toString(id), "--from-step", "3",
                "--replicates", "2", "--store", store.toString(), "--out", dir.resolve("copied-branch").toString());
        assertThat(branch.exitCode()).as(branch.err()).isZero();
        Path out = dir.resolve("copied-branch");
        for (int replicate = 0; replicate < 2; replicate++) {
            // Copied from the store, in each replicate: the bins and the alarm as recorded.
            assertThat(reliability(out, replicate, 0).get(0)).startsWith(tampered.replaceFirst("^0,", replicate + ","));
            assertThat(Files.readAllLines(out.resolve("alarms.csv")))
                    .contains(replicate + ",1,deployed,alarm,paged the on-call analyst");
        }
        // From the branch on, the replay's: every label reversed.
        Map<Integer, Double> before = accuracy(dir.resolve("copied-base"));
        Map<Integer, Double> after = accuracy(out);
        for (int step = 3; step < 12; step++) {
            assertThat(after.get(step)).isCloseTo(1 - before.get(step), within(1e-12));
        }
        assertThat(rowsOf(out, s -> s < 3)).containsAll(rowsOf(dir.resolve("copied-base"), s -> s < 3));
        // The branch's own record in the store holds the copied history too.
        long branchId = recordedId(branch);
        Path exported = dir.resolve("copied-export");
        CliRunner export = CliRunner.run("runs", "export", Long.toString(branchId), "--store", store.toString(),
                "--out", exported.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(reliability(exported, 0, 0).get(0)).startsWith(tampered);
    }

    /** reliability.csv's rows of one replicate's step, without the derived last two columns. */
    private static List<String> reliability(Path out, int replicate, int step) throws IOException {
        return Files.readAllLines(out.resolve("reliability.csv")).stream().skip(1)
                .filter(line -> line.startsWith(replicate + "," + step + ",")).toList();
    }
}
