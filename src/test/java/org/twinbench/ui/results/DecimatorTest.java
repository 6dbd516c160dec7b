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

    /**
     * With the run's length known the buckets are as wide from the first point as at the last: 5,000 points in
     * 50 buckets need width 128 (5,000 / 64 = 79 buckets, too many; / 128 = 40), so the settled part is never
     * redrawn, and every full bucket keeps its first, lowest and highest point (worked out here by hand).
     */
    @Test
    void withTheLengthKnownTheSettledPointsNeverChange() {
        double[] values = new double[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5 + 0.4 * Math.sin(i * 0.37) * Math.cos(i * 0.011);
        }
        assertThat(Decimator.growingWidth(1, 50, 5_000)).isEqualTo(128);
        assertThat(Decimator.growingWidth(5_000, 50, 5_000)).isEqualTo(128);
        // Not known: every point while there are at most 150, then doubling as before; longer than expected too.
        assertThat(Decimator.growingWidth(150, 50, 0)).isZero();
        assertThat(Decimator.growingWidth(151, 50, 0)).isEqualTo(4);
        assertThat(Decimator.growingWidth(9_000, 50, 5_000)).isEqualTo(256);
        assertThat(Decimator.growingWidth(100, 50, 120)).isZero();
        int[] previous = null;
        int previousSettled = 0;
        for (int n = 1; n <= values.length; n++) {
            Decimator.Selection now = Decimator.selectGrowing(series(Arrays.copyOf(values, n)), 50, values.length);
            assertThat(now.indices()[now.indices().length - 1]).isEqualTo(n - 1);
            assertThat(now.settled()).isGreaterThanOrEqualTo(previousSettled);
            if (previous != null) {
                assertThat(Arrays.equals(previous, 0, previousSettled, now.indices(), 0, previousSettled))
                        .as("settled points at %d", n).isTrue();
            }
            previous = now.indices();
            previousSettled = now.settled();
        }
        // The whole series: 39 full buckets of 128 (and one open of 8), each its first, lowest and highest.
        java.util.TreeSet<Integer> expected = new java.util.TreeSet<>();
        for (int from = 0; from < values.length; from += 128) {
            int to = Math.min(values.length, from + 128);
            int low = from;
            int high = from;
            for (int i = from; i < to; i++) {
                low = values[i] < values[low] ? i : low;
                high = values[i] > values[high] ? i : high;
            }
            expected.add(from);
            expected.add(low);
            expected.add(high);
        }
        expected.add(values.length - 1);
        assertThat(previous).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(previousSettled).isEqualTo((int) expected.stream().filter(i -> i < 39 * 128).count());
    }
}
