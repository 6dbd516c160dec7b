package org.twinbench.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunProvenance;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunStore;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * Records a run made in the window in the run store, exactly as the {@code run} command records its
 * runs, so that run history and comparison see both.
 */
public final class RunRecording {

    private RunRecording() {
    }

    /** Saves one replicate's steps; returns the run's id in the store. */
    public static long record(Path store, Scenario scenario, Path scenarioFile, SimulationPlan plan,
                              List<StepResult> steps) {
        RunOutcome outcome = new RunOutcome(List.of(steps), RunStatus.COMPLETED);
        RunSeries series = RunSeries.of(outcome);
        RunSummary summary = RunSummary.of(outcome, series, List.of());
        RunProvenance provenance = RunProvenance.of(scenarioFile, plan, 1, Instant.now());
        try (RunStore runs = RunStore.open(store)) {
            return runs.save(ScenarioFormat.toJson(scenario), provenance, summary,
                    RunJson.toJson(provenance, summary, series), outcome);
        }
    }
}
