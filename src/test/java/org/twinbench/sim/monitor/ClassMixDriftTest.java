package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.StepOutput;

/**
 * The class-mix drift of a multiclass model without a threshold is calibrated to its false-alarm rate, on real
 * data: wine's 178 cultivars as the reference's predicted classes, batches of 20 resampled from them.
 */
class ClassMixDriftTest {

    private static final List<String> CULTIVARS = List.of("class_0", "class_1", "class_2");

    private static double[] classes() throws IOException {
        Frame wine = TableLoader.load(Path.of("src/test/resources/tasks/engine/wine-replay.csv")).frame();
        CategoricalColumn cultivar = wine.categorical("cultivar");
        double[] out = new double[wine.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = CULTIVARS.indexOf(cultivar.get(i));
        }
        return out;
    }

    /** Alarms over 300 exchangeable steps of 20 predicted classes, then whether an all-class_0 step alarms. */
    private static int[] alarms(ClassMixDriftMonitor monitor, double[] reference) {
        Monitor.Watch watch = monitor.start();
        Random random = new Random(5);
        int alarms = 0;
        for (int step = 0; step < 300; step++) {
            double[] predicted = random.ints(20, 0, reference.length).mapToDouble(i -> reference[i]).toArray();
            StepOutput out = new StepOutput(0, step);
            LabelledBatch batch = new LabelledBatch(step, new Frame(List.of()), new int[20], predicted);
            watch.observe(List.of(), batch, out);
            alarms += out.alarms().size();
        }
        // A step that is all class_0 (33% in the reference), after a quiet step.
        StepOutput quiet = new StepOutput(0, 300);
        double[] mixed = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1};
        watch.observe(List.of(), new LabelledBatch(300, new Frame(List.of()), new int[20], mixed), quiet);
        StepOutput shifted = new StepOutput(0, 301);
        watch.observe(List.of(), new LabelledBatch(301, new Frame(List.of()), new int[20], new double[20]), shifted);
        return new int[] {alarms, shifted.alarms().size()};
    }

    @Test
    void exchangeableClassMixesAlarmAtTheStatedRateAndAShiftStillAlarms() throws IOException {
        double[] reference = classes();
        int[] calibrated = alarms(ClassMixDriftMonitor.of("mix", reference, CULTIVARS, "psi",
                AlarmThreshold.calibrated(0.01, 7, "mix")), reference);
        // At most 1% of 300 steps alarm falsely: P(more than 9) = 1.0e-3 (scipy.stats.binom.sf(9, 300, 0.01)).
        assertThat(calibrated[0]).isLessThanOrEqualTo(9);
        assertThat(calibrated[1]).isEqualTo(1);
        // The fixed 0.25 of before: PSI over 3 classes on 20 rows (about chi-square(2) / 20) passes it in about
        // 8% of the steps by chance, some 20 alarms in 300 steps.
        int[] fixed = alarms(ClassMixDriftMonitor.of("mix", reference, CULTIVARS, "psi", 0.25), reference);
        assertThat(fixed[0]).isGreaterThanOrEqualTo(12);
        assertThat(ClassMixDriftMonitor.of("mix", reference, CULTIVARS, "psi", AlarmThreshold.calibrated(0.01, 7,
                "mix")).alarmRate().rate()).isEqualTo(0.01);
    }
}
