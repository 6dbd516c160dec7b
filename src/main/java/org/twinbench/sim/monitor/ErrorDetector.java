package org.twinbench.sim.monitor;

/**
 * A streaming change detector fed one value at a time (here: 1 for a misclassified row, 0 for a
 * correct one). The detectors themselves are the stats layer's (ADWIN, DDM, Page-Hinkley, ...),
 * adapted in {@link ErrorDetectors}.
 */
public interface ErrorDetector {

    /** Adds a value; true when a change is detected at this value (the detector then starts afresh). */
    boolean add(double value);
}
