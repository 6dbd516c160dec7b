package org.twinbench.sim.source;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;

/** Where each step's rows come from: a dataset or a synthetic generator. */
public interface BatchSource {

    String nodeId();

    /** The rows of {@code step} of a replicate, drawn with {@code random} (derived from seed, node, replicate and step). */
    Frame batch(int step, int replicate, SplittableRandom random);

    /** The first day of the calendar window a step replays (ISO date), or null for row-count steps. */
    default String windowStart(int step) {
        return null;
    }

    /**
     * The first day (ISO date) of the calendar window that holds {@code date}, whether or not the run
     * has a step for it; null for row-count steps.
     */
    default String windowStartOf(java.time.LocalDate date) {
        return null;
    }

    /**
     * Called by the engine as a run starts: a source that waits for rows (a followed file) stops waiting,
     * and ends the run, once {@code cancelled} says so. Other sources never wait.
     */
    default void stopWaitingWhen(java.util.function.BooleanSupplier cancelled) {
    }

    /**
     * Whether every batch is made anew for its step, its columns' arrays held by nothing else (so a step's perturbations
     * may change them in place, {@link org.twinbench.sim.perturb.StepArrays}); false unless a source promises it.
     */
    default boolean freshBatches() {
        return false;
    }

    /**
     * The number of steps a run of {@code asked} steps makes: all of them, unless a replay in time order
     * ends after its last rows ({@code at_end} = stop).
     */
    default int steps(int asked) {
        return asked;
    }
}
