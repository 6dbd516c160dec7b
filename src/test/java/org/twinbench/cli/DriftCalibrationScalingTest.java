package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.NumericColumn;
import org.twinbench.stats.DriftMethod;
import org.twinbench.stats.DriftRule;
import org.twinbench.stats.NullCalibration;
import org.twinbench.stats.NumericReference;

/**
 * A large current table's distance threshold is calibrated on batches of 1,000 drawn from the whole reference and
 * scaled to its size ({@link org.twinbench.stats.BatchCalibration}); it must agree with the direct calibration on the table's own
 * size (999 resamples of 6,000 against 34,000, which is what took hours at 300,000 against 3,000,000) within the
 * Monte Carlo noise of both, on a symmetric and a skewed column. The 10th largest of 999 resamples varies by about 8%
 * from seed to seed, so each side is the mean over seeds: the batch calibration's over 6, the direct one's over 2
 * (their difference's noise about 6.5%).
 */
class DriftCalibrationScalingTest {

    private static double direct(double[] reference, int m, DriftMethod method) {
        double sum = 0;
        for (int seed = 11; seed < 13; seed++) {
            sum += NullCalibration.threshold(reference.length, m, 0.01, (r, b) -> NumericReference.of(
                    NullCalibration.pick(reference, r)).compare(NullCalibration.pick(reference, b)).value(method),
                    new SplittableRandom(seed));
        }
        return sum / 2;
    }

    @Test
    void aScaledThresholdAgreesWithTheDirectCalibration() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 40_000;
        int m = 6_000;
        double[] normal = new double[n];
        double[] skewed = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            normal[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            skewed[i] = Math.floor(-Math.log(u) * 20) / 10; // exponential, in steps of 0.1: ties, as real data has
        }
        double[] current = new double[m];
        for (double[] values : new double[][] {normal, skewed}) {
            for (DriftMethod method : new DriftMethod[] {DriftMethod.PSI, DriftMethod.WASSERSTEIN,
                    DriftMethod.JENSEN_SHANNON, DriftMethod.HELLINGER}) {
                double scaled = 0;
                for (int seed = 1; seed <= 6; seed++) {
                    scaled += DriftCalibration.calibrate(new DriftRule(method, 0.1), "x", new NumericColumn("x",
                            values), new NumericColumn("x", current), 0.01, seed).threshold() / 6;
                }
                double expected = direct(values, m, method);
                System.out.printf(java.util.Locale.ROOT, "%s %s: scaled %.5g, direct %.5g (ratio %.3f)%n", method,
                        values == normal ? "normal" : "skewed", scaled, expected, scaled / expected);
                // Within 2.3 times their difference's noise.
                assertThat(scaled).as(method + " " + (values == normal ? "normal" : "skewed"))
                        .isCloseTo(expected, within(0.15 * expected));
            }
        }
    }

    /**
     * The false-alarm rate itself, on generated data: fresh normal references and fresh current tables of the same
     * distribution (so every drift is a false one), 150 pairs at 1,000 against 21,000 rows (batches of the current
     * table's own size against the whole reference) and 150 at 6,000 against 42,000 (batches of 1,000, scaled), each
     * judged by the calibrated Wasserstein and PSI at 1%: 600 decisions, 6 false drifts expected; more than 17 has
     * probability 5.1e-5 (scipy.stats.binom.sf(17, 600, 0.01)).
     */
    @Test
    void exchangeableTablesDriftAtTheStatedRate() {
        int falseDrifts = 0;
        int decisions = 0;
        for (int[] sizes : new int[][] {{21_000, 1_000}, {42_000, 6_000}}) {
            for (int trial = 0; trial < 150; trial++) {
                SplittableRandom random = new SplittableRandom(1_000 * sizes[1] + trial);
                double[] reference = random.doubles(sizes[0]).map(u -> normal(u, random)).toArray();
                double[] current = random.doubles(sizes[1]).map(u -> normal(u, random)).toArray();
                NumericReference profile = NumericReference.of(reference);
                var drift = profile.compare(current);
                for (DriftMethod method : new DriftMethod[] {DriftMethod.WASSERSTEIN, DriftMethod.PSI}) {
                    DriftRule rule = DriftCalibration.calibrate(new DriftRule(method, 0.1), "x",
                            new NumericColumn("x", reference), new NumericColumn("x", current), profile, 0.01, trial);
                    falseDrifts += rule.drifted(drift.value(method)) ? 1 : 0;
                    decisions++;
                }
            }
        }
        System.out.printf("exchangeable tables: %d false drifts of %d decisions%n", falseDrifts, decisions);
        assertThat(decisions).isEqualTo(600);
        assertThat(falseDrifts).isLessThanOrEqualTo(17);
    }

    private static double normal(double u, SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
