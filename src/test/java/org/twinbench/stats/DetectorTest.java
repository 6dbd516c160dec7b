package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorTest {

    @Test
    void exactSmirnovPValueMatchesScipy() {
        // scipy.stats.ks_2samp(arange(10), arange(10) + 5.5, method='exact') -> D 0.6, p 0.05244755244755244
        assertThat(SpecialFunctions.smirnovExactSurvival(0.6, 10, 10)).isCloseTo(0.05244755244755244, within(1e-14));
        // ks_2samp([1..5], [2.5, 6..11], method='exact') -> D 6/7, p 0.01515151515151515 (= 12 / C(12, 5))
        assertThat(SpecialFunctions.smirnovExactSurvival(6.0 / 7, 5, 7)).isCloseTo(12.0 / 792, within(1e-15));
        // Two samples of 30: numpy default_rng(3), normal(0, 1) and normal(0.8, 1), rounded to 3 decimals: D 0.4666..., p 0.0025300622362698397
        assertThat(SpecialFunctions.smirnovExactSurvival(14.0 / 30, 30, 30)).isCloseTo(0.0025300622362698397,
                within(1e-15));
        assertThat(SpecialFunctions.smirnovExactSurvival(0, 30, 30)).isEqualTo(1.0);
    }

    @Test
    void pageHinkleyWithMinimumSignalsOnTheRiseAboveTheLowestSum() {
        // δ = 0, λ = 1, α = 1, no warm-up. Values 0, 0, 4: means 0, 0, 4/3; sums 0, 0, 8/3; minimum 0:
        // 8/3 - 0 > 1 -> drift at the third value.
        PageHinkley ph = new PageHinkley(0, 0, 1, 1, true);
        assertThat(ph.update(0)).isEqualTo(ChangeDetector.Signal.NONE);
        assertThat(ph.update(0)).isEqualTo(ChangeDetector.Signal.NONE);
        assertThat(ph.update(4)).isEqualTo(ChangeDetector.Signal.DRIFT);
        // Afresh: 10 then 0: means 10, 5; sums 0, -5; the minimum follows the sum down, no signal.
        assertThat(ph.update(10)).isEqualTo(ChangeDetector.Signal.NONE);
        assertThat(ph.update(0)).isEqualTo(ChangeDetector.Signal.NONE);
        // Then 4: mean 14/3, sum -5 + 4 - 14/3 = -17/3; rise above the minimum -5 is -2/3: no drift.
        assertThat(ph.update(4)).isEqualTo(ChangeDetector.Signal.NONE);
    }

    @Test
    void cusumAccumulatesExcessOverTheRunningMean() {
        // δ = 0, λ = 2, no warm-up: values 0, 0, 0, 9 -> mean 9/4, g = 9 - 9/4 = 6.75 > 2.
        Cusum cusum = new Cusum(0, 0, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(cusum.update(0)).isEqualTo(ChangeDetector.Signal.NONE);
        }
        assertThat(cusum.update(9)).isEqualTo(ChangeDetector.Signal.DRIFT);
    }

    @Test
    void kswinIsReproducibleWithItsSeed() {
        double[] stream = Streams.gaussianShift(5, 3_000, 1_500, 0, 2);
        List<Integer> first = ChangeDetectors.run(new Kswin(), stream).detections();
        assertThat(ChangeDetectors.run(new Kswin(), stream).detections()).isEqualTo(first).isNotEmpty();
        // KSWIN tests after every value at α = 0.005, so a few false alarms before the shift are expected.
        assertThat(first).anyMatch(d -> d >= 1_500 && d < 1_600);
    }

    @Test
    void warningsAreReportedWhereTheZoneIsEntered() {
        double[] stream = Streams.abruptBernoulli(11, 20_000, 10_000, 0.2, 0.6);
        ChangeDetectors.Trace trace = ChangeDetectors.run(new Ddm(), stream);
        // A warning precedes the drift in the change segment.
        int drift = trace.detections().get(trace.detections().size() - 1);
        assertThat(trace.warnings()).anyMatch(w -> w >= 10_000 && w < drift);
    }

    @Test
    void factoryRejectsUnknownNamesAndParameters() {
        assertThatThrownBy(() -> ChangeDetectors.create("magic", Map.of())).hasMessageContaining("unknown detector 'magic'");
        assertThatThrownBy(() -> ChangeDetectors.create("adwin", Map.of("lambda", 2.0)))
                .hasMessageContaining("has no parameter 'lambda'").hasMessageContaining("delta");
        assertThatThrownBy(() -> ChangeDetectors.create("adwin", Map.of("delta", 2.0))).hasMessageContaining("delta");
        assertThatThrownBy(() -> ChangeDetectors.create("ddm", Map.of("min_instances", 2.5)))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> ChangeDetectors.create("kswin", Map.of("window_size", 40.0)))
                .hasMessageContaining("twice stat_size");
        assertThat(ChangeDetectors.create("adwin", Map.of("delta", 0.01)).parameters()).containsEntry("delta", 0.01);
    }

    @Test
    void evaluatorCountsDelaysFalseAlarmsAndMisses() {
        // Changes at 100 and 500 (and 900, never found). Detections: 50 (before any change: false),
        // 130 (first of segment 1: delay 30), 140 (second in segment 1: false), 700 (segment 2, but later than
        // the allowed delay of 150: false and the change missed).
        DetectorEvaluation e = DetectorEvaluation.evaluate(List.of(50, 130, 140, 700), new int[] {500, 100, 900}, 150);
        assertThat(e.delays()).containsExactly(30);
        assertThat(e.falseAlarms()).isEqualTo(3);
        assertThat(e.missed()).isEqualTo(2);
        assertThat(e.meanDelay()).isEqualTo(30.0);
        assertThat(DetectorEvaluation.evaluate(List.of(), new int[] {5}, 10).meanDelay()).isNaN();
    }
}
