package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;

/**
 * Moves rows into one category of a categorical column: at intensity {@code a} each row is moved
 * with probability {@code a * share}. The category need not exist in the data (a new segment).
 */
public record CategoryMixShift(String nodeId, String column, String category, double share, Schedule schedule)
        implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double p = schedule.intensity(step) * share;
        if (p == 0) {
            return batch;
        }
        CategoricalColumn source = batch.categorical(column).withLevel(category);
        int target = source.codeOf(category);
        int[] codes = StepArrays.codes(source);
        for (int i = 0; i < codes.length; i++) {
            if (random.nextDouble() < p) {
                codes[i] = target;
            }
        }
        return StepArrays.withCodes(batch, source, codes);
    }
}
