package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.results.LiveChartsViewModel;

/**
 * A completed run read back from the run store into the window's results, as it ended, without running
 * it again: its row, its steps (curves, slice table, drift heatmap, reliability diagram) and the scenario
 * it ran. Read on the executor; refused while the window runs a scenario. Part of {@link WindowRun}.
 */
final class RunReopening {

    private final BackgroundTask.Runner background;
    private final Path runStore;
    private final LiveChartsViewModel liveCharts;
    private final Consumer<String> status;
    /** The stored run the results show, when they show one reopened from the run store; else null. */
    private final ReadOnlyObjectWrapper<RunStore.StoredRun> reopened = new ReadOnlyObjectWrapper<>();

    RunReopening(BackgroundTask.Runner background, Path runStore, LiveChartsViewModel liveCharts,
                 Consumer<String> status) {
        this.background = background;
        this.runStore = runStore;
        this.liveCharts = liveCharts;
        this.status = status;
    }

    /**
     * Reads run {@code id} and shows it, unless {@code running} says a run is going (then or when it is
     * read); {@code showing} is called just before it replaces the results.
     */
    void reopen(long id, BooleanSupplier running, Runnable showing) {
        if (running.getAsBoolean()) {
            status.accept("Stop the current run before reopening run #" + id);
            return;
        }
        status.accept("Reading run #" + id + " from the run store ...");
        background.task(context -> {
            try (RunStore store = RunStore.open(runStore)) {
                RunStore.StoredRun run = store.find(id).filter(RunStore.StoredRun::completed)
                        .orElseThrow(() -> new IllegalStateException("the store holds no results of run #" + id));
                org.twinbench.sim.RunOutcome outcome = org.twinbench.report.RunFolder.read(store, id);
                Scenario scenario = store.text(id, "scenario_json")
                        .map(json -> org.twinbench.scenario.ScenarioFormat.parse(json, "run #" + id)).orElse(null);
                return new Reopened(run, outcome, scenario);
            }
        }).onSuccess(read -> {
            if (running.getAsBoolean()) {
                status.accept("Stop the current run before reopening run #" + id);
                return;
            }
            showing.run();
            liveCharts.showRun(read.outcome(), read.scenario());
            reopened.set(read.run());
            status.accept("Reopened run #" + id + " (" + read.run().scenarioName() + ", " + read.run().steps()
                    + " steps) from the run store");
        }).onFailure(e -> status.accept("Cannot reopen run #" + id + ": " + e.getMessage())).start();
    }

    /** The results show a run of the window, or nothing: no reopened run any more. */
    void forget() {
        reopened.set(null);
    }

    ReadOnlyObjectProperty<RunStore.StoredRun> reopenedProperty() {
        return reopened.getReadOnlyProperty();
    }

    /** A stored run read back: its row, its steps and the scenario it ran (null if not stored). */
    private record Reopened(RunStore.StoredRun run, org.twinbench.sim.RunOutcome outcome, Scenario scenario) { }
}
