package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CbpeTest {

    // Drawn with numpy: rng = default_rng(5); sc = round(rng.uniform(0, 1, 24), 2); yy = rng.uniform(0, 1, 24) < sc**2.
    static final double[] SC = {0.81, 0.81, 0.52, 0.29, 0.05, 0.38, 0.41, 0.05, 0.05, 1.0, 0.65, 0.23, 0.43, 0.97, 0.9,
        0.84, 0.39, 0.49, 0.68, 0.06, 0.56, 0.27, 0.88, 0.06};
    static final int[] YY = {0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0};

    @Test
    void plattScalingMatchesAnIndependentFit() {
        // scipy.optimize.minimize(BFGS) of sum(logaddexp(0, f) - (1 - t) f), f = a s + b, with Platt's targets
        // t = (N+ + 1)/(N+ + 2) or 1/(N- + 2): a = -3.3807368656241037, b = 2.071882955602879.
        Calibration.Platt platt = Calibration.Platt.fit(YY, SC);
        assertThat(platt.a()).isCloseTo(-3.3807368656241037, within(1e-6));
        assertThat(platt.b()).isCloseTo(2.071882955602879, within(1e-6));
        assertThat(platt.apply(0.5)).isCloseTo(1 / (1 + Math.exp(platt.a() * 0.5 + platt.b())), within(1e-15));
    }

    @Test
    void isotonicCalibrationMatchesScipy() {
        // scipy.optimize.isotonic_regression over the distinct scores (labels averaged, weighted by count),
        // then np.interp at the query points (clipped at the ends).
        Calibration.Isotonic iso = Calibration.Isotonic.fit(YY, SC);
        double[] query = {0.0, 0.15, 0.33, 0.5, 0.61, 0.77, 0.9, 1.0};
        double[] expected = {0.125, 0.125, 0.15833333333333335, 0.30000000000000004, 0.5, 0.5, 1.0, 1.0};
        assertThat(iso.apply(query)).containsExactly(expected, within(1e-12));
    }

    @Test
    void expectedMetricsMatchHandWorkedCase() {
        // Calibrated scores .9 .6 .3, threshold .5: E[TP] = 1.5, E[FP] = 0.5, E[FN] = 0.3, E[TN] = 0.7.
        Cbpe.Estimate e = Cbpe.fit(new int[] {1, 0}, new double[] {0.8, 0.2}, Cbpe.Method.NONE, 0.5)
                .estimate(new double[] {0.9, 0.6, 0.3});
        assertThat(e.accuracy()).isCloseTo(2.2 / 3, within(1e-15));
        assertThat(e.precision()).isCloseTo(0.75, within(1e-15));
        assertThat(e.recall()).isCloseTo(1.5 / 1.8, within(1e-15));
        assertThat(e.f1()).isCloseTo(3.0 / 3.8, within(1e-15));
        // Pairs (i above j) weighted p_i (1 - p_j): .36 + .63 + .42, plus half of each row paired with itself
        // (.09 + .24 + .21) / 2, over P·N = 1.8 · 1.2: 1.68 / 2.16 = 7/9.
        assertThat(e.rocAuc()).isCloseTo(7.0 / 9, within(1e-15));
    }

    @Test
    void estimateAgreesWithRealisedMetricsWhenScoresAreCalibrated() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 200_000;
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
        }
        Cbpe cbpe = Cbpe.fit(labels, scores, Cbpe.Method.NONE, 0.5);
        Cbpe.Estimate estimate = cbpe.estimate(scores);
        MetricSet realised = ClassificationMetrics.compute(labels, scores, 0.5);
        assertThat(estimate.accuracy()).isCloseTo(realised.accuracy(), within(0.005));
        assertThat(estimate.precision()).isCloseTo(realised.precision(), within(0.005));
        assertThat(estimate.recall()).isCloseTo(realised.recall(), within(0.005));
        assertThat(estimate.f1()).isCloseTo(realised.f1(), within(0.005));
        assertThat(estimate.rocAuc()).isCloseTo(realised.rocAuc(), within(0.005));
        // Analytically, for s ~ U(0, 1) and P(y = 1 | s) = s: accuracy 3/4, AUC 5/6.
        assertThat(estimate.accuracy()).isCloseTo(0.75, within(0.003));
        assertThat(estimate.rocAuc()).isCloseTo(5.0 / 6, within(0.003));
        assertThat(cbpe.referenceEce()).isLessThan(0.01);
    }

    @Test
    void calibrationRepairsOverconfidentScores() {
        SplittableRandom random = new SplittableRandom(19);
        int n = 50_000;
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double truth = random.nextDouble();
            labels[i] = random.nextDouble() < truth ? 1 : 0;
            // Overconfident: pushed towards 0 and 1.
            scores[i] = truth * truth / (truth * truth + (1 - truth) * (1 - truth));
        }
        MetricSet realised = ClassificationMetrics.compute(labels, scores, 0.5);
        double rawError = Math.abs(Cbpe.fit(labels, scores, Cbpe.Method.NONE, 0.5).estimate(scores).accuracy()
                - realised.accuracy());
        assertThat(rawError).isGreaterThan(0.03);
        // Isotonic regression can follow any monotone distortion.
        Cbpe isotonic = Cbpe.fit(labels, scores, Cbpe.Method.ISOTONIC, 0.5);
        assertThat(isotonic.calibratedEce()).isLessThan(isotonic.referenceEce() / 2);
        assertThat(isotonic.estimate(scores).accuracy()).isCloseTo(realised.accuracy(), within(0.01));
        // Platt's sigmoid of the raw score cannot follow this one exactly (the true map is a sigmoid of the
        // score's logit), but it must still remove most of the error.
        Cbpe platt = Cbpe.fit(labels, scores, Cbpe.Method.PLATT, 0.5);
        assertThat(platt.calibratedEce()).isLessThan(platt.referenceEce() / 2);
        assertThat(Math.abs(platt.estimate(scores).accuracy() - realised.accuracy())).isLessThan(rawError / 2);
    }
}
