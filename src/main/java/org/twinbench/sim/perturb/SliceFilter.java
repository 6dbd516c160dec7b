package org.twinbench.sim.perturb;

import java.util.SplittableRandom;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * Limits a perturbation to one slice: the perturbation is applied to the batch, and then every
 * changed column keeps its new values only in rows whose {@code column} equals {@code value}.
 */
public record SliceFilter(Perturbation inner, String column, String value) implements Perturbation {

    @Override
    public String nodeId() {
        return inner.nodeId();
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        // The inner perturbation copies what it changes: the rows outside the slice keep the batch's values.
        Frame changed = StepArrays.copying(() -> inner.apply(batch, step, random));
        if (changed == batch) {
            return batch;
        }
        Column slicing = batch.column(column);
        boolean[] inSlice = new boolean[batch.rowCount()];
        for (int i = 0; i < inSlice.length; i++) {
            inSlice[i] = value.equals(BinaryLabels.text(slicing, i));
        }
        Frame out = batch;
        for (String name : changed.columnNames()) {
            Column after = changed.column(name);
            Column before = batch.column(name);
            if (after != before) {
                out = out.with(merge(before, after, inSlice));
            }
        }
        return out;
    }

    private static Column merge(Column before, Column after, boolean[] inSlice) {
        if (after instanceof NumericColumn numeric) {
            double[] values = ((NumericColumn) before).values().clone();
            for (int i = 0; i < values.length; i++) {
                if (inSlice[i]) {
                    values[i] = numeric.values()[i];
                }
            }
            return numeric.withValues(values);
        }
        CategoricalColumn newer = (CategoricalColumn) after;
        CategoricalColumn older = (CategoricalColumn) before;
        int[] codes = new int[inSlice.length];
        for (int i = 0; i < codes.length; i++) {
            int old = older.codes()[i];
            codes[i] = inSlice[i] ? newer.codes()[i] : old < 0 ? old : newer.codeOf(older.levels().get(old));
        }
        return newer.withCodes(codes);
    }
}
