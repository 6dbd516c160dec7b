package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.List;
import org.twinbench.report.RunRecording;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.PlanSteps;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/** Runs a scenario headless and records it in a run store, as the window would, for the run history's tests. */
final class RecordedRuns {

    private RecordedRuns() {
    }

    /** The steps of one replicate of {@code scenario} (read from {@code file}, data in {@code baseDir}), recorded. */
    static List<StepResult> record(Path store, Scenario scenario, Path file, Path baseDir) {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { });
        List<StepResult> steps = PlanSteps.of(plan);
        RunRecording.record(store, scenario, file, plan, steps);
        return steps;
    }
}
