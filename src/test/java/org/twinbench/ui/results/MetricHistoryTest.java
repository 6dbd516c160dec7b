package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A series longer than its storage chunks keeps every value where it was put. */
class MetricHistoryTest {

    @Test
    void aLongSeriesReadsBackEveryValueAcrossChunks() {
        MetricHistory.Series series = new MetricHistory.Series();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            series.add(3 * i, i == 7 ? Double.NaN : i / 1000.0, i % 97);
        }
        assertThat(series.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(series.step(i)).isEqualTo(3 * i);
            assertThat(series.count(i)).isEqualTo(i % 97);
            if (i != 7) {
                assertThat(series.value(i)).isEqualTo(i / 1000.0);
            }
        }
        assertThat(series.value(7)).isNaN();
        assertThat(series.lastValue()).isEqualTo(4.999);
        // The first ten present values skip the missing one: 0..6 and 8..10 thousandths.
        assertThat(series.meanOfFirst(10)).isEqualTo((0 + 1 + 2 + 3 + 4 + 5 + 6 + 8 + 9 + 10) / 1000.0 / 10);
        MetricHistory.Series copy = series.copy();
        series.add(15_000, 9.0, 1);
        assertThat(copy.size()).isEqualTo(n);
        assertThat(copy.step(n - 1)).isEqualTo(3 * (n - 1));
        assertThat(copy.value(2_048)).isEqualTo(2.048);
    }
}
