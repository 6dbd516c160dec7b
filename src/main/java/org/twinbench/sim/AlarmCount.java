package org.twinbench.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.twinbench.sim.monitor.AlarmRate;
import org.twinbench.sim.monitor.DataQualityMonitor;
import org.twinbench.sim.monitor.OutcomeShareMonitor;

/**
 * How many alarms a run's checks with a stated false-alarm rate raised, and how many of them chance alone
 * would raise had nothing changed (docs/verdicts.md, "Calibrated alarms").
 *
 * <p>A check alarms in the step it starts to fail, so with a false-alarm rate α per step and independent
 * steps it alarms falsely with probability α at its first step and α (1 − α) at each later one: over T
 * steps, α + (T − 1) α (1 − α) expected false alarms per check and replicate. For the data-quality checks
 * that is an upper bound (they also need a minimum excess).
 *
 * @param fired alarms raised by checks with a stated rate (calibrated drift thresholds, data-quality and
 *     outcome-share checks)
 * @param expectedFalse the expected number of those alarms when nothing changes
 * @param checks the column-step checks with a stated rate, over all replicates
 * @param other alarms of monitors without a stated rate (user thresholds, performance monitors, detectors)
 */
public record AlarmCount(int fired, double expectedFalse, long checks, int other) {

    public static AlarmCount of(List<AlarmRate> rates, RunOutcome outcome) {
        Set<String> calibrated = new HashSet<>();
        double expected = 0;
        long checks = 0;
        for (List<StepResult> replicate : outcome.replicates()) {
            int steps = replicate.size();
            for (AlarmRate rate : rates) {
                if (!rate.upperBound()) {
                    calibrated.add(rate.nodeId());
                }
                if (steps > 0) {
                    double a = rate.rate();
                    expected += rate.checksPerStep() * (a + (steps - 1) * a * (1 - a));
                    checks += (long) rate.checksPerStep() * steps;
                }
            }
        }
        boolean qualityStated = rates.stream().anyMatch(AlarmRate::upperBound);
        int fired = 0;
        int other = 0;
        for (Alarm alarm : outcome.alarms()) {
            if (!alarm.isAlarm()) {
                continue;
            }
            boolean quality = alarm.detail().startsWith(DataQualityMonitor.PREFIX)
                    || alarm.detail().startsWith(OutcomeShareMonitor.PREFIX)
                    || alarm.detail().startsWith(OutcomeShareMonitor.SLICE_PREFIX);
            if ((quality && qualityStated) || (!quality && calibrated.contains(alarm.nodeId()))) {
                fired++;
            } else {
                other++;
            }
        }
        return new AlarmCount(fired, expected, checks, other);
    }
}
