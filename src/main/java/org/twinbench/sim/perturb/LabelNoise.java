package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelChange;
import org.twinbench.sim.LabelCodec;

/**
 * Label noise: each present label changes with probability {@code a · rate} at intensity {@code a} — a
 * binary label is reversed, a multiclass label moves to another class and an amount gets noise, as
 * {@code change} says ({@link LabelCodec#change}).
 */
public record LabelNoise(String nodeId, LabelCodec labels, double rate, Schedule schedule, LabelChange change)
        implements Perturbation {

    /** Label noise with uniform class flips and noise of one standard deviation. */
    public LabelNoise(String nodeId, LabelCodec labels, double rate, Schedule schedule) {
        this(nodeId, labels, rate, schedule, LabelChange.UNIFORM);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * rate;
        if (p == 0) {
            return batch;
        }
        return labels.change(batch, i -> random.nextDouble() < p, change, random);
    }
}
