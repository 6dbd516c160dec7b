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
     * The worst slices of the run's labelled rows ({@link SliceSample}), once, just before a completed run's
     * {@link #onFinish}; not called for a regression run or one without labelled rows.
     */
    default void onTopSlices(org.twinbench.stats.SliceFinder.Result slices) {
    }

    default void onFinish(RunStatus status) {
    }
}
