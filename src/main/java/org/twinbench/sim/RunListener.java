package org.twinbench.sim;

/** Receives a run's progress on the thread that runs it. Implementations must return quickly. */
public interface RunListener {

    default void onPhase(String description) {
    }

    default void onStep(StepResult result, int totalSteps) {
    }

    default void onFinish(RunStatus status) {
    }
}
