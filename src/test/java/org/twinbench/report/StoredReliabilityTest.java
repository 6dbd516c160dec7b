package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.store.RunStore;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.ReliabilityBins;

/** Reliability bins of a run in the run store and in {@code reliability.csv}, on a hand-worked run. */
class StoredReliabilityTest {

    @TempDir
    Path dir;

    /**
     * Step 0: labels 1, 0, 1, 1 at scores 0.05, 0.15, 0.95, 1.0 — bin 0 one positive row (sum 0.05),
     * bin 1 one negative (0.15), bin 9 two positives (0.95 + 1.0 = 1.95; 1.0 falls in the last bin).
     * Step 1: labels 0, 0 at 0.25 and 0.35 — bins 2 and 3, one negative row each. Step 2: no labels.
     */
    static RunOutcome handWorkedRun() {
        MetricSet metrics = new MetricSet(4, 0.75, 1, 0.67, 0.8, 1, 0.2, 0.1, 0.05);
        List<StepResult> steps = new ArrayList<>();
        steps.add(new StepResult(0, 0, metrics, List.of(), Map.of(), List.of(),
                ReliabilityBins.of(new int[] {1, 0, 1, 1}, new double[] {0.05, 0.15, 0.95, 1.0})));
        steps.add(new StepResult(0, 1, metrics, List.of(), Map.of(),
                List.of(new Alarm(0, 1, "watch", Alarm.ALARM, "accuracy low")),
                ReliabilityBins.of(new int[] {0, 0}, new double[] {0.25, 0.35})));
        steps.add(new StepResult(0, 2, metrics, List.of(), Map.of(), List.of(), ReliabilityBins.EMPTY));
        return new RunOutcome(List.of(steps), RunStatus.COMPLETED);
    }

    static final String EXPECTED_CSV = """
            replicate,step,bin,lower,upper,n,positives,score_sum,mean_score,positive_share
            0,0,0,0.0,0.1,1,1,0.05,0.05,1.0
            0,0,1,0.1,0.2,1,0,0.15,0.15,0.0
            0,0,9,0.9,1.0,2,2,1.95,0.975,1.0
            0,1,2,0.2,0.3,1,0,0.25,0.25,0.0
            0,1,3,0.3,0.4,1,0,0.35,0.35,0.0
            """;

    private static long save(RunStore store, RunOutcome outcome) {
        RunProvenance provenance = new RunProvenance("s.twin.json", "hand-worked", "0", "d.csv", "0", 8, "logistic",
                null, "0", "0", 7, outcome.replicates().get(0).size(), 1, "test", "17", "2026-11-27T00:00:00Z");
        RunSummary summary = RunSummary.of(outcome, RunSeries.of(outcome), List.of());
        return store.save("{}", provenance, summary, "{}", outcome);
    }

    @Test
    void reliabilityCsvListsTheBinsWithRowsOfEveryStep() throws IOException {
        StringWriter out = new StringWriter();
        RunFiles.writeReliability(handWorkedRun(), out);
        assertThat(out.toString()).isEqualTo(EXPECTED_CSV);
    }

    @Test
    void theStoreGivesBackEveryStepsBinsExactly() throws IOException {
        RunOutcome run = handWorkedRun();
        try (RunStore store = RunStore.open(dir.resolve("runs.sqlite"))) {
            long id = save(store, run);
            RunOutcome read = RunFolder.read(store, id);
            List<StepResult> steps = read.replicates().get(0);
            assertThat(steps).hasSize(3);
            for (int s = 0; s < 3; s++) {
                assertThat(steps.get(s).calibration()).isEqualTo(run.replicates().get(0).get(s).calibration());
            }
            ReliabilityBins first = steps.get(0).calibration();
            assertThat(first.count(9)).isEqualTo(2);
            assertThat(first.positives(9)).isEqualTo(2);
            assertThat(first.scoreSum(9)).isEqualTo(1.95);
            assertThat(steps.get(2).calibration().total()).isZero();
            assertThat(steps.get(1).alarms()).extracting(Alarm::detail).containsExactly("accuracy low");

            Path exported = dir.resolve("exported");
            RunFiles.export(store, id, exported);
            assertThat(Files.readString(exported.resolve(RunFiles.RELIABILITY))).isEqualTo(EXPECTED_CSV);
        }
    }

    @Test
    void aStoreOfTheSecondVersionOpensAndItsOldRunsHaveNoBins() throws Exception {
        Path file = dir.resolve("v2.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // The tables as version 2 made them.
            s.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
                    + " scenario_name TEXT, scenario_file TEXT, scenario_sha256 TEXT, scenario_json TEXT, seed INTEGER,"
                    + " steps INTEGER, replicates INTEGER, verdict TEXT, headline TEXT, run_json TEXT,"
                    + " status TEXT NOT NULL DEFAULT 'completed', owner_pid INTEGER, owner_started TEXT)");
            s.execute("CREATE TABLE step_metrics (run_id INTEGER NOT NULL REFERENCES runs(id),"
                    + " replicate INTEGER, step INTEGER, slice TEXT, metric TEXT, value TEXT)");
            s.execute("CREATE TABLE alarms (run_id INTEGER NOT NULL REFERENCES runs(id),"
                    + " replicate INTEGER, step INTEGER, node TEXT, kind TEXT, detail TEXT)");
            s.execute("INSERT INTO runs (created, scenario_name, seed, steps, replicates, verdict, headline, run_json)"
                    + " VALUES ('2026-01-01T00:00:00Z', 'old', 3, 1, 1, 'green', 'fine', '{}')");
            s.execute("INSERT INTO step_metrics VALUES (1, 0, 0, 'overall', 'n', '5'),"
                    + " (1, 0, 0, 'overall', 'accuracy', '0.8')");
            s.execute("PRAGMA user_version=2");
        }
        try (RunStore store = RunStore.open(file)) {
            RunOutcome old = RunFolder.read(store, 1);
            assertThat(old.replicates().get(0)).hasSize(1);
            assertThat(old.replicates().get(0).get(0).overall().accuracy()).isEqualTo(0.8);
            assertThat(old.replicates().get(0).get(0).calibration()).isEqualTo(ReliabilityBins.EMPTY);
            Path exported = dir.resolve("old");
            RunFiles.export(store, 1, exported);
            assertThat(Files.readString(exported.resolve(RunFiles.RELIABILITY)))
                    .isEqualTo(EXPECTED_CSV.lines().findFirst().orElseThrow() + "\n");
            // A run recorded now keeps its bins beside the old one.
            long id = save(store, handWorkedRun());
            assertThat(id).isEqualTo(2);
            assertThat(RunFolder.read(store, id).replicates().get(0).get(0).calibration().count(9)).isEqualTo(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet version = s.executeQuery("PRAGMA user_version")) {
            version.next();
            assertThat(version.getInt(1)).isEqualTo(3);
        }
    }
}
