package org.twinbench.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;

/** The store's states are an enum in the code and the same lower-case text in the file as before. */
class RunStateTest {

    @TempDir
    Path dir;

    private static List<String> statusColumn(Path file) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT status FROM runs ORDER BY id")) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }

    @Test
    void theFileKeepsTheTextsTheStoreAlwaysWrote() throws Exception {
        Path file = dir.resolve("runs.sqlite");
        RunProvenance p = new RunProvenance("s.twin.json", "states", "0", "d.csv", "0", 8, "logistic", null, "0", "0",
                7, 0, 1, "test", "17", "2026-12-03T00:00:00Z");
        RunOutcome outcome = new RunOutcome(List.of(List.of()), RunStatus.COMPLETED);
        RunSummary summary = RunSummary.of(outcome, RunSeries.of(outcome), List.of());
        try (RunStore store = RunStore.open(file)) {
            long running = store.begin("{}", p);
            long failed = store.begin("{}", p);
            long finished = store.begin("{}", p);
            store.fail(failed, "Failed: on purpose");
            store.finish(finished, summary, "{}", outcome);
            store.save("{}", p, summary, "{}", outcome);
            assertThat(store.list()).extracting(RunStore.StoredRun::status).containsExactly(RunState.RUNNING,
                    RunState.FAILED, RunState.COMPLETED, RunState.COMPLETED);
            assertThat(store.find(running).orElseThrow().completed()).isFalse();
        }
        assertThat(statusColumn(file)).containsExactly("running", "failed", "completed", "completed");
        for (RunState state : RunState.values()) {
            assertThat(RunState.of(state.stored())).isEqualTo(state);
            assertThat(state.toString()).isEqualTo(state.stored());
        }
        assertThat(RunState.INTERRUPTED.stored()).isEqualTo("interrupted");
    }
}
