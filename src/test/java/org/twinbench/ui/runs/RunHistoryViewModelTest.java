package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.store.RunState;
import org.twinbench.sim.store.RunStore;

/** Which stored runs the history offers to open in the main window's results, without the toolkit. */
class RunHistoryViewModelTest {

    private static RunStore.StoredRun run(long id, RunState status) {
        return new RunStore.StoredRun(id, "2026-11-27T00:00:00Z", "Loans", "s.twin.json", 1, 60, 1, null, "", status);
    }

    @Test
    void onlyACompletedRunIsHandedToTheMainWindow() {
        List<Long> opened = new ArrayList<>();
        RunHistoryViewModel history = new RunHistoryViewModel(Path.of("runs.sqlite"), Runnable::run, Runnable::run,
                opened::add);
        assertThat(history.offersResults()).isTrue();

        history.openResults(run(3, RunState.COMPLETED));
        assertThat(opened).containsExactly(3L);
        assertThat(history.messageProperty().get()).isEqualTo("Run #3 is shown in the main window's results");

        history.openResults(run(4, RunState.INTERRUPTED));
        assertThat(history.messageProperty().get()).isEqualTo("Run #4 has no stored results (interrupted)");
        history.openResults(null);
        assertThat(opened).containsExactly(3L);
        assertThat(history.canOpenResults(run(4, RunState.FAILED))).isFalse();
        assertThat(history.messageProperty().get()).isEqualTo("Select a run to open its results");
    }

    @Test
    void aHistoryWithoutAMainWindowOffersNoResults() {
        RunHistoryViewModel history = new RunHistoryViewModel(Path.of("runs.sqlite"), Runnable::run, Runnable::run);
        assertThat(history.offersResults()).isFalse();
        assertThat(history.canOpenResults(run(1, RunState.COMPLETED))).isFalse();
    }
}
