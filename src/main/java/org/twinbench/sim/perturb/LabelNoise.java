package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelCodec;

/** Label noise: each present label is reversed with probability {@code a · rate} at intensity {@code a}. */
public record LabelNoise(String nodeId, LabelCodec labels, double rate, Schedule schedule) implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * rate;
        if (p == 0) {
            return batch;
        }
        int[] y = labels.read(batch).clone();
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= 0 && random.nextDouble() < p) {
                y[i] = 1 - y[i];
            }
        }
        return labels.write(batch, y);
    }
}
