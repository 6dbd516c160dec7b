package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.Operations;
import org.twinbench.sim.StepOutput;

class DriftMonitorsTest {

    @Test
    void registeredStatisticsGiveHandWorkedValues() {
        double[] reference = {0, 1, 2, 3};
        double[] shifted = {1, 2, 3, 4};
        // Identical samples: every distance is 0.
        assertThat(DriftStatistics.find("d", "psi").compute(reference, reference)).isZero();
        assertThat(DriftStatistics.find("d", "ks").compute(reference, reference)).isZero();
        // Shifted by 1: the empirical CDFs differ by 1/4 at most; Wasserstein-1 is 1, divided by the
        // population sd of {0,1,2,3}, sqrt(1.25).
        assertThat(DriftStatistics.find("d", "ks").compute(reference, shifted)).isCloseTo(0.25, offset(1e-12));
        assertThat(DriftStatistics.find("d", "wasserstein").compute(reference, shifted))
                .isCloseTo(1 / Math.sqrt(1.25), offset(1e-12));
        // Disjoint samples: D = 1.
        assertThat(DriftStatistics.find("d", "ks").compute(reference, new double[] {10, 11})).isEqualTo(1.0);
        // mean-shift: |2.5 - 1.5| / sample sd of {0,1,2,3} = 1 / sqrt(5/3).
        assertThat(DriftStatistics.find("d", "mean-shift").compute(reference, shifted))
                .isCloseTo(1 / Math.sqrt(5.0 / 3), offset(1e-12));
    }

    @Test
    void profiledStatisticAgreesWithTheOneShotComputation() {
        double[] reference = new double[200];
        double[] current = new double[50];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = Math.sin(i) * 3;
        }
        for (int i = 0; i < current.length; i++) {
            current[i] = Math.cos(i) * 2 + 1;
        }
        for (String name : List.of("psi", "ks", "wasserstein", "jensen-shannon", "hellinger")) {
            DriftStatistic statistic = DriftStatistics.find("d", name);
            assertThat(statistic.against(reference).applyAsDouble(current))
                    .as(name).isEqualTo(statistic.compute(reference, current)).isPositive();
        }
    }

    @Test
    void unknownStatisticOrDetectorParameterNamesTheNode() {
        assertThatThrownBy(() -> DriftStatistics.find("watch", "magic")).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("node watch: parameter 'statistic' is 'magic'");
        assertThatThrownBy(() -> ErrorDetectors.factory("errors", "adwin", Map.of("lambda", 5.0)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("node errors: detector 'adwin' has no parameter 'lambda'");
        assertThatThrownBy(() -> ErrorDetectors.factory("errors", "magic", Map.of()))
                .hasMessageStartingWith("node errors: unknown detector 'magic'");
    }

    @Test
    void errorDetectorDefaultsToAdwinWhichFindsAnAbruptRiseInErrors() {
        Scenario scenario = new Scenario("s", "", 1,
                List.of(new ScenarioNode("errors", NodeCatalog.ERROR_DETECTOR, Map.of(), 0, 0)), List.of());
        Operations operations = Operations.of(scenario, "m", 0.5, "class", "1", null, List.of(), null, new int[0],
                new double[0], null);
        ErrorStreamMonitor monitor = (ErrorStreamMonitor) operations.monitors().get(0);
        assertThat(monitor.detectorName()).isEqualTo("adwin");
        ErrorDetector adwin = monitor.detectors().get();
        int detectedAt = -1;
        for (int i = 0; i < 2000 && detectedAt < 0; i++) {
            detectedAt = adwin.add(i < 1000 ? 0 : 1) ? i : -1;
        }
        // No false alarm on the constant stream; the jump from 0 to 1 is found within a few dozen rows.
        assertThat(detectedAt).isBetween(1000, 1100);
    }

    @Test
    void predictionDriftMeasuresTheScoresAndAlarmsOncePerCrossing() {
        double[] reference = {0.1, 0.2, 0.3, 0.4};
        PredictionDriftMonitor monitor = new PredictionDriftMonitor("scores", reference, "ks",
                DriftStatistics.find("scores", "ks"), 0.5);
        Monitor.Watch watch = monitor.start();
        double[][] steps = {{0.1, 0.2, 0.3, 0.4}, {0.9, 0.8, Double.NaN}, {0.95, 0.9}, {0.1, 0.2, 0.3, 0.4}};
        double[] expected = {0, 1, 1, 0};
        int alarms = 0;
        for (int s = 0; s < steps.length; s++) {
            StepOutput out = new StepOutput(0, s);
            watch.observe(List.of(), new LabelledBatch(s, null, new int[steps[s].length], steps[s]), out);
            assertThat(out.measures().get("scores.score")).isEqualTo(expected[s]);
            alarms += out.alarms().size();
            assertThat(out.alarms()).allMatch(a -> a.step() == 1 && a.detail().startsWith("scores drifted: ks 1.000"));
        }
        assertThat(alarms).isEqualTo(1);
    }
}
