package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityBinsTest {

    /**
     * By hand: bin 0 holds 0.05 (label 0); bin 1 holds 0.15 (1) and 0.12 (0); bin 5 holds 0.5 (0);
     * bin 9 holds 0.95 (1) and 1.0 (1, the top edge falls in the last bin).
     */
    private static final int[] LABELS = {0, 1, 0, 1, 1, 0};
    private static final double[] SCORES = {0.05, 0.15, 0.12, 0.95, 1.0, 0.5};

    @Test
    void binsCountAverageAndRateTheRowsOfEachTenthOfTheScore() {
        ReliabilityBins bins = ReliabilityBins.of(LABELS, SCORES);
        assertThat(new long[] {bins.count(0), bins.count(1), bins.count(2), bins.count(5), bins.count(9)})
                .containsExactly(1, 2, 0, 1, 2);
        assertThat(bins.total()).isEqualTo(6);
        assertThat(bins.predicted(0)).isCloseTo(0.05, within(1e-12));
        assertThat(bins.observed(0)).isEqualTo(0.0);
        assertThat(bins.predicted(1)).isCloseTo(0.135, within(1e-12));
        assertThat(bins.observed(1)).isEqualTo(0.5);
        assertThat(bins.predicted(5)).isCloseTo(0.5, within(1e-12));
        assertThat(bins.observed(5)).isEqualTo(0.0);
        assertThat(bins.predicted(9)).isCloseTo(0.975, within(1e-12));
        assertThat(bins.observed(9)).isEqualTo(1.0);
        assertThat(bins.predicted(2)).isNaN();
        assertThat(bins.observed(2)).isNaN();
    }

    @Test
    void binsWeightedByCountGiveTheExpectedCalibrationError() {
        ReliabilityBins bins = ReliabilityBins.of(LABELS, SCORES);
        double ece = 0;
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            if (bins.count(b) > 0) {
                ece += (double) bins.count(b) / bins.total() * Math.abs(bins.observed(b) - bins.predicted(b));
            }
        }
        // (1·0.05 + 2·0.365 + 1·0.5 + 2·0.025) / 6 = 1.33 / 6
        assertThat(ece).isCloseTo(1.33 / 6, within(1e-12));
        assertThat(ece).isCloseTo(ClassificationMetrics.ece(LABELS, SCORES), within(1e-12));
    }

    @Test
    void poolingTwoStepsAddsTheirRows() {
        ReliabilityBins first = ReliabilityBins.of(new int[] {1, 0}, new double[] {0.31, 0.35});
        ReliabilityBins second = ReliabilityBins.of(new int[] {1, 1}, new double[] {0.38, 0.72});
        ReliabilityBins pooled = first.plus(second);
        assertThat(pooled.count(3)).isEqualTo(3);
        assertThat(pooled.predicted(3)).isCloseTo((0.31 + 0.35 + 0.38) / 3, within(1e-12));
        assertThat(pooled.observed(3)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(pooled.count(7)).isEqualTo(1);
        assertThat(pooled).isEqualTo(ReliabilityBins.of(new int[] {1, 0, 1, 1}, new double[] {0.31, 0.35, 0.38, 0.72}));
    }

    @Test
    void binsRebuiltFromTheirSumsEqualTheOriginals() {
        ReliabilityBins bins = ReliabilityBins.of(LABELS, SCORES);
        long[] counts = new long[ReliabilityBins.BINS];
        double[] sums = new double[ReliabilityBins.BINS];
        long[] positives = new long[ReliabilityBins.BINS];
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            counts[b] = bins.count(b);
            sums[b] = bins.scoreSum(b);
            positives[b] = bins.positives(b);
        }
        // By hand: bin 1 has one positive of two rows, scores 0.15 + 0.12.
        assertThat(positives[1]).isEqualTo(1);
        assertThat(sums[1]).isEqualTo(0.15 + 0.12);
        assertThat(ReliabilityBins.ofSums(counts, sums, positives)).isEqualTo(bins);
    }

    @Test
    void sumsWithMorePositivesThanRowsAreRefused() {
        long[] counts = new long[ReliabilityBins.BINS];
        long[] positives = new long[ReliabilityBins.BINS];
        counts[3] = 2;
        positives[3] = 3;
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ReliabilityBins.ofSums(counts, new double[ReliabilityBins.BINS], positives))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bin 3: 3 positives of 2 rows");
    }
}
