package org.twinbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the nodes of one step add besides the model metrics: named measures and alarms. */
public final class StepOutput {

    final int replicate;
    final int step;
    final Map<String, Double> measures = new LinkedHashMap<>();
    final List<Alarm> alarms = new ArrayList<>();

    public StepOutput(int replicate, int step) {
        this.replicate = replicate;
        this.step = step;
    }

    /** The replicate this step belongs to. */
    public int replicate() {
        return replicate;
    }

    /** The measures added so far, by name, in the order they were added. */
    public Map<String, Double> measures() {
        return measures;
    }

    /** The alarms and events signalled so far. */
    public List<Alarm> alarms() {
        return alarms;
    }

    public void measure(String name, double value) {
        measures.put(name, value);
    }

    public void signal(String nodeId, String kind, String detail) {
        alarms.add(new Alarm(replicate, step, nodeId, kind, detail));
    }

    public boolean alarmFrom(String nodeId) {
        return alarms.stream().anyMatch(a -> a.isAlarm() && a.nodeId().equals(nodeId));
    }
}
