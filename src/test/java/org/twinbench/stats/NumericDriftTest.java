package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NumericDriftTest {

    /*
     * Reference values below were computed once with SciPy 1.17.1 / NumPy on this machine:
     *   D = stats.ks_2samp(ref, cur).statistic; p = special.kolmogorov(sqrt(30*25/55) * D)
     *   W = stats.wasserstein_distance(ref, cur); Wn = W / np.std(ref)
     *   edges = np.quantile(ref, [.1..., .9]); counts by searchsorted(side='right'); psi with shares floored at 1e-4
     *   js = spatial.distance.jensenshannon(r, c, base=2); hel = sqrt(.5 * sum((sqrt r - sqrt c)^2))
     *   ad = stats.anderson_ksamp([ref, cur])  (mid-rank variant, the default)
     * The samples (ScipySamples) are rounded to one decimal so that both have ties.
     */
    static final double[] REF = ScipySamples.REF;
    static final double[] CUR = ScipySamples.CUR;

    @Test
    void allStatisticsMatchScipyOnTiedSamples() {
        NumericDrift d = NumericReference.of(REF).compare(CUR);
        assertThat(d.ksStatistic()).isCloseTo(0.4266666666666667, within(1e-15));
        assertThat(d.ksPValue()).isCloseTo(0.013958011364261376, within(1e-14));
        assertThat(d.wasserstein()).isCloseTo(1.6133333333333337, within(1e-13));
        assertThat(d.wassersteinNormed()).isCloseTo(0.9822881572583182, within(1e-13));
        assertThat(d.psi()).isCloseTo(1.9704075626890813, within(1e-12));
        assertThat(d.jensenShannon()).isCloseTo(0.4722068619309793, within(1e-13));
        assertThat(d.hellinger()).isCloseTo(0.42944542875039016, within(1e-13));
        assertThat(d.andersonDarling()).isCloseTo(4.277862438269561, within(1e-11));
        assertThat(d.andersonDarlingPValue()).isCloseTo(0.006359549416717606, within(1e-11));
        assertThat(d.referenceCount()).isEqualTo(30);
        assertThat(d.currentCount()).isEqualTo(25);
    }

    @Test
    void decileEdgesInterpolateLikeNumpy() {
        NumericReference profile = NumericReference.of(REF);
        // np.quantile(ref, np.arange(1, 10) / 10) with the samples above.
        assertThat(profile.binEdges()).containsExactly(new double[] {7.2, 7.9, 8.62, 9.06, 9.5, 9.9, 10.13, 10.34, 10.73},
                within(1e-12));
        // np.std(ref): the population standard deviation.
        assertThat(profile.standardDeviation()).isCloseTo(1.6133333333333337 / 0.9822881572583182, within(1e-12));
    }

    @Test
    void andersonDarlingMatchesScipyDocumentationShapedExampleWithoutTies() {
        // stats.anderson_ksamp([[1..8], [2..11]]) -> statistic 0.40076874335584783, pvalue 0.22788524788809245.
        NumericDrift d = NumericReference.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8})
                .compare(new double[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertThat(d.andersonDarling()).isCloseTo(0.40076874335584783, within(1e-12));
        assertThat(d.andersonDarlingPValue()).isCloseTo(0.22788524788809245, within(1e-12));
    }

    @Test
    void ksAndWassersteinMatchHandWorkedCase() {
        // F_ref steps 1/3 at 1, 2, 3; F_cur steps 1/4 at 2, 3, 4, 5. Gaps on [1,2) 1/3, [2,3) 5/12, [3,4) 1/2,
        // [4,5) 1/4: D = 1/2 and W = (4 + 5 + 6 + 3) / 12 = 1.5 (= the difference of the means, 3.5 - 2).
        NumericDrift d = NumericReference.of(new double[] {1, 2, 3}).compare(new double[] {5, 3, 2, 4});
        assertThat(d.ksStatistic()).isEqualTo(0.5);
        assertThat(d.wasserstein()).isEqualTo(1.5);
        // sd of {1,2,3} with divisor 3 is sqrt(2/3).
        assertThat(d.wassersteinNormed()).isCloseTo(1.5 / Math.sqrt(2.0 / 3), within(1e-15));
        // λ = sqrt(12/7) / 2.
        assertThat(d.ksPValue()).isEqualTo(SpecialFunctions.kolmogorovSurvival(Math.sqrt(12.0 / 7) * 0.5));
    }

    @Test
    void identicalSamplesHaveNoDrift() {
        NumericDrift d = NumericReference.of(REF).compare(REF.clone());
        assertThat(d.ksStatistic()).isZero();
        assertThat(d.ksPValue()).isEqualTo(1.0);
        assertThat(d.wasserstein()).isZero();
        assertThat(d.psi()).isZero();
        assertThat(d.jensenShannon()).isZero();
        assertThat(d.hellinger()).isZero();
    }

    @Test
    void missingAndInfiniteValuesAreLeftOutAndCounted() {
        double[] withGaps = {Double.NaN, 1, 2, Double.POSITIVE_INFINITY, 3};
        NumericDrift d = NumericReference.of(withGaps).compare(new double[] {2, 3, Double.NaN, 4, 5});
        assertThat(d.missingFractionReference()).isEqualTo(0.4);
        assertThat(d.missingFractionCurrent()).isEqualTo(0.2);
        assertThat(d.ksStatistic()).isEqualTo(0.5);
        assertThat(d.wasserstein()).isEqualTo(1.5);
    }

    @Test
    void allMissingSideGivesUndefinedStatistics() {
        NumericDrift d = NumericReference.of(new double[] {1, 2}).compare(new double[] {Double.NaN, Double.NaN});
        assertThat(d.computed()).isFalse();
        assertThat(d.missingFractionCurrent()).isEqualTo(1.0);
        assertThat(d.statistics().values()).allMatch(v -> v.isNaN());
    }

    @Test
    void constantReferenceHasInfiniteNormedDistanceOnlyWhenCurrentDiffers() {
        NumericReference constant = NumericReference.of(new double[] {4, 4, 4, 4});
        NumericDrift same = constant.compare(new double[] {4, 4});
        assertThat(same.wassersteinNormed()).isZero();
        assertThat(same.ksStatistic()).isZero();
        // One distinct pooled value: Anderson-Darling is undefined (scipy refuses it), not an error.
        assertThat(same.andersonDarling()).isNaN();
        NumericDrift moved = constant.compare(new double[] {4, 5});
        assertThat(moved.wasserstein()).isEqualTo(0.5);
        assertThat(moved.wassersteinNormed()).isInfinite();
    }

    @Test
    void oneRowSamplesAreDefined() {
        NumericDrift d = NumericReference.of(new double[] {1}).compare(new double[] {2});
        assertThat(d.ksStatistic()).isEqualTo(1.0);
        assertThat(d.ksPValue()).isEqualTo(SpecialFunctions.kolmogorovSurvival(Math.sqrt(0.5)));
        assertThat(d.wasserstein()).isEqualTo(1.0);
        assertThat(d.andersonDarling()).isNaN();
    }

    @Test
    void profileIsReusedAcrossWindows() {
        NumericReference profile = NumericReference.of(REF);
        NumericDrift first = profile.compare(CUR);
        profile.compare(new double[] {100, 200});
        assertThat(profile.compare(CUR)).isEqualTo(first);
    }
}
