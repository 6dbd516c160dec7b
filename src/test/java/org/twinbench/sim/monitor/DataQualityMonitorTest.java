package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The binomial tail behind every data-quality check, against scipy.stats.binom.sf(k - 1, n, p). */
class DataQualityMonitorTest {

    @Test
    void upperTailMatchesScipy() {
        assertThat(DataQualityMonitor.upperTail(3, 50, 0.007)).isCloseTo(0.005260085467448939, within(1e-13));
        assertThat(DataQualityMonitor.upperTail(4, 50, 0.007)).isCloseTo(0.0004276632687070003, within(1e-14));
        assertThat(DataQualityMonitor.upperTail(13, 250, 0.02)).isCloseTo(0.0017858357716654173, within(1e-13));
        assertThat(DataQualityMonitor.upperTail(40, 100, 0.3)).isCloseTo(0.020988576003924744, within(1e-12));
        assertThat(DataQualityMonitor.upperTail(1, 500, 0.3)).isCloseTo(1.0, within(1e-12));
        assertThat(DataQualityMonitor.upperTail(250, 250, 0.0001)).isLessThan(1e-300);
        assertThat(DataQualityMonitor.upperTail(0, 10, 0.5)).isEqualTo(1.0);
        assertThat(DataQualityMonitor.upperTail(1, 10, 0.0)).isEqualTo(0.0);
    }
}
