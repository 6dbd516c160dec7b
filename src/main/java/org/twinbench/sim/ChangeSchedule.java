package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.twinbench.scenario.Schedule;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.stats.DetectorEvaluation;

/**
 * The changes a scenario schedules and the monitors that should see them, so that each monitor's alarms can
 * be scored against the schedule ({@link DetectorEvaluation}): a change point is the start step of every
 * scheduled perturbation and of a synthetic source's concept change; in the segment from one change to the
 * next, a monitor's first alarm detects that change (delay = alarm step − start), its other alarms there and
 * every alarm before the first change are false alarms, and a change with no alarm in its segment is missed.
 *
 * @param changePoints the distinct start steps, ascending
 * @param monitors the ids of the scenario's monitor nodes
 */
public record ChangeSchedule(List<Integer> changePoints, List<String> monitors) {

    public static final ChangeSchedule NONE = new ChangeSchedule(List.of(), List.of());

    public ChangeSchedule {
        changePoints = List.copyOf(changePoints);
        monitors = List.copyOf(monitors);
    }

    /** How one monitor did over every replicate. */
    public record Score(String node, int detected, int missed, int falseAlarms, double meanDelay) {
    }

    public static ChangeSchedule of(Scenario scenario) {
        TreeSet<Integer> starts = new TreeSet<>();
        List<String> monitors = new ArrayList<>();
        for (ScenarioNode node : scenario.nodes()) {
            if (node.params().get("schedule") != null) {
                starts.add(Schedule.of(node).start());
            }
            if (node.type().startsWith("monitor.") && !node.type().equals(org.twinbench.scenario.NodeCatalog.SLICE_METRICS)) {
                monitors.add(node.id());
            }
        }
        return new ChangeSchedule(new ArrayList<>(starts), monitors);
    }

    /** Each monitor's detections, misses, false alarms and mean delay (NaN when nothing was detected). */
    public List<Score> score(RunOutcome outcome) {
        List<Score> scores = new ArrayList<>();
        if (changePoints.isEmpty()) {
            return scores;
        }
        int[] changes = changePoints.stream().mapToInt(Integer::intValue).toArray();
        for (String node : monitors) {
            int detected = 0;
            int missed = 0;
            int falseAlarms = 0;
            double delaySum = 0;
            for (List<StepResult> replicate : outcome.replicates()) {
                List<Integer> steps = replicate.stream().filter(r -> r.alarms().stream()
                        .anyMatch(a -> a.isAlarm() && a.nodeId().equals(node))).map(StepResult::step).toList();
                int last = replicate.isEmpty() ? -1 : replicate.get(replicate.size() - 1).step();
                int[] reached = java.util.Arrays.stream(changes).filter(c -> c <= last).toArray();
                DetectorEvaluation evaluation = DetectorEvaluation.evaluate(steps, reached, Integer.MAX_VALUE);
                detected += evaluation.delays().size();
                missed += evaluation.missed();
                falseAlarms += evaluation.falseAlarms();
                delaySum += evaluation.delays().stream().mapToInt(Integer::intValue).sum();
            }
            scores.add(new Score(node, detected, missed, falseAlarms, detected == 0 ? Double.NaN : delaySum / detected));
        }
        return scores;
    }
}
