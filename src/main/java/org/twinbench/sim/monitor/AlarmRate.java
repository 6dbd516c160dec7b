package org.twinbench.sim.monitor;

/**
 * The checks of a monitor that hold a stated false-alarm rate: {@code checksPerStep} checks (columns, or
 * column checks), each alarming at most with probability {@code rate} at a step when nothing changed.
 *
 * @param upperBound true when the rate bounds the checks' false alarms rather than equals them (the
 *     data-quality checks, which also need a minimum excess)
 */
public record AlarmRate(String nodeId, int checksPerStep, double rate, boolean upperBound) {

    /** No check with a stated rate (a user's threshold, a performance monitor, a detector). */
    public static final AlarmRate NONE = new AlarmRate("", 0, 0, false);
}
