package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A large reference's threshold calibrated on a subsample of 100,000 of its values equals, within the Monte Carlo
 * noise, the one calibrated on all of them; the subsample is a sorted draw without replacement.
 */
class BatchCalibrationTest {

    private static double[] skewed(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.floor(-Math.log(1 - random.nextDouble()) * 20) / 10; // exponential in steps of 0.1: ties
        }
        return out;
    }

    @Test
    void aSubsampleHoldsDistinctReferenceValuesInOrder() {
        double[] values = new double[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = values.length - i;
        }
        NumericReference whole = NumericReference.of(values);
        NumericReference part = whole.subsample(300, new SplittableRandom(3));
        assertThat(part.count()).isEqualTo(300);
        double[] drawn = part.binEdges();
        assertThat(drawn).isSorted();
        // Distinct values of 1..1000: the subsample's deciles lie within the reference's range.
        assertThat(drawn[0]).isBetween(1.0, 1000.0);
        assertThat(whole.subsample(1_000, new SplittableRandom(3))).isSameAs(whole);
    }

    @Test
    void theSubsampledThresholdAgreesWithTheWholeReferences() {
        int n = 400_000;
        int m = 40_000;
        double[] values = skewed(n, 9);
        NumericReference whole = NumericReference.of(values);
        for (DriftMethod method : new DriftMethod[] {DriftMethod.WASSERSTEIN, DriftMethod.PSI}) {
            double subsampled = 0;
            double full = 0;
            int b = BatchCalibration.calibratedSize(m);
            for (int seed = 0; seed < 6; seed++) {
                subsampled += BatchCalibration.numeric(whole, m, method, 0.01, new SplittableRandom(seed)) / 6;
                double t = NullCalibration.thresholdWithin(n, b, 0.01, rows -> whole.compareOwn(rows).value(method),
                        new SplittableRandom(100 + seed));
                full += BatchCalibration.scaled(method, t, (1.0 / n + 1.0 / m) / NullCalibration.withinVariance(n, b))
                        / 6;
            }
            System.out.printf(java.util.Locale.ROOT, "%s: subsample %.5g, whole %.5g (ratio %.3f)%n", method,
                    subsampled, full, subsampled / full);
            // Each a mean of 6 tenth-largest-of-999 (about 8% spread each): their difference's noise is about 4.6%.
            assertThat(subsampled).as(method.toString()).isCloseTo(full, within(0.12 * full));
        }
        assertThat(Arrays.stream(values).distinct().count()).isLessThan(400); // ties, as real data has
    }
}
