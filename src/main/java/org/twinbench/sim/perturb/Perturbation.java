package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;

/** A change applied to each production batch before the model sees it. */
public interface Perturbation {

    /** The node that defines this perturbation. */
    String nodeId();

    Frame apply(Frame batch, int step, SplittableRandom random);
}
