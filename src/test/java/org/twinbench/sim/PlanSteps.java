package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;

/** Runs one replicate of a compiled plan headless and keeps its steps, for tests that look at them. */
public final class PlanSteps {

    private PlanSteps() {
    }

    /** The steps of replicate 0 of {@code plan}, in order. */
    public static List<StepResult> of(SimulationPlan plan) {
        List<StepResult> steps = new ArrayList<>();
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                steps.add(result);
            }
        }, new RunControl());
        return steps;
    }
}
