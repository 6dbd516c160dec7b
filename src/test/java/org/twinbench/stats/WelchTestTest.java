package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Welch's t-test and the t distribution against scipy 1.x ({@code ttest_ind(equal_var=False)}, {@code t.ppf}, {@code t.sf}). */
class WelchTestTest {

    @Test
    void pValueEqualsScipysWelchTest() {
        // a = [3.1, 4.5, 2.2, 8.9, 5.0, 6.1, 7.7], b = [1.0, 2.5, 1.2, 0.4, 3.3, 2.2, 1.9, 2.8, 0.7]
        double p = WelchTest.pValue(7, 5.3571428571428585, 5.752857142857143, 9, 1.7777777777777777,
                1.0094444444444444);
        assertThat(p).isCloseTo(0.006516009486222344, within(1e-12));
        // Symmetric: which sample comes first does not matter.
        assertThat(WelchTest.pValue(9, 1.7777777777777777, 1.0094444444444444, 7, 5.3571428571428585,
                5.752857142857143)).isCloseTo(p, within(1e-15));
    }

    @Test
    void tailAndQuantileEqualScipys() {
        assertThat(WelchTest.twoSidedTail(2.5, 7.3)).isCloseTo(0.039650234665600415, within(1e-12));
        // scipy's t.ppf is itself exact only to about 1e-9 (its t.sf at its own 0.975 quantile for 49 degrees of
        // freedom is 0.0250000001447); the tail at ours is 0.025 to 1e-13 by scipy's t.sf.
        assertThat(WelchTest.quantile(0.975, 49)).isCloseTo(2.009575234489209, within(1e-8));
        assertThat(WelchTest.twoSidedTail(WelchTest.quantile(0.975, 49), 49)).isCloseTo(0.05, within(1e-13));
        assertThat(WelchTest.quantile(0.975, 4)).isCloseTo(2.7764451051977987, within(1e-8));
        assertThat(WelchTest.quantile(0.9, 12.5)).isCloseTo(1.3530668727547275, within(1e-8));
        assertThat(WelchTest.quantile(0.025, 3)).isCloseTo(-3.1824463052842638, within(1e-8));
    }

    @Test
    void samplesWithoutSpreadAreEqualOrCertainlyDifferent() {
        assertThat(WelchTest.pValue(5, 2, 0, 5, 2, 0)).isEqualTo(1);
        assertThat(WelchTest.pValue(5, 2, 0, 5, 3, 0)).isEqualTo(0);
    }
}
