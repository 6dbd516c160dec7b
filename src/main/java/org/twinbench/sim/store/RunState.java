package org.twinbench.sim.store;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a stored run is in its life. The store keeps the lower-case name ({@link #stored()}) in the
 * {@code status} column, so the file format is the same as when the states were plain text.
 */
public enum RunState {
    /** A run being simulated; its results are not stored yet. */
    RUNNING,
    /** A run whose results are stored. */
    COMPLETED,
    /** A run whose process ended (killed, crashed, power lost) before its results were stored. */
    INTERRUPTED,
    /** A run that stopped with an error or was cancelled. */
    FAILED;

    /** The text in the store's {@code status} column, e.g. {@code completed}. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state stored as {@code text}; an unknown text (a newer TwinBench's state) reads as failed. */
    public static RunState of(String text) {
        return Arrays.stream(values()).filter(s -> s.stored().equals(text)).findFirst().orElse(FAILED);
    }

    /** As stored, so that messages read as before ({@code run 4 is interrupted}). */
    @Override
    public String toString() {
        return stored();
    }
}
