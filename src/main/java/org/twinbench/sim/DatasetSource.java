package org.twinbench.sim;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;

/**
 * Draws each step's batch from the production rows of a dataset: at random (with or without
 * replacement within a step), or, with {@code inOrder}, as consecutive rows of the production table
 * (already sorted by its time column): step t gets rows t·b … t·b + b − 1, wrapping around at the end.
 */
public record DatasetSource(String nodeId, Frame production, int batchSize, boolean replace, boolean inOrder)
        implements BatchSource {

    public DatasetSource(String nodeId, Frame production, int batchSize, boolean replace) {
        this(nodeId, production, batchSize, replace, false);
    }

    @Override
    public Frame batch(int step, int replicate, SplittableRandom random) {
        if (inOrder) {
            int n = production.rowCount();
            int[] rows = new int[batchSize];
            long first = (long) step * batchSize;
            for (int i = 0; i < batchSize; i++) {
                rows[i] = (int) ((first + i) % n);
            }
            return production.select(rows);
        }
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
