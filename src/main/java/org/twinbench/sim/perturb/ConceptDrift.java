package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelChange;
import org.twinbench.sim.LabelCodec;

/**
 * Concept drift in a region of feature space: where {@code from ≤ column ≤ to}, each label changes with
 * probability {@code a · flipShare} at intensity {@code a} (a binary label is reversed, a multiclass label
 * moves to another class, an amount gets noise: {@link LabelCodec#change}). Features never change and
 * labels outside the region never change; P(y | x) moves only inside the region.
 */
public record ConceptDrift(String nodeId, LabelCodec labels, String column, double from, double to,
                           double flipShare, Schedule schedule, LabelChange change) implements Perturbation {

    /** Concept drift with uniform class flips and noise of one standard deviation. */
    public ConceptDrift(String nodeId, LabelCodec labels, String column, double from, double to, double flipShare,
                        Schedule schedule) {
        this(nodeId, labels, column, from, to, flipShare, schedule, LabelChange.UNIFORM);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * flipShare;
        if (p == 0) {
            return batch;
        }
        double[] x = batch.numeric(column).values();
        return labels.change(batch, i -> x[i] >= from && x[i] <= to && random.nextDouble() < p, change, random);
    }
}
