package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;

/**
 * Scales and shifts a numeric feature. At intensity {@code a} an incremental schedule moves every
 * row to {@code x * (1 + a (scale - 1)) + a shift}; a gradual schedule moves each row fully with
 * probability {@code a}.
 */
public record CovariateShift(String nodeId, String column, double scale, double shift, Schedule schedule)
        implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double a = schedule.intensity(step);
        if (a == 0) {
            return batch;
        }
        NumericColumn source = batch.numeric(column);
        double[] in = source.values();
        // Each row's new value comes from its old one alone, so the step's own array may be changed in place.
        double[] out = StepArrays.values(source);
        boolean perRow = schedule.kind() == Schedule.Kind.GRADUAL;
        double factor = 1 + a * (scale - 1);
        double offset = a * shift;
        for (int i = 0; i < in.length; i++) {
            if (perRow) {
                out[i] = random.nextDouble() < a ? in[i] * scale + shift : in[i];
            } else {
                out[i] = in[i] * factor + offset;
            }
        }
        return StepArrays.withValues(batch, source, out);
    }
}
