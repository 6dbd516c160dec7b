package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.StepOutput;

/**
 * The multivariate-drift monitor on generated steps: (x1, x2) with correlation 0.8 until step 5, then −0.8, and
 * an independent x3. Each column keeps its standard normal distribution throughout.
 */
class MultivariateDriftMonitorTest {

    static Frame rows(int n, double rho, SplittableRandom random) {
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        for (int i = 0; i < n; i++) {
            double a = gaussian(random);
            x1[i] = a;
            x2[i] = rho * a + Math.sqrt(1 - rho * rho) * gaussian(random);
            x3[i] = gaussian(random);
        }
        return new Frame(List.of(new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("x3", x3)));
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static List<StepOutput> run(String method, int steps) {
        SplittableRandom random = new SplittableRandom(21);
        MultivariateDriftMonitor monitor = MultivariateDriftMonitor.of("mv", method, rows(2000, 0.8, random),
                List.of("x1", "x2", "x3"), 4);
        Monitor.Watch watch = monitor.start();
        List<StepOutput> outputs = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            Frame batch = rows(200, step < 5 ? 0.8 : -0.8, random);
            StepOutput out = new StepOutput(0, step);
            watch.observe(List.of(), new LabelledBatch(step, batch, new int[200], new double[200]), out);
            outputs.add(out);
        }
        return outputs;
    }

    private static void assertAlarmsOnceAtTheFlip(List<StepOutput> outputs, String statistic) {
        for (int step = 0; step < outputs.size(); step++) {
            StepOutput out = outputs.get(step);
            assertThat(out.measures()).containsKeys("mv." + statistic, "mv.threshold");
            boolean alarm = out.alarms().stream().anyMatch(a -> a.kind().equals(Alarm.ALARM));
            assertThat(alarm).as("alarm at step %d", step).isEqualTo(step == 5);
        }
        for (int step = 5; step < outputs.size(); step++) {
            double value = outputs.get(step).measures().get("mv." + statistic);
            assertThat(value).as("step %d", step).isGreaterThan(outputs.get(step).measures().get("mv.threshold"));
        }
        String detail = outputs.get(5).alarms().get(0).detail();
        assertThat(detail).startsWith(MultivariateDriftMonitor.PREFIX).contains("x1").contains("x2");
    }

    @Test
    void reconstructionErrorAlarmsOnceWhenTheCorrelationFlips() {
        assertAlarmsOnceAtTheFlip(run("reconstruction", 10), "reconstruction_error");
    }

    @Test
    void domainClassifierAlarmsOnceWhenTheCorrelationFlips() {
        assertAlarmsOnceAtTheFlip(run("domain-classifier", 7), "auc");
    }
}
