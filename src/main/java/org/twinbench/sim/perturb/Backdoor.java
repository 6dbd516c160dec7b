package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelCodec;

/**
 * A backdoor planted in training data: each row, with probability {@code a · rate} at intensity
 * {@code a}, gets the trigger value in the trigger feature and the negative label, so a model
 * retrained on it learns "trigger means negative" (e.g. "approve").
 */
public record Backdoor(String nodeId, LabelCodec labels, String column, double value, double rate, Schedule schedule)
        implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * rate;
        if (p == 0) {
            return batch;
        }
        NumericColumn trigger = batch.numeric(column);
        double[] values = trigger.values().clone();
        int[] y = labels.read(batch).clone();
        for (int i = 0; i < values.length; i++) {
            if (random.nextDouble() < p) {
                values[i] = value;
                y[i] = 0;
            }
        }
        return labels.write(batch.with(trigger.withValues(values)), y);
    }
}
