package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MulticlassCbpeTest {

    /**
     * Four rows, no calibration (each row already sums to 1), predicted classes 0, 1, 2, 0. By hand:
     * accuracy = (0.7 + 0.5 + 0.6 + 0.4) / 4 = 0.55; class 0: TP 1.1, FP 0.9, FN 0.3; class 1: TP 0.5, FP 0.5,
     * FN 0.85; class 2: TP 0.6, FP 0.4, FN 0.65.
     */
    @Test
    void expectedCountsMatchAHandWorkedExample() {
        double[][] proba = {{0.7, 0.2, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.3, 0.6}, {0.4, 0.35, 0.25}};
        MulticlassCbpe cbpe = MulticlassCbpe.fit(new int[] {0, 1, 2, 0}, proba, 3, Cbpe.Method.NONE);
        MulticlassCbpe.Estimate estimate = cbpe.estimate(proba);
        assertThat(estimate.n()).isEqualTo(4);
        assertThat(estimate.accuracy()).isCloseTo(0.55, within(1e-12));
        assertThat(estimate.macroPrecision()).isCloseTo((1.1 / 2.0 + 0.5 / 1.0 + 0.6 / 1.0) / 3, within(1e-12));
        assertThat(estimate.macroRecall()).isCloseTo((1.1 / 1.4 + 0.5 / 1.35 + 0.6 / 1.25) / 3, within(1e-12));
        assertThat(estimate.macroF1()).isCloseTo((2.2 / 3.4 + 1.0 / 2.35 + 1.2 / 2.25) / 3, within(1e-12));
    }

    @Test
    void calibratedProbabilitiesOfARowSumToOne() {
        double[][] reference = new double[300][];
        int[] labels = new int[300];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < reference.length; i++) {
            double a = random.nextDouble();
            double b = random.nextDouble() * (1 - a);
            reference[i] = new double[] {a, b, 1 - a - b};
            double u = random.nextDouble();
            labels[i] = u < a ? 0 : u < a + b ? 1 : 2;
        }
        MulticlassCbpe cbpe = MulticlassCbpe.fit(labels, reference, 3, Cbpe.Method.ISOTONIC);
        for (double[] row : cbpe.calibrated(reference)) {
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1.0, within(1e-12));
        }
        assertThat(cbpe.estimate(new double[0][]).accuracy()).isNaN();
    }
}
