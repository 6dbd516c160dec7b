package org.twinbench.sim.perturb;

import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * The arrays of a step's batch that the step alone made and holds, which a perturbation may change in place instead
 * of copying (issue #23: a run in the window makes less garbage a step). While the engine applies a step's
 * perturbations on a thread ({@link #begin} … {@link #end}), {@link #values} and {@link #codes} give a column's own
 * array when the step owns it — a source's fresh batch ({@link org.twinbench.sim.source.BatchSource#freshBatches}),
 * or a copy an earlier perturbation of the step made — and otherwise a copy, which the step then owns. Outside a step
 * (a perturbation applied by anything else) they always copy, as the perturbations did before. A perturbation that
 * changes an array it got here must compute every row's new value from that row's old value alone, so that changing
 * it in place gives what a copy would.
 *
 * <p>One per run: a run's steps follow each other on one thread, and replicates running at the same time each have
 * their own.
 */
public final class StepArrays {

    private static final ThreadLocal<StepArrays> CURRENT = new ThreadLocal<>();

    private Object[] owned = new Object[16];
    private int size;

    /**
     * Starts applying a step's perturbations on this thread; the arrays of {@code batch}'s columns are the step's own
     * when {@code fresh} (nothing else holds them).
     */
    public void begin(Frame batch, boolean fresh) {
        size = 0;
        if (fresh) {
            for (Column column : batch.columns()) {
                own(column instanceof NumericColumn n ? n.values() : ((CategoricalColumn) column).codes());
            }
        }
        CURRENT.set(this);
    }

    /** Ends the step's perturbations: nothing is changed in place after this. */
    public void end() {
        CURRENT.remove();
        java.util.Arrays.fill(owned, 0, size, null);
        size = 0;
    }

    /**
     * Runs {@code work} with every array copied, not changed in place: for a perturbation whose caller reads the batch
     * as it was after it ran ({@link SliceFilter} keeps the old values outside its slice).
     */
    static <T> T copying(java.util.function.Supplier<T> work) {
        StepArrays step = CURRENT.get();
        if (step == null) {
            return work.get();
        }
        CURRENT.remove();
        try {
            return work.get();
        } finally {
            CURRENT.set(step);
        }
    }

    /** The values of {@code column} to change: its own array when the running step owns it, else a copy. */
    static double[] values(NumericColumn column) {
        return writable(column.values(), double[]::clone);
    }

    /** The codes of {@code column} to change: its own array when the running step owns it, else a copy. */
    static int[] codes(CategoricalColumn column) {
        return writable(column.codes(), int[]::clone);
    }

    private static <T> T writable(T array, java.util.function.UnaryOperator<T> copy) {
        StepArrays step = CURRENT.get();
        if (step != null && step.owns(array)) {
            return array;
        }
        T copied = copy.apply(array);
        if (step != null) {
            step.own(copied);
        }
        return copied;
    }

    /**
     * {@code batch} with {@code source}'s values replaced by {@code values} (from {@link #values}): {@code batch} itself
     * when {@code source} is its column and {@code values} its own array, changed in place.
     */
    static Frame withValues(Frame batch, NumericColumn source, double[] values) {
        return values == source.values() && batch.column(source.name()) == source ? batch
                : batch.with(source.withValues(values));
    }

    /** As {@link #withValues}, for a categorical column's codes (from {@link #codes}). */
    static Frame withCodes(Frame batch, CategoricalColumn source, int[] codes) {
        return codes == source.codes() && batch.column(source.name()) == source ? batch
                : batch.with(source.withCodes(codes));
    }

    private boolean owns(Object array) {
        for (int i = 0; i < size; i++) {
            if (owned[i] == array) {
                return true;
            }
        }
        return false;
    }

    private void own(Object array) {
        if (size == owned.length) {
            owned = java.util.Arrays.copyOf(owned, size * 2);
        }
        owned[size++] = array;
    }
}
