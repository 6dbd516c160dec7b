package org.twinbench.sim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionPromoteTest {

    /**
     * Champion absolute errors 1, 2, 3 (mean 2, variance 1), challenger 0, 1, 2 (mean 1, variance 1):
     * z = (2 − 1) / sqrt(1/3 + 1/3) = 1.2247; p = 1 − Φ(z) = scipy.stats.norm.sf(1.2247) = 0.110335.
     */
    @Test
    void smallerErrorTestMatchesScipy() {
        double[] sums = {1 + 2 + 3, 3, 1 + 4 + 9, 0 + 1 + 2, 3, 0 + 1 + 4};
        assertThat(PromotePolicy.smallerErrorPValue(sums)).isCloseTo(0.11033568, within(1e-6));
        double[] worse = {0 + 1 + 2, 3, 0 + 1 + 4, 1 + 2 + 3, 3, 1 + 4 + 9};
        assertThat(PromotePolicy.smallerErrorPValue(worse)).isCloseTo(1 - 0.11033568, within(1e-6));
    }
}
