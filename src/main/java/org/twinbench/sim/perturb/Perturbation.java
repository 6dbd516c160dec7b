package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.model.TaskModel;

/** A change applied to each production batch before the model sees it. */
public interface Perturbation {

    /** The node that defines this perturbation. */
    String nodeId();

    Frame apply(Frame batch, int step, SplittableRandom random);

    /**
     * The change of a step whose rows the {@code serving} model (the one in use that step: the initial one, or the
     * last retrained or promoted) will score; only perturbations that probe the model use it.
     */
    default Frame apply(Frame batch, int step, SplittableRandom random, TaskModel serving) {
        return apply(batch, step, random);
    }
}
