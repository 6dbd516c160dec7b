package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Thresholds calibrated from the reference hold the stated false-alarm rate: against the exact null
 * distribution of the two-sample Kolmogorov–Smirnov statistic, and on exchangeable batches of a column with
 * 51 categories, where the fixed PSI threshold of 0.25 alarms at most steps.
 */
class NullCalibrationTest {

    /**
     * 51 categories with the shares of the 50 US states and DC in the 2020 census (per mille, rounded):
     * a few large categories and many small ones, as a real "state" column has.
     */
    static final double[] STATE_SHARES = {119, 88, 65, 60, 39, 39, 36, 33, 32, 31, 28, 27, 26, 23, 21, 21, 21, 18,
        18, 18, 17, 17, 16, 15, 15, 13, 13, 12, 12, 12, 11, 10, 9.5, 9.1, 8.9, 6.3, 6.0, 5.9, 5.5, 4.2, 4.1, 4.1,
        3.3, 3.0, 2.7, 2.3, 2.1, 2.0, 1.9, 1.7, 1.7};
    static final List<String> STATES = IntStream.range(0, STATE_SHARES.length).mapToObj(i -> "s" + i).toList();

    @Test
    void ksThresholdIsTheExactOnePercentCriticalValue() {
        // n = 200, m = 100: the pseudo-reference is the other 100 values, so the resampled statistic is D of two
        // continuous samples of 100, whose exact null distribution scipy gives
        // (scipy.stats._stats_py._compute_prob_outside_square(100, k) = P(D >= k/100)):
        // k = 21: 0.0241, 22: 0.0156, 23: 0.00988, 24: 0.00613, 25: 0.00373. The 1% rule alarms at D >= 0.23,
        // i.e. above 0.22; ten exceedances among 999 resamples put the threshold between 0.21 and 0.24.
        SplittableRandom data = new SplittableRandom(3);
        double[] reference = new double[200];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = data.nextDouble() * 10 - Math.log(data.nextDouble());
        }
        double threshold = NullCalibration.threshold(200, 100, 0.01, (r, b) -> NumericReference
                .of(NullCalibration.pick(reference, r)).compareWindow(NullCalibration.pick(reference, b))
                .ksStatistic(), new SplittableRandom(11));
        double tenthLargest = Math.nextDown(threshold);
        assertThat(tenthLargest).isBetween(0.205, 0.245);
    }

    @Test
    void psiOnA51CategoryColumnHoldsTheStatedRateWhereTheFixedThresholdAlarmsMostSteps() {
        // 100 references of 2,500 rows, 20 fresh batches of 250 rows each: 2,000 exchangeable batches.
        SplittableRandom random = new SplittableRandom(20);
        int calibratedAlarms = 0;
        int fixedAlarms = 0;
        int trials = 0;
        for (int ref = 0; ref < 100; ref++) {
            int[] codes = draw(STATE_SHARES, 2500, random);
            CategoricalReference profile = CategoricalReference.of(codes, STATES);
            double threshold = NullCalibration.threshold(codes.length, 250, 0.01, (r, b) -> CategoricalReference
                    .of(NullCalibration.pick(codes, r), STATES).compare(NullCalibration.pick(codes, b), STATES).psi(),
                    random.split());
            for (int k = 0; k < 20; k++) {
                double psi = profile.compare(draw(STATE_SHARES, 250, random), STATES).psi();
                calibratedAlarms += psi >= threshold ? 1 : 0;
                fixedAlarms += psi >= 0.25 ? 1 : 0;
                trials++;
            }
        }
        // Binomial(2000, 0.01): mean 20, P(X <= 7) = 0.0013, P(X >= 36) = 0.0010.
        assertThat(calibratedAlarms).as("calibrated alarms in %d batches", trials).isBetween(7, 35);
        assertThat(fixedAlarms).as("alarms at psi >= 0.25 in %d batches", trials).isGreaterThan(trials / 10);
    }

    @Test
    void aShiftOfOneCategoryIsStillFound() {
        SplittableRandom random = new SplittableRandom(5);
        int[] codes = draw(STATE_SHARES, 2500, random);
        CategoricalReference profile = CategoricalReference.of(codes, STATES);
        double threshold = NullCalibration.threshold(codes.length, 250, 0.01, (r, b) -> CategoricalReference
                .of(NullCalibration.pick(codes, r), STATES).compare(NullCalibration.pick(codes, b), STATES).psi(),
                new SplittableRandom(6));
        double[] shifted = STATE_SHARES.clone();
        shifted[0] *= 5;
        int found = 0;
        for (int k = 0; k < 100; k++) {
            found += profile.compare(draw(shifted, 250, random), STATES).psi() >= threshold ? 1 : 0;
        }
        assertThat(found).as("batches with the largest category's share five times as large (12% to 40%), of 100").isGreaterThanOrEqualTo(90);
    }

    @Test
    void calibrationSizeKeepsTwoSignificantFiguresAndNeverRoundsUp() {
        assertThat(NullCalibration.calibrationSize(37)).isEqualTo(37);
        assertThat(NullCalibration.calibrationSize(100)).isEqualTo(100);
        assertThat(NullCalibration.calibrationSize(250)).isEqualTo(250);
        assertThat(NullCalibration.calibrationSize(247)).isEqualTo(240);
        assertThat(NullCalibration.calibrationSize(1234)).isEqualTo(1200);
        assertThat(NullCalibration.resamples(0.01)).isEqualTo(999);
        assertThat(NullCalibration.resamples(0.05)).isEqualTo(199);
    }

    @Test
    void noValuesGiveNoThreshold() {
        assertThat(NullCalibration.threshold(0, 10, 0.01, (r, b) -> 1, new SplittableRandom(1))).isNaN();
        assertThat(NullCalibration.threshold(10, 0, 0.01, (r, b) -> 1, new SplittableRandom(1))).isNaN();
    }

    /** n category codes drawn with the given (unnormalised) shares. */
    static int[] draw(double[] shares, int n, SplittableRandom random) {
        double total = java.util.Arrays.stream(shares).sum();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble() * total;
            int c = 0;
            while (c < shares.length - 1 && u >= shares[c]) {
                u -= shares[c];
                c++;
            }
            out[i] = c;
        }
        return out;
    }
}
