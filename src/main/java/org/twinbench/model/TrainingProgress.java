package org.twinbench.model;

/**
 * Told how a training goes, tree by tree; it stops the training by throwing (a
 * {@link java.util.concurrent.CancellationException}, say) between groups of trees.
 */
@FunctionalInterface
public interface TrainingProgress {

    /** Reports nothing and never stops. */
    TrainingProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} trees are grown. */
    void trees(int done, int total);
}
