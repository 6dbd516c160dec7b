package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import moa.classifiers.core.driftdetection.ADWIN;
import moa.classifiers.core.driftdetection.AbstractChangeDetector;
import moa.classifiers.core.driftdetection.CusumDM;
import moa.classifiers.core.driftdetection.DDM;
import moa.classifiers.core.driftdetection.EDDM;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.PageHinkleyDM;
import org.junit.jupiter.api.Test;

/**
 * Our detectors against MOA 2024.07.0 (a test-scope dependency) on the same seeded streams: the
 * signal after every single value must be the same, not just the number of detections.
 */
class DetectorsMatchMoaTest {

    static final double[] ABRUPT = Streams.abruptBernoulli(11, 20_000, 10_000, 0.2, 0.6);
    static final double[] GRADUAL = Streams.gradualBernoulli(12, 20_000, 8_000, 12_000, 0.1, 0.5);
    static final double[] STABLE = Streams.abruptBernoulli(13, 30_000, 30_000, 0.3, 0.3);
    static final double[] SEVERAL = concat(Streams.abruptBernoulli(14, 6_000, 2_000, 0.05, 0.4),
            Streams.abruptBernoulli(15, 6_000, 3_000, 0.1, 0.7));
    static final double[] GAUSSIAN = Streams.gaussianShift(16, 20_000, 7_000, 0, 1.5);

    static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The detections of MOA's ADWIN: positions where {@code setInput} returned true. */
    static List<Integer> moaAdwin(double[] values) {
        ADWIN adwin = new ADWIN(0.002);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (adwin.setInput(values[i])) {
                out.add(i);
            }
        }
        return out;
    }

    /** Per value: 2 = change, 1 = warning zone, 0 = neither, as MOA reports after each input. */
    static int[] moaSignals(AbstractChangeDetector detector, double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            detector.input(values[i]);
            out[i] = detector.getChange() ? 2 : detector.getWarningZone() ? 1 : 0;
        }
        return out;
    }

    static int[] ourSignals(ChangeDetector detector, double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = detector.update(values[i]).ordinal();
        }
        return out;
    }

    static void assertSameSignals(Supplier<AbstractChangeDetector> moa, Supplier<ChangeDetector> ours,
                                  double[]... streams) {
        for (double[] stream : streams) {
            assertThat(ourSignals(ours.get(), stream)).isEqualTo(moaSignals(moa.get(), stream));
        }
    }

    @Test
    void adwinMatchesMoaOnAbruptGradualAndStableStreams() {
        for (double[] stream : List.of(ABRUPT, GRADUAL, STABLE, SEVERAL, GAUSSIAN)) {
            List<Integer> expected = moaAdwin(stream);
            assertThat(ChangeDetectors.run(new Adwin(), stream).detections()).isEqualTo(expected);
        }
        // The streams with a change do produce detections (so the comparison is not vacuous).
        assertThat(moaAdwin(ABRUPT)).isNotEmpty();
        assertThat(moaAdwin(GAUSSIAN)).isNotEmpty();
    }

    @Test
    void adwinMatchesMoaOnLongStreamsWhereBucketProductsWrap() {
        // A million stable values grow rows of 2^16 and more, where MOA's int products of bucket sizes
        // overflow; a change at the end shows that the window statistics still agree.
        double[] stream = concat(Streams.abruptBernoulli(21, 1_000_000, 1_000_000, 0.3, 0.3),
                Streams.abruptBernoulli(22, 60_000, 0, 0.3, 0.33));
        List<Integer> expected = moaAdwin(stream);
        assertThat(expected).isNotEmpty();
        assertThat(ChangeDetectors.run(new Adwin(), stream).detections()).isEqualTo(expected);
    }

    @Test
    void adwinMatchesMoaWithAnotherDelta() {
        ADWIN moa = new ADWIN(0.1);
        Adwin ours = new Adwin(0.1);
        for (double v : SEVERAL) {
            assertThat(ours.update(v) == ChangeDetector.Signal.DRIFT).isEqualTo(moa.setInput(v));
        }
        assertThat(ours.width()).isEqualTo(moa.getWidth());
        assertThat(ours.estimation()).isEqualTo(moa.getEstimation());
    }

    @Test
    void ddmMatchesMoa() {
        assertSameSignals(DDM::new, Ddm::new, ABRUPT, GRADUAL, STABLE, SEVERAL);
    }

    @Test
    void eddmMatchesMoa() {
        assertSameSignals(EDDM::new, Eddm::new, ABRUPT, GRADUAL, STABLE, SEVERAL);
    }

    @Test
    void pageHinkleyWithoutMinimumMatchesMoa() {
        assertSameSignals(PageHinkleyDM::new, () -> new PageHinkley(30, 0.005, 50, 1 - 0.0001, false), ABRUPT, GRADUAL,
                STABLE, SEVERAL, GAUSSIAN);
    }

    @Test
    void cusumMatchesMoa() {
        assertSameSignals(CusumDM::new, Cusum::new, ABRUPT, GRADUAL, STABLE, SEVERAL, GAUSSIAN);
    }

    @Test
    void hddmAMatchesMoa() {
        assertSameSignals(HDDM_A_Test::new, HddmA::new, ABRUPT, GRADUAL, STABLE, SEVERAL);
    }

    @Test
    void errorRateDetectorsFindTheAbruptChange() {
        for (String name : List.of("adwin", "ddm", "eddm", "hddm-a", "page-hinkley")) {
            ChangeDetectors.Trace trace = ChangeDetectors.run(ChangeDetectors.create(name, java.util.Map.of()), ABRUPT);
            DetectorEvaluation evaluation = DetectorEvaluation.evaluate(trace.detections(), new int[] {10_000}, 3_000);
            assertThat(evaluation.missed()).as(name).isZero();
        }
    }

    @Test
    void meanShiftDetectorsFindTheGaussianShift() {
        for (String name : List.of("adwin", "kswin", "page-hinkley", "cusum")) {
            ChangeDetectors.Trace trace = ChangeDetectors.run(ChangeDetectors.create(name, java.util.Map.of()), GAUSSIAN);
            DetectorEvaluation evaluation = DetectorEvaluation.evaluate(trace.detections(), new int[] {7_000}, 1_000);
            assertThat(evaluation.missed()).as(name).isZero();
        }
    }
}
