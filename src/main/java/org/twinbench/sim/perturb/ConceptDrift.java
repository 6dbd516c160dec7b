package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelCodec;

/**
 * Concept drift in a region of feature space: where {@code from ≤ column ≤ to}, each label is
 * reversed with probability {@code a · flipShare} at intensity {@code a}. Features never change and
 * labels outside the region never change; P(y | x) moves only inside the region.
 */
public record ConceptDrift(String nodeId, LabelCodec labels, String column, double from, double to,
                           double flipShare, Schedule schedule) implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * flipShare;
        if (p == 0) {
            return batch;
        }
        double[] x = batch.numeric(column).values();
        int[] y = labels.read(batch).clone();
        for (int i = 0; i < y.length; i++) {
            boolean inRegion = x[i] >= from && x[i] <= to;
            if (inRegion && y[i] >= 0 && random.nextDouble() < p) {
                y[i] = 1 - y[i];
            }
        }
        return labels.write(batch, y);
    }
}
