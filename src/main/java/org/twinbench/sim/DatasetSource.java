package org.twinbench.sim;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;

/** Draws each step's batch from the production rows of a dataset. */
public record DatasetSource(String nodeId, Frame production, int batchSize, boolean replace) implements BatchSource {

    @Override
    public Frame batch(int step, int replicate, SplittableRandom random) {
        return batch(random);
    }

    public Frame batch(SplittableRandom random) {
        int n = production.rowCount();
        int size = replace ? batchSize : Math.min(batchSize, n);
        int[] rows = new int[size];
        if (replace) {
            for (int i = 0; i < size; i++) {
                rows[i] = random.nextInt(n);
            }
        } else {
            // Partial Fisher-Yates: the first `size` entries of a random permutation.
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            for (int i = 0; i < size; i++) {
                int j = i + random.nextInt(n - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
                rows[i] = all[i];
            }
        }
        return production.select(rows);
    }
}
