package org.twinbench.sim.monitor;

import java.util.function.IntFunction;

/**
 * Arrays of the exact lengths a monitor's steps ask for, kept for later steps that ask for the same length (issue
 * #23: a run in the window makes less garbage a step). The statistics read a whole array, so a step's values must
 * fill one exactly; a batch's count of present values or of labels moves little from step to step, so a few
 * lengths cover most steps. Whoever asks must be done with an array before asking again (a step's values are read
 * within the step). Arrays longer than {@value #MAX_LENGTH} are not kept: for batches that big, one array a step
 * is small beside the work.
 */
final class ExactArrays {

    private static final int SLOTS = 8;
    static final int MAX_LENGTH = 4096;

    private final Object[] arrays = new Object[SLOTS];
    private final int[] lengths = new int[SLOTS];
    private int next;

    ExactArrays() {
        java.util.Arrays.fill(lengths, -1);
    }

    /** An array of {@code length} made by {@code make}: one kept from an earlier step when there is one. */
    @SuppressWarnings("unchecked")
    <T> T get(int length, IntFunction<T> make) {
        for (int i = 0; i < SLOTS; i++) {
            if (lengths[i] == length) {
                return (T) arrays[i];
            }
        }
        T made = make.apply(length);
        if (length <= MAX_LENGTH) {
            arrays[next] = made;
            lengths[next] = length;
            next = (next + 1) % SLOTS;
        }
        return made;
    }
}
