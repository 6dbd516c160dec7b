package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.SimulationPlan;

/** How a run of the main window is kept in the run store: begun with the run, ended with it (on the executor). */
final class WindowRecording {

    private WindowRecording() {
    }

    /** A run begun in the store (null when it is not recorded) and what the user should be told (or null). */
    record Begun(RunRecording.InProgress stored, String notice) {
    }

    /**
     * Records in the run store that the run starts; no stored run if the store cannot be opened or the
     * scenario was never saved, and the run goes on unrecorded. The notice says why, or what the store has
     * to say (a damaged file set aside); it ends up in the status line when the run ends.
     */
    static Begun begin(Path runStore, Scenario scenario, Path scenarioFile, SimulationPlan plan, int replicates) {
        return begin(runStore, scenario, scenarioFile, null, plan, replicates);
    }

    /**
     * As {@link #begin(Path, Scenario, Path, SimulationPlan, int)}; with {@code unsavedBase} not null an unsaved
     * scenario is recorded too (a what-if from a run of the history, which exists only as a recorded run), with
     * the SHA-256 of its text and its files resolved against that folder.
     */
    static Begun begin(Path runStore, Scenario scenario, Path scenarioFile, Path unsavedBase, SimulationPlan plan,
                       int replicates) {
        try {
            if (scenarioFile == null && unsavedBase != null) {
                RunRecording.InProgress stored = RunRecording.beginUnsaved(runStore, scenario, unsavedBase, plan,
                        replicates);
                return new Begun(stored, stored.notice().orElse(null));
            }
            if (scenarioFile == null) {
                // A run is recorded with the hash of its scenario file: an unsaved scenario has none yet.
                return new Begun(null, "This run is not kept in the run history: save the scenario to keep its runs");
            }
            RunRecording.InProgress stored = RunRecording.begin(runStore, scenario, scenarioFile, plan, replicates);
            return new Begun(stored, stored.notice().orElse(null));
        } catch (RuntimeException e) {
            return new Begun(null, "The run is not recorded: " + e.getMessage());
        }
    }

    /** Ends the stored run (completed, cancelled or failed); a store failure is told to {@code problems}. */
    static void end(RunRecording.InProgress stored, Runnable end, Consumer<String> problems) {
        if (stored == null) {
            return;
        }
        try {
            end.run();
        } catch (RuntimeException e) {
            problems.accept("The run ended but could not be recorded: " + e.getMessage());
        }
    }
}
