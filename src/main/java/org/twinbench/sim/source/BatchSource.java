package org.twinbench.sim.source;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;

/** Where each step's rows come from: a dataset or a synthetic generator. */
public interface BatchSource {

    String nodeId();

    /** The rows of {@code step} of a replicate, drawn with {@code random} (derived from seed, node, replicate and step). */
    Frame batch(int step, int replicate, SplittableRandom random);
}
