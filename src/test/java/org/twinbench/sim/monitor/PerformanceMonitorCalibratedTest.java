package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.StepOutput;

/**
 * The performance monitor without a threshold: its first window of labelled steps is the level, and a later window
 * that shares no step with it alarms when it is worse beyond chance. Known answers from statsmodels:
 * {@code proportions_ztest([800, 700], [1000, 1000], alternative="larger")} = (5.164, 1.209e-07);
 * {@code ([800, 780], …)} = (1.098, 0.1361); {@code CompareMeans(DescrStatsW(b), DescrStatsW(a)).ztest_ind(
 * alternative="larger", usevar="unequal")} with a = (i % 10) + 1 and b = a + 0.8 over i < 500: (4.399, 5.426e-06),
 * b = a + 0.2: (1.100, 0.1357).
 */
class PerformanceMonitorCalibratedTest {

    /** Ten steps of 200 labelled rows: the first five with {@code before} right, the next five with {@code after}. */
    private static List<Alarm> classifierAlarms(int before, int after) {
        Monitor.Watch watch = PerformanceMonitor.calibrated("perf", 5, 0.5, 0.01).start();
        List<Alarm> alarms = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            int right = step < 5 ? before : after;
            int[] labels = new int[200];
            Arrays.fill(labels, 1);
            double[] scores = new double[200];
            for (int i = 0; i < 200; i++) {
                scores[i] = i < right ? 0.9 : 0.1;
            }
            StepOutput out = new StepOutput(0, step);
            watch.observe(List.of(new LabelledBatch(step, null, labels, scores)), null, out);
            alarms.addAll(out.alarms());
        }
        return alarms;
    }

    /** Ten steps of 100 amounts, errors (i % 10) + 1 in the first five and {@code shift} more in the next five. */
    private static List<Alarm> regressionAlarms(double shift) {
        Monitor.Watch watch = PerformanceMonitor.calibrated("perf", 5, 0.5, 0.01).start();
        List<Alarm> alarms = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            int[] labels = new int[100];
            double[] predicted = new double[100];
            double[] amounts = new double[100];
            for (int i = 0; i < 100; i++) {
                predicted[i] = (i % 10) + 1 + (step < 5 ? 0 : shift);
            }
            StepOutput out = new StepOutput(0, step);
            watch.observe(List.of(new LabelledBatch(step, null, labels, predicted, null, amounts, null)), null, out);
            alarms.addAll(out.alarms());
        }
        return alarms;
    }

    @Test
    void accuracyFallingBeyondChanceAlarmsOnceTheWindowLeavesTheLevel() {
        assertThat(classifierAlarms(160, 140)).singleElement().satisfies(alarm -> {
            assertThat(alarm.step()).isEqualTo(9);
            assertThat(alarm.detail()).isEqualTo("accuracy 0.700 over the last 5 labelled steps, below the first 5 "
                    + "steps' 0.800 beyond chance (one-sided two-proportion z-test, p = 1.2e-07 < 0.01)");
        });
    }

    @Test
    void aFallWithinChanceDoesNotAlarm() {
        assertThat(classifierAlarms(160, 156)).isEmpty();
        // A model right 79 times in 100 from the start is not below anything: a fixed 0.8 alarmed at once.
        assertThat(classifierAlarms(158, 158)).isEmpty();
    }

    @Test
    void errorsRisingBeyondChanceAlarmAndWithinChanceDoNot() {
        assertThat(regressionAlarms(0.8)).singleElement().satisfies(alarm -> {
            assertThat(alarm.step()).isEqualTo(9);
            assertThat(alarm.detail()).isEqualTo("mean absolute error 6.300 over the last 5 labelled steps, above the"
                    + " first 5 steps' 5.500 beyond chance (one-sided Welch z-test on the absolute errors, p = 5.4e-06"
                    + " < 0.01)");
        });
        assertThat(regressionAlarms(0.2)).isEmpty();
    }
}
