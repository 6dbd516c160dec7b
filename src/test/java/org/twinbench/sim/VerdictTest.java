package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void newcombeIntervalMatchesThePublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873, Table II example (a): 56/70 against 48/80,
        // method 10 (hybrid score): 0.0524 to 0.3339.
        double[] ci = Verdict.newcombe(56, 70, 48, 80);
        assertThat(ci[0]).isCloseTo(0.0524, offset(5e-4));
        assertThat(ci[1]).isCloseTo(0.3339, offset(5e-4));
    }

    @Test
    void aMeanSkipsTheStepsWithoutAValue() {
        assertThat(TenthMeans.meanOf(new double[] {1, Double.NaN, 3, 10}, 0, 3)).isEqualTo(2.0);
        assertThat(TenthMeans.meanOf(new double[] {Double.NaN}, 0, 1)).isNaN();
    }
}
