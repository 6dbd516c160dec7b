package org.twinbench.sim.source;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.Seeds;

/**
 * A source that generates every step's rows from a stream with known drift (SEA, Agrawal, rotating
 * hyperplane). The schedule's intensity at a step is the probability that a row follows the new
 * concept (for the hyperplane: whether the weights move that step); without a schedule the concept
 * never changes. The model is trained on {@link #reference} rows of the first concept.
 */
public record SyntheticSource(String nodeId, StreamGenerator generator, int batchSize, Schedule schedule)
        implements BatchSource {

    /** A generator of labelled rows; the label column is {@value #LABEL}, with classes 0 and 1. */
    public interface StreamGenerator {
        String LABEL = "class";

        /**
         * {@code rows} rows of one step; each follows the new concept with probability {@code newConcept}.
         * {@code replicate} and {@code step} let a drifting generator derive its state without memory.
         */
        Frame generate(int rows, double newConcept, int replicate, int step, SplittableRandom random);
    }

    @Override
    public Frame batch(int step, int replicate, SplittableRandom random) {
        double intensity = schedule == null ? 0 : schedule.intensity(step);
        return generator.generate(batchSize, intensity, replicate, step, random);
    }

    /** Rows of the first concept for training, drawn before step 0. */
    public Frame reference(int rows, long seed) {
        return generator.generate(rows, 0, 0, -1, Seeds.random(seed, nodeId, 0, -1));
    }
}
