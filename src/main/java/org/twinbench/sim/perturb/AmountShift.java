package org.twinbench.sim.perturb;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelCodec;

/**
 * Prior shift of a regression: the rows with an amount (in the slice, when there is one) are drawn again, with
 * replacement and at their own count, with weights {@code exp(λ z)}, z the row's amount standardised within them,
 * λ solved so that the weighted mean of the amounts is their mean plus {@code a · shift · sd} at intensity a, sd the
 * reference amounts' standard deviation (exponential tilting of the target, as {@link ImportanceResampling} tilts
 * a feature). Whole rows move, so P(x | amount) is unchanged; rows outside the slice or without an amount are kept.
 *
 * @param shift the move of the mean at full intensity, in reference standard deviations
 */
public record AmountShift(String nodeId, LabelCodec labels, double shift, Schedule schedule, String sliceColumn,
                          String sliceValue) implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double a = schedule.intensity(step);
        double[] amounts = labels.readAmounts(batch);
        int[] drawn = new int[amounts.length];
        int[] kept = new int[amounts.length];
        int n = 0;
        int k = 0;
        for (int i = 0; i < amounts.length; i++) {
            boolean inSlice = sliceColumn == null || sliceValue.equals(BinaryLabels.text(batch.column(sliceColumn), i));
            if (inSlice && !Double.isNaN(amounts[i])) {
                drawn[n++] = i;
            } else {
                kept[k++] = i;
            }
        }
        if (a == 0 || n < 2) {
            return batch;
        }
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            y[j] = amounts[drawn[j]];
        }
        double[] z = ImportanceResampling.standardised(y);
        double lambda = ImportanceResampling.tiltFor(y, z, a * shift * labels.amountSd());
        double[] cumulative = ImportanceResampling.cumulativeWeights(z, lambda);
        int[] rows = Arrays.copyOf(kept, amounts.length);
        for (int j = 0; j < n; j++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[n - 1]);
            rows[k + j] = drawn[Math.min(n - 1, at >= 0 ? at + 1 : -at - 1)];
        }
        return batch.select(rows);
    }
}
