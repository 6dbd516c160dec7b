package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SliceExtensionsTest {

    static final int[] LABELS = ClassificationMetricsTest.LABELS;
    static final double[] SCORES = ClassificationMetricsTest.SCORES;

    @Test
    void balancedAccuracyAveragesTheClassRecalls() {
        // TP 3 of 4 positives, TN 2 of 4 negatives (see ClassificationMetricsTest): (0.75 + 0.5) / 2.
        assertThat(ClassificationMetrics.balancedAccuracy(LABELS, SCORES, 0.5)).isEqualTo(0.625);
        assertThat(BinaryMetric.BALANCED_ACCURACY.compute(new int[] {1, 1}, new double[] {0.1, 0.9}, 0.5)).isNaN();
    }

    @Test
    void averagePrecisionStepsThroughDistinctScores() {
        // Descending: .9(+) .8(+) .7(-) .5(+,- tied) .3(-) .2(+) .1(-). Recall steps at .9, .8, .5, .2 with
        // precision 1, 1, 3/5, 4/7: 0.25 + 0.25 + 0.25·0.6 + 0.25·4/7.
        assertThat(ClassificationMetrics.averagePrecision(LABELS, SCORES)).isCloseTo(0.65 + 1.0 / 7, within(1e-15));
        assertThat(BinaryMetric.PR_AUC.compute(new int[] {0, 0}, new double[] {0.1, 0.9}, 0.5)).isNaN();
    }

    @Test
    void reliabilityBinsGiveTheEce() {
        List<ClassificationMetrics.ReliabilityBin> bins = ClassificationMetrics.reliabilityBins(LABELS, SCORES, 10);
        assertThat(bins).hasSize(10);
        ClassificationMetrics.ReliabilityBin five = bins.get(5);
        assertThat(five.n()).isEqualTo(2);
        assertThat(five.meanScore()).isEqualTo(0.5);
        assertThat(five.positiveShare()).isEqualTo(0.5);
        assertThat(bins.get(0).n()).isZero();
        assertThat(bins.get(0).meanScore()).isNaN();
        double ece = bins.stream().filter(b -> b.n() > 0)
                .mapToDouble(b -> (double) b.n() / LABELS.length * Math.abs(b.positiveShare() - b.meanScore())).sum();
        assertThat(ece).isCloseTo(ClassificationMetrics.ece(LABELS, SCORES), within(1e-15));
    }

    @Test
    void regressionMetricsMatchScikitLearnDocumentation() {
        // scikit-learn docs: r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) = 0.948..., mean_absolute_error = 0.5,
        // mean_squared_error = 0.375.
        RegressionMetrics m = RegressionMetrics.compute(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0.0, 2, 8});
        assertThat(m.r2()).isCloseTo(0.9486081370449679, within(1e-15));
        assertThat(m.mae()).isEqualTo(0.5);
        assertThat(m.rmse()).isCloseTo(Math.sqrt(0.375), within(1e-15));
        assertThat(RegressionMetrics.compute(new double[] {2, 2}, new double[] {1, 3}).r2()).isNaN();
    }

    @Test
    void numericBinsAreClosedBelow() {
        SliceColumn bins = SliceColumn.numericBins("age", new double[] {10, 30, 29.5, Double.NaN, 60, 45}, new double[] {30, 45});
        assertThat(bins.levels()).containsExactly("< 30", "[30, 45)", ">= 45");
        assertThat(bins.codes()).containsExactly(0, 1, 0, -1, 2, 2);
        SliceColumn quartiles = SliceColumn.quantileBins("x", new double[] {1, 2, 3, 4, 5}, 4);
        // np.quantile([1..5], [.25, .5, .75]) = 2, 3, 4.
        assertThat(quartiles.levels()).containsExactly("< 2", "[2, 3)", "[3, 4)", ">= 4");
    }

    @Test
    void intersectionsKeepOnlyOccurringPairs() {
        SliceColumn region = new SliceColumn("region", new int[] {0, 1, 0, 1, -1}, List.of("north", "south"));
        SliceColumn plan = new SliceColumn("plan", new int[] {0, 0, 1, 0, 1}, List.of("basic", "pro"));
        SliceColumn both = SliceColumn.intersection(region, plan);
        assertThat(both.levels()).containsExactly("region=north & plan=basic", "region=north & plan=pro",
                "region=south & plan=basic");
        assertThat(both.codes()).containsExactly(0, 2, 1, 2, -1);
        List<SliceMetrics> metrics = SliceMetrics.bySlice(both.name(), both.codes(), both.levels(),
                new int[] {1, 0, 1, 1, 0}, new double[] {0.9, 0.2, 0.3, 0.6, 0.5}, 0.5);
        assertThat(metrics).extracting(SliceMetrics::value).containsExactly("region=north & plan=basic",
                "region=north & plan=pro", "region=south & plan=basic", null);
        // south & basic: rows 1 (label 0, .2) and 3 (label 1, .6), both right.
        assertThat(metrics.get(2).metrics().accuracy()).isEqualTo(1.0);
        assertThat(metrics.get(2).metrics().n()).isEqualTo(2);
    }

    @Test
    void fairnessGapsMatchHandWorkedGroups() {
        // A: labels 1 1 0 0, scores .9 .6 .7 .2 -> predicted 1 1 1 0: selection .75, TPR 1, FPR .5.
        // B: labels 1 1 0 0, scores .8 .3 .1 .2 -> predicted 1 0 0 0: selection .25, TPR .5, FPR 0.
        SliceColumn group = new SliceColumn("group", new int[] {0, 0, 0, 0, 1, 1, 1, 1}, List.of("A", "B"));
        FairnessGaps gaps = FairnessGaps.compute(group, new int[] {1, 1, 0, 0, 1, 1, 0, 0},
                new double[] {.9, .6, .7, .2, .8, .3, .1, .2}, 0.5);
        assertThat(gaps.parityDifference()).isEqualTo(0.5);
        assertThat(gaps.parityRatio()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(gaps.failsFourFifths()).isTrue();
        assertThat(gaps.truePositiveRateGap()).isEqualTo(0.5);
        assertThat(gaps.falsePositiveRateGap()).isEqualTo(0.5);
        assertThat(gaps.groups()).extracting(FairnessGaps.Group::name).containsExactly("A", "B");
    }

    @Test
    void equalSelectionPassesTheFourFifthsRule() {
        SliceColumn group = new SliceColumn("g", new int[] {0, 0, 1, 1}, List.of("A", "B"));
        FairnessGaps gaps = FairnessGaps.compute(group, new int[] {1, 0, 1, 1}, new double[] {.9, .1, .9, .1}, 0.5);
        assertThat(gaps.parityRatio()).isEqualTo(1.0);
        assertThat(gaps.failsFourFifths()).isFalse();
        // Group A has one negative, B none: one FPR is defined, so the gap is undefined.
        assertThat(gaps.falsePositiveRateGap()).isNaN();
    }

    @Test
    void bootstrapIntervalIsSeededAndMatchesNormalTheoryForAccuracy() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 2000;
        int[] labels = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.5 ? 1 : 0;
            boolean right = random.nextDouble() < 0.8;
            scores[i] = (labels[i] == 1) == right ? 0.9 : 0.1;
        }
        BootstrapInterval ci = BootstrapInterval.of(BinaryMetric.ACCURACY, labels, scores, 0.5, 2000, 0.95, 7);
        assertThat(BootstrapInterval.of(BinaryMetric.ACCURACY, labels, scores, 0.5, 2000, 0.95, 7)).isEqualTo(ci);
        // Normal theory: half-width 1.96 sqrt(a(1 - a)/n).
        double a = ci.estimate();
        double halfWidth = 1.96 * Math.sqrt(a * (1 - a) / n);
        assertThat((ci.upper() - ci.lower()) / 2).isCloseTo(halfWidth, within(0.1 * halfWidth));
        assertThat(ci.lower()).isLessThan(a);
        assertThat(ci.upper()).isGreaterThan(a);
        assertThat(ci.used()).isEqualTo(2000);
    }

    @Test
    void bootstrapPerSliceLeavesOutUndefinedResamples() {
        SliceColumn group = new SliceColumn("g", new int[] {0, 0, 0, 1, 1, 1}, List.of("A", "B"));
        Map<String, BootstrapInterval> cis = BootstrapInterval.bySlice(BinaryMetric.ROC_AUC, group,
                new int[] {1, 0, 1, 1, 1, 1}, new double[] {.8, .3, .6, .4, .5, .6}, 0.5, 200, 0.9, 11);
        assertThat(cis).containsOnlyKeys("A", "B");
        // A resample of A's three rows has both classes only sometimes; B has one class: never.
        assertThat(cis.get("A").used()).isBetween(1, 199);
        assertThat(cis.get("A").estimate()).isEqualTo(1.0);
        assertThat(cis.get("B").used()).isZero();
        assertThat(cis.get("B").lower()).isNaN();
    }

    @Test
    void onePassSliceMetricsEqualPerSliceComputationExactly() {
        // Scores rounded to two decimals make many ties, within and across slices and classes.
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int n = 20_000;
        int[] codes = new int[n];
        int[] labels = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = random.nextInt(6) - 1;
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            scores[i] = Math.rint(100 * Math.min(1, Math.max(0, 0.3 + 0.3 * labels[i]
                    + 0.25 * random.nextGaussian()))) / 100;
        }
        codes[0] = 4;
        labels[0] = 1;
        // Slice 4 gets only positives so its AUC is undefined.
        for (int i = 1; i < n; i++) {
            if (codes[i] == 4) {
                labels[i] = 1;
            }
        }
        List<String> levels = List.of("a", "b", "c", "d", "e", "f");
        assertThat(SlicePass.applies(scores)).isTrue();
        List<SliceMetrics> fast = SliceMetrics.bySlice("g", codes, levels, labels, scores, 0.5);
        assertThat(fast).hasSize(6);
        for (SliceMetrics slice : fast) {
            int code = slice.value() == null ? -1 : levels.indexOf(slice.value());
            int[] rows = java.util.stream.IntStream.range(0, n).filter(r -> codes[r] == code).toArray();
            int[] y = java.util.Arrays.stream(rows).map(r -> labels[r]).toArray();
            double[] s = java.util.Arrays.stream(rows).mapToDouble(r -> scores[r]).toArray();
            assertThat(slice.metrics()).isEqualTo(ClassificationMetrics.compute(y, s, 0.5));
        }
        assertThat(fast.get(4).metrics().rocAuc()).isNaN();
        assertThat(SlicePass.applies(new double[] {0.5, -0.0})).isFalse();
    }

    @Test
    void quantileRangesRunFromMinimumToMaximum() {
        // Tertiles of 1..7 (numpy linear): positions 2 and 4 -> 3 and 5.
        SliceColumn tertiles = SliceColumn.quantileRanges("x", new double[] {7, 1, 2, Double.NaN, 3, 4, 5, 6}, 3);
        assertThat(tertiles.levels()).containsExactly("[1, 3)", "[3, 5)", "[5, 7]");
        assertThat(tertiles.codes()).containsExactly(2, 0, 0, -1, 1, 1, 2, 2);
        // Repeated edges merge: the quartiles of 0,0,0,0,1 are 0, 0, 0, so one bin [0, 1].
        assertThat(SliceColumn.quantileRanges("x", new double[] {0, 0, 0, 0, 1}, 4).levels())
                .containsExactly("[0, 1]");
        SliceColumn constant = SliceColumn.quantileRanges("x", new double[] {2.5, 2.5}, 5);
        assertThat(constant.levels()).containsExactly("[2.5, 2.5]");
        assertThat(constant.codes()).containsExactly(0, 0);
        SliceColumn missing = SliceColumn.quantileRanges("x", new double[] {Double.NaN}, 5);
        assertThat(missing.levels()).isEmpty();
        assertThat(missing.codes()).containsExactly(-1);
        assertThat(SliceColumn.shortNumber(0.1 + 0.2)).isEqualTo("0.3");
    }
}
