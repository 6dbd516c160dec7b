package org.twinbench.sim;

/** Receives a run's progress on the thread that runs it. Implementations must return quickly. */
public interface RunListener {

    default void onPhase(String description) {
    }

    /**
     * Something the user should know about the run as compiled (e.g. a calendar replay ends before the
     * steps asked for); shown as a phase unless the listener says it otherwise.
     */
    default void onNote(String note) {
        onPhase(note);
    }

    default void onStep(StepResult result, int totalSteps) {
    }

    /**
     * What the run found in its rows ({@link RunFindings}: the worst slices of its labelled rows, the outcome's
     * names), once, just before a completed run's {@link #onFinish}.
     */
    default void onFindings(RunFindings findings) {
    }

    default void onFinish(RunStatus status) {
    }
}
