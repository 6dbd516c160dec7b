package org.twinbench.stats;

import java.util.Map;

/**
 * A streaming change detector: it sees one value at a time (an error indicator 0/1 or any real
 * value, depending on the method) and says after each whether the stream is stable, in a warning
 * zone, or has changed. After a drift a detector starts afresh on the values that follow.
 */
public interface ChangeDetector {

    /** What a detector says after a value. */
    enum Signal {
        NONE, WARNING, DRIFT
    }

    /** Feeds the next value. */
    Signal update(double value);

    /** The command-line name, e.g. {@code adwin}. */
    String name();

    /** The parameters in effect, by name (as accepted by {@code detect --param name=value}). */
    Map<String, Double> parameters();
}
