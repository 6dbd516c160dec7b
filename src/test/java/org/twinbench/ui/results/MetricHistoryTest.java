package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A series longer than its storage chunks keeps every value where it was put; slices keep their names
 * ("column=value", "(missing)" for the rows without one) and their values step after step, also after the
 * history is cleared for another run whose columns share values.
 */
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

    @Test
    void slicesAreNamedByColumnAndValueStepAfterStepAndAcrossRuns() {
        MetricHistory history = new MetricHistory();
        for (int step = 0; step < 3; step++) {
            history.add(new org.twinbench.sim.StepResult(0, step, metrics(100, 0.8), java.util.List.of(
                    new org.twinbench.stats.SliceMetrics("region", "north", metrics(60, 0.7 + step / 100.0)),
                    new org.twinbench.stats.SliceMetrics("region", null, metrics(10, 0.5)),
                    new org.twinbench.stats.SliceMetrics("type", "north", metrics(30, 0.9)))));
        }
        assertThat(history.slices()).containsExactly(MetricHistory.OVERALL, "region=north", "region=(missing)",
                "type=north");
        MetricHistory.Series north = history.series("accuracy", "region=north");
        assertThat(north.size()).isEqualTo(3);
        assertThat(north.value(2)).isEqualTo(0.72);
        assertThat(north.count(1)).isEqualTo(60);
        assertThat(history.series("accuracy", "type=north").value(0)).isEqualTo(0.9);

        history.clear();
        history.add(new org.twinbench.sim.StepResult(0, 0, metrics(100, 0.8), java.util.List.of(
                new org.twinbench.stats.SliceMetrics("type", "north", metrics(40, 0.6)))));
        assertThat(history.slices()).containsExactly(MetricHistory.OVERALL, "type=north");
        assertThat(history.series("accuracy", "type=north").value(0)).isEqualTo(0.6);
    }

    private static org.twinbench.stats.MetricSet metrics(int n, double accuracy) {
        return new org.twinbench.stats.MetricSet(n, accuracy, 0.6, 0.5, 0.55, 0.8, 0.4, 0.15, 0.03);
    }
}
