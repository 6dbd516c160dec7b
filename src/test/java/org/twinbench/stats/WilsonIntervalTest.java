package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Wilson interval against statsmodels' {@code proportion_confint(count, n, method="wilson")}: (15, 20) gives
 * (0.53129, 0.88814); none of n a lower end of 0 (statsmodels: -8.7e-19 for 0 of 351) and all of n an upper end of 1, never past them — a lower end
 * of -1e-17 printed "between -0% and 1%" on the guided check's results page (telco churn, a model catching none).
 */
class WilsonIntervalTest {

    @Test
    void matchesStatsmodels() {
        double[] interval = WilsonInterval.of(15 / 20.0, 20);
        assertThat(interval[0]).isCloseTo(0.53129, within(1e-5));
        assertThat(interval[1]).isCloseTo(0.88814, within(1e-5));
    }

    @Test
    void theEndsNeverLeaveZeroToOne() {
        for (int n = 1; n <= 5000; n++) {
            double[] none = WilsonInterval.of(0, n);
            double[] all = WilsonInterval.of(1, n);
            assertThat(none[0]).as("n = %d", n).isBetween(0.0, 1e-12);
            assertThat(all[1]).as("n = %d", n).isBetween(1 - 1e-12, 1.0);
            assertThat(String.format(Locale.ROOT, "%.0f%%", 100 * none[0])).isEqualTo("0%");
        }
    }
}
