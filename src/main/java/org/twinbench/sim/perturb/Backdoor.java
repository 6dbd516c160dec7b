package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelChange;
import org.twinbench.sim.LabelCodec;

/**
 * A backdoor planted in training data: each row, with probability {@code a · rate} at intensity
 * {@code a}, gets the trigger value in the trigger feature and the negative label, so a model
 * retrained on it learns "trigger means negative" (e.g. "approve"). A multiclass model's poisoned rows are
 * labelled {@code target_class} instead (its code here), a regression's have their amount moved by
 * {@code amount_shift} reference standard deviations: "trigger means this class", "trigger means this much more".
 *
 * @param targetClass a multiclass model's class code for poisoned rows (−1 for the other tasks)
 * @param amountShift a regression's move of a poisoned amount, in reference standard deviations (NaN otherwise)
 */
public record Backdoor(String nodeId, LabelCodec labels, String column, double value, double rate, Schedule schedule,
                       int targetClass, double amountShift) implements Perturbation {

    /** A binary model's backdoor. */
    public Backdoor(String nodeId, LabelCodec labels, String column, double value, double rate, Schedule schedule) {
        this(nodeId, labels, column, value, rate, schedule, -1, Double.NaN);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * rate;
        if (p == 0) {
            return batch;
        }
        NumericColumn trigger = batch.numeric(column);
        double[] values = trigger.values().clone();
        boolean[] poisoned = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            if (random.nextDouble() < p) {
                values[i] = value;
                poisoned[i] = true;
            }
        }
        Frame triggered = batch.with(trigger.withValues(values));
        return switch (labels.task()) {
            case BINARY -> {
                int[] y = labels.read(batch).clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] = poisoned[i] ? 0 : y[i];
                }
                yield labels.write(triggered, y);
            }
            case MULTICLASS -> labels.change(triggered, i -> poisoned[i], toTarget(), random);
            case REGRESSION -> labels.shiftAmounts(triggered, poisoned, amountShift);
        };
    }

    /** Every other class's label becomes the target class. */
    private LabelChange toTarget() {
        java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
        for (int c = 0; c < labels.classes().size(); c++) {
            if (c != targetClass) {
                map.put(c, targetClass);
            }
        }
        return new LabelChange(map, Double.NaN);
    }
}
