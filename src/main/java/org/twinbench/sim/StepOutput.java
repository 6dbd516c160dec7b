package org.twinbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the nodes of one step add besides the model metrics: named measures and alarms. */
final class StepOutput {

    final int replicate;
    final int step;
    final Map<String, Double> measures = new LinkedHashMap<>();
    final List<Alarm> alarms = new ArrayList<>();

    StepOutput(int replicate, int step) {
        this.replicate = replicate;
        this.step = step;
    }

    void measure(String name, double value) {
        measures.put(name, value);
    }

    void signal(String nodeId, String kind, String detail) {
        alarms.add(new Alarm(replicate, step, nodeId, kind, detail));
    }

    boolean alarmFrom(String nodeId) {
        return alarms.stream().anyMatch(a -> a.isAlarm() && a.nodeId().equals(nodeId));
    }
}
