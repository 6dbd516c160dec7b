package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    // A small table worked by hand (see the comments for each expected value).
    static final int[] LABELS = {1, 1, 0, 0, 1, 0, 1, 0};
    static final double[] SCORES = {0.9, 0.8, 0.7, 0.3, 0.5, 0.5, 0.2, 0.1};

    @Test
    void confusionMetricsMatchHandWorkedTable() {
        MetricSet m = ClassificationMetrics.compute(LABELS, SCORES, 0.5);
        // Predicted positive (score >= 0.5): rows 0,1,2,4,5 -> TP 3 (0,1,4), FP 2 (2,5), FN 1 (6), TN 2 (3,7).
        assertThat(m.n()).isEqualTo(8);
        assertThat(m.accuracy()).isEqualTo(5 / 8.0);
        assertThat(m.precision()).isEqualTo(3 / 5.0);
        assertThat(m.recall()).isEqualTo(3 / 4.0);
        assertThat(m.f1()).isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-15));
    }

    @Test
    void rocAucCountsTiesAsHalfAWin() {
        // Positives {.9,.8,.5,.2} vs negatives {.7,.5,.3,.1}: 4 + 4 + (2 + 0.5 tie) + 1 = 11.5 of 16 pairs.
        assertThat(ClassificationMetrics.rocAuc(LABELS, SCORES)).isEqualTo(11.5 / 16);
    }

    @Test
    void rocAucIsOneHalfWhenAllScoresTie() {
        assertThat(ClassificationMetrics.rocAuc(new int[] {1, 0, 1, 0, 0}, new double[] {0.4, 0.4, 0.4, 0.4, 0.4}))
                .isEqualTo(0.5);
    }

    @Test
    void rocAucIsUndefinedWithOneClass() {
        assertThat(ClassificationMetrics.rocAuc(new int[] {1, 1}, new double[] {0.2, 0.9})).isNaN();
        assertThat(ClassificationMetrics.compute(new int[] {0, 0}, new double[] {0.2, 0.9}, 0.5).recall()).isNaN();
    }

    @Test
    void logLossAndBrierMatchHandWorkedTable() {
        MetricSet m = ClassificationMetrics.compute(LABELS, SCORES, 0.5);
        double expectedLogLoss = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.3) + Math.log(0.7) + Math.log(0.5)
                + Math.log(0.5) + Math.log(0.2) + Math.log(0.9)) / 8;
        assertThat(m.logLoss()).isCloseTo(expectedLogLoss, within(1e-12));
        assertThat(m.logLoss()).isCloseTo(0.6237806, within(1e-7));
        // Squared errors 0.01, 0.04, 0.49, 0.09, 0.25, 0.25, 0.64, 0.01 sum to 1.78.
        assertThat(m.brier()).isCloseTo(1.78 / 8, within(1e-15));
    }

    @Test
    void logLossClipsCertainWrongScores() {
        MetricSet m = ClassificationMetrics.compute(new int[] {1}, new double[] {0.0}, 0.5);
        assertThat(m.logLoss()).isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void eceUsesTenEqualWidthBins() {
        // Bins 9, 8, 7, 3, 5, 5, 2, 1; gaps .1, .2, .7, .3, (bin 5: labels mean .5 = scores mean .5) 0, .8, .1.
        assertThat(ClassificationMetrics.compute(LABELS, SCORES, 0.5).ece()).isCloseTo(2.2 / 8, within(1e-15));
    }

    @Test
    void eceputsAScoreOfOneInTheLastBin() {
        // 1.0 and 0.95 share bin 9: mean label 0.5, mean score 0.975.
        assertThat(ClassificationMetrics.ece(new int[] {0, 1}, new double[] {1.0, 0.95})).isCloseTo(0.475, within(1e-15));
        assertThat(ClassificationMetrics.eceBin(1.0)).isEqualTo(9);
        assertThat(ClassificationMetrics.eceBin(0.0)).isZero();
        assertThat(ClassificationMetrics.eceBin(0.1)).isEqualTo(1);
    }

    @Test
    void precisionIsUndefinedWithoutPredictedPositives() {
        MetricSet m = ClassificationMetrics.compute(new int[] {1, 0}, new double[] {0.1, 0.2}, 0.5);
        assertThat(m.precision()).isNaN();
        assertThat(m.f1()).isNaN();
        assertThat(m.recall()).isZero();
    }

    @Test
    void sliceMetricsSplitRowsByCode() {
        List<SliceMetrics> slices = SliceMetrics.bySlice("region", new int[] {0, 1, 0, -1}, List.of("north", "south"),
                new int[] {1, 0, 0, 1}, new double[] {0.9, 0.2, 0.6, 0.4}, 0.5);
        assertThat(slices).extracting(SliceMetrics::value).containsExactly("north", "south", null);
        assertThat(slices.get(0).metrics().n()).isEqualTo(2);
        assertThat(slices.get(0).metrics().accuracy()).isEqualTo(0.5);
        assertThat(slices.get(1).metrics().accuracy()).isEqualTo(1.0);
        assertThat(slices.get(2).metrics().accuracy()).isEqualTo(0.0);
    }
}
