package org.twinbench.sim;

/**
 * A streaming change detector fed one value at a time (here: 1 for a misclassified row, 0 for a
 * correct one). The stats layer's detectors (ADWIN, DDM, ...) can implement this interface and be
 * registered in {@link ChangeDetectors}; until then {@link PageHinkley} is the built-in one.
 */
public interface ChangeDetector {

    /** Adds a value; true when a change is detected at this value (the detector then starts afresh). */
    boolean add(double value);
}
