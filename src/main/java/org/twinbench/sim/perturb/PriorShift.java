package org.twinbench.sim.perturb;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Frame;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelCodec;

/**
 * Prior (label) shift: the batch is resampled, with replacement and at its own size, so that the
 * share of positive labels becomes {@code π' = π + a (positiveRate − π)} at intensity {@code a},
 * where π is the batch's own share. Positives are drawn from the batch's positives and negatives from
 * its negatives, so P(x | class) is unchanged. With a slice, only the slice's rows are resampled
 * (to the slice's size) and the other rows stay as they are; rows without a label are kept.
 */
public record PriorShift(String nodeId, LabelCodec labels, double positiveRate, Schedule schedule,
                         String sliceColumn, String sliceValue) implements Perturbation {

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double a = schedule.intensity(step);
        if (a == 0) {
            return batch;
        }
        int[] y = labels.read(batch);
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            boolean inSlice = sliceColumn == null || sliceValue.equals(BinaryLabels.text(batch.column(sliceColumn), i));
            if (!inSlice || y[i] < 0) {
                kept.add(i);
            } else if (y[i] == 1) {
                positives.add(i);
            } else {
                negatives.add(i);
            }
        }
        int n = positives.size() + negatives.size();
        if (positives.isEmpty() || negatives.isEmpty()) {
            return batch;
        }
        double current = (double) positives.size() / n;
        double target = current + a * (positiveRate - current);
        int[] rows = new int[y.length];
        int at = 0;
        for (int i : kept) {
            rows[at++] = i;
        }
        for (int k = 0; k < n; k++) {
            List<Integer> pool = random.nextDouble() < target ? positives : negatives;
            rows[at++] = pool.get(random.nextInt(pool.size()));
        }
        java.util.Arrays.sort(rows, 0, kept.size());
        return batch.select(rows);
    }
}
