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
 *
 * <p>A multiclass model's labels move the same way, every class c to {@code π_c + a (T_c − π_c)}: {@code T_c} is
 * the share {@code class_shares} gives c, and the classes it does not list share the rest in proportion to their
 * batch shares. A class without rows in the batch cannot be drawn; the others' shares are scaled to fill in.
 *
 * @param classShares a multiclass model's target share of each class (NaN where not listed); null for binary
 */
public record PriorShift(String nodeId, LabelCodec labels, double positiveRate, double[] classShares,
                         Schedule schedule, String sliceColumn, String sliceValue) implements Perturbation {

    /** A binary model's prior shift. */
    public PriorShift(String nodeId, LabelCodec labels, double positiveRate, Schedule schedule, String sliceColumn,
                      String sliceValue) {
        this(nodeId, labels, positiveRate, null, schedule, sliceColumn, sliceValue);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        double a = schedule.intensity(step);
        if (a == 0) {
            return batch;
        }
        int classes = classShares == null ? 2 : classShares.length;
        int[] y = classShares == null ? labels.read(batch) : labels.readClasses(batch);
        List<List<Integer>> pools = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            pools.add(new ArrayList<>());
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            boolean inSlice = sliceColumn == null || sliceValue.equals(BinaryLabels.text(batch.column(sliceColumn), i));
            if (!inSlice || y[i] < 0) {
                kept.add(i);
            } else {
                pools.get(y[i]).add(i);
            }
        }
        int n = y.length - kept.size();
        int[] rows = new int[y.length];
        int at = 0;
        for (int i : kept) {
            rows[at++] = i;
        }
        if (classShares == null) {
            List<Integer> positives = pools.get(1);
            List<Integer> negatives = pools.get(0);
            if (positives.isEmpty() || negatives.isEmpty()) {
                return batch;
            }
            double current = (double) positives.size() / n;
            double target = current + a * (positiveRate - current);
            for (int k = 0; k < n; k++) {
                List<Integer> pool = random.nextDouble() < target ? positives : negatives;
                rows[at++] = pool.get(random.nextInt(pool.size()));
            }
        } else {
            if (n == 0) {
                return batch;
            }
            double[] cumulative = targetShares(pools, n, a);
            if (!(cumulative[classes - 1] > 0)) {
                return batch;
            }
            for (int k = 0; k < n; k++) {
                double u = random.nextDouble() * cumulative[classes - 1];
                int c = 0;
                while (c < classes - 1 && u >= cumulative[c]) {
                    c++;
                }
                while (pools.get(c).isEmpty()) {
                    c--;
                }
                List<Integer> pool = pools.get(c);
                rows[at++] = pool.get(random.nextInt(pool.size()));
            }
        }
        java.util.Arrays.sort(rows, 0, kept.size());
        return batch.select(rows);
    }

    /** Running sums of each class's share after the shift at intensity {@code a}, 0 for a class without rows. */
    private double[] targetShares(List<List<Integer>> pools, int n, double a) {
        int classes = classShares.length;
        double listed = 0;
        double unlistedNow = 0;
        for (int c = 0; c < classes; c++) {
            if (Double.isNaN(classShares[c])) {
                unlistedNow += (double) pools.get(c).size() / n;
            } else {
                listed += classShares[c];
            }
        }
        double[] cumulative = new double[classes];
        double running = 0;
        for (int c = 0; c < classes; c++) {
            double now = (double) pools.get(c).size() / n;
            double goal = !Double.isNaN(classShares[c]) ? classShares[c]
                    : unlistedNow == 0 ? 0 : (1 - listed) * now / unlistedNow;
            running += pools.get(c).isEmpty() ? 0 : now + a * (goal - now);
            cumulative[c] = running;
        }
        return cumulative;
    }
}
