package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;

class DecimatorTest {

    private static MetricHistory.Series series(double... values) {
        MetricHistory history = new MetricHistory();
        for (int step = 0; step < values.length; step++) {
            history.add(new StepResult(0, step, new MetricSet(10, values[step], 0, 0, 0, 0, 0, 0, 0), List.of()));
        }
        return history.series("accuracy", MetricHistory.OVERALL);
    }

    @Test
    void shortSeriesIsKeptWhole() {
        assertThat(Decimator.select(series(0.1, 0.2, 0.3), 10)).containsExactly(0, 1, 2);
    }

    @Test
    void longSeriesKeepsPeaksAndDipsAndTheLastPoint() {
        double[] values = new double[10_000];
        Arrays.fill(values, 0.8);
        values[1234] = 0.1;
        values[7777] = 0.99;
        int[] kept = Decimator.select(series(values), 50);
        assertThat(kept.length).isLessThanOrEqualTo(151);
        assertThat(kept).contains(1234, 7777, 0, 9999);
        for (int i = 1; i < kept.length; i++) {
            assertThat(kept[i]).isGreaterThan(kept[i - 1]);
        }
    }
}
