package org.twinbench.ui.results;

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

    @Test
    void growingSeriesUsesPowerOfTwoBucketsAndOnlyFullOnesAreSettled() {
        // 2 buckets of 3 points each at most; 7 points need width 4: buckets [0,4) full, [4,7) open.
        double[] values = {0.5, 0.9, 0.1, 0.5, 0.6, 0.2, 0.4};
        Decimator.Selection selection = Decimator.selectGrowing(series(values), 2);
        assertThat(selection.indices()).containsExactly(0, 1, 2, 4, 5, 6);
        assertThat(selection.settled()).isEqualTo(3);
        // Short series: every point kept and settled.
        assertThat(Decimator.selectGrowing(series(0.1, 0.2), 2).indices()).containsExactly(0, 1);
        assertThat(Decimator.selectGrowing(series(0.1, 0.2), 2).settled()).isEqualTo(2);
    }

    @Test
    void settledPointsStayTheSameAsTheSeriesGrows() {
        double[] values = new double[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5 + 0.4 * Math.sin(i * 0.37) * Math.cos(i * 0.011);
        }
        int[] previous = null;
        int previousSettled = 0;
        int redrawn = 0;
        for (int n = 1; n <= values.length; n++) {
            Decimator.Selection now = Decimator.selectGrowing(series(Arrays.copyOf(values, n)), 50);
            assertThat(now.indices().length).isLessThanOrEqualTo(151);
            assertThat(now.indices()[now.indices().length - 1]).isEqualTo(n - 1);
            if (previous != null) {
                boolean kept = now.settled() >= previousSettled && Arrays.equals(previous, 0, previousSettled,
                        now.indices(), 0, previousSettled);
                redrawn += kept ? 0 : 1;
            }
            previous = now.indices();
            previousSettled = now.settled();
        }
        // Only when the bucket width doubles (150 -> 4 wide at 151, then 8, 16, 32, 64, 128) does the
        // settled part change: six times in 5,000 steps.
        assertThat(redrawn).isEqualTo(6);
    }
}
