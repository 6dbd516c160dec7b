package org.twinbench.sim;

/**
 * Something a monitor or policy signalled at a step.
 *
 * @param nodeId the node that signalled
 * @param kind {@link #ALARM} for a monitor's alarm; {@link #RETRAIN}, {@link #ROLLBACK}, {@link #PROMOTE} for what a
 *     policy did
 * @param detail one line for people, e.g. {@code accuracy 0.71 < 0.80 over the last 5 labelled steps}
 */
public record Alarm(int replicate, int step, String nodeId, String kind, String detail)
        implements java.io.Serializable {

    public static final String ALARM = "alarm";
    public static final String RETRAIN = "retrain";
    public static final String ROLLBACK = "rollback";
    public static final String PROMOTE = "promote";

    public boolean isAlarm() {
        return ALARM.equals(kind);
    }
}
