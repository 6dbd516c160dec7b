package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;
import org.twinbench.ui.results.LiveChartsViewModel;
import org.twinbench.ui.results.SliceRow;

/**
 * The slice table and the markers of a run with replicates, worked by hand: three replicates
 * whose values differ by a known amount, one of them a step ahead of the others.
 */
class ReplicateResultsTest {

    private static final double[] NORTH_BASE = {0.90, 0.84, 0.87};
    private static final int[] NORTH_ROWS = {60, 62, 58};
    private static final double[] WEST = {0.60, 0.66, 0.57};
    private static final int[] WEST_ROWS = {40, 38, 43};
    private static final double[] OVERALL = {0.80, 0.78, 0.79};
    private static final double[] NORTH_SELECTED = {0.5, 0.6, 0.4};
    private static final double[] WEST_SELECTED = {0.3, 0.45, 0.36};

    private static MetricSet accuracy(double value, int n) {
        return new MetricSet(n, value, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
    }

    /**
     * Replicate r at step s: north accuracy NORTH_BASE[r] - 0.01 s, west WEST[r], the selection
     * rates of a fairness monitor; replicate 2 also has a step 6 with very different values, which
     * the table must not use until the others reach it.
     */
    private static StepResult step(int r, int s) {
        boolean ahead = s == 6;
        return new StepResult(r, s, accuracy(ahead ? 0.1 : OVERALL[r], 100), List.of(
                new SliceMetrics("region", "north", accuracy(ahead ? 0.1 : NORTH_BASE[r] - 0.01 * s, NORTH_ROWS[r])),
                new SliceMetrics("region", "west", accuracy(ahead ? 0.99 : WEST[r], WEST_ROWS[r]))),
                Map.of("fair.region=north.selection_rate", ahead ? 0.9 : NORTH_SELECTED[r],
                        "fair.region=west.selection_rate", ahead ? 0.1 : WEST_SELECTED[r]),
                List.of());
    }

    private static LiveChartsViewModel threeReplicates() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.setReplicates(3);
        List<StepResult> batch = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < (r == 2 ? 7 : 6); s++) {
                batch.add(step(r, s));
            }
        }
        model.accept(batch);
        return model;
    }

    private static SliceRow row(LiveChartsViewModel model, String slice) {
        return model.rows().stream().filter(r -> r.slice().equals(slice)).findFirst().orElseThrow();
    }

    @Test
    void untilEveryReplicateHasStartedTheFirstIsShownAsItGoes() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.setReplicates(3);
        List<StepResult> first = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            first.add(step(0, s));
        }
        model.accept(first);
        // Replicates 1 and 2 have not started (the window runs them one after another): replicate 0's
        // own values, no band, the Wilson interval.
        assertThat(model.replicateBandsProperty().get()).isFalse();
        assertThat(model.curves().get(1).hasBand()).isFalse();
        assertThat(model.curves().get(1).size()).isEqualTo(6);
        assertThat(row(model, "region=north").latest()).isCloseTo(NORTH_BASE[0] - 0.05, within(1e-12));
        model.accept(List.of(step(1, 0), step(2, 0)));
        // Every replicate has a step: the mean with its band, up to the step all reached.
        assertThat(model.replicateBandsProperty().get()).isTrue();
        assertThat(model.curves().get(1).hasBand()).isTrue();
        assertThat(model.curves().get(1).size()).isEqualTo(1);
    }

    @Test
    void theSliceTableShowsTheMeanOverReplicatesAtTheLastStepAllReached() {
        LiveChartsViewModel model = threeReplicates();
        SliceRow north = row(model, "region=north");
        // Means over replicates: 0.87 - 0.01 s; at step 5 (replicates 0 and 1 stop there) 0.82.
        assertThat(north.latest()).isCloseTo(0.82, within(1e-12));
        // Baseline: the mean of the first five steps' means, 0.87 - 0.01 * 2 = 0.85.
        assertThat(north.change()).isCloseTo(0.82 - 0.85, within(1e-12));
        // Rows per replicate 60, 62, 58: mean 60.
        assertThat(north.n()).isEqualTo(60);
        SliceRow west = row(model, "region=west");
        assertThat(west.latest()).isCloseTo(0.61, within(1e-12));
        assertThat(west.change()).isCloseTo(0.0, within(1e-12));
        // 40, 38, 43: mean 40.33, shown as 40.
        assertThat(west.n()).isEqualTo(40);
        assertThat(row(model, "overall").latest()).isCloseTo(0.79, within(1e-12));
    }

    @Test
    void theIntervalIsTheReplicatesNinetyPercentBand() {
        LiveChartsViewModel model = threeReplicates();
        assertThat(model.replicateBandsProperty().get()).isTrue();
        SliceRow north = row(model, "region=north");
        // Step 5: {0.79, 0.82, 0.85}; R type 7: h = 2 * 0.05 = 0.1 -> 0.79 + 0.1 * 0.03,
        // h = 2 * 0.95 = 1.9 -> 0.82 + 0.9 * 0.03.
        assertThat(north.ciLow()).isCloseTo(0.793, within(1e-12));
        assertThat(north.ciHigh()).isCloseTo(0.847, within(1e-12));
        // West {0.57, 0.60, 0.66}: 0.57 + 0.1 * 0.03 and 0.60 + 0.9 * 0.06.
        SliceRow west = row(model, "region=west");
        assertThat(west.ciLow()).isCloseTo(0.573, within(1e-12));
        assertThat(west.ciHigh()).isCloseTo(0.654, within(1e-12));
    }

    @Test
    void gapToBestAndTheFourFifthsRatioUseTheMeansOverReplicates() {
        LiveChartsViewModel model = threeReplicates();
        SliceRow north = row(model, "region=north");
        SliceRow west = row(model, "region=west");
        assertThat(north.gapToBest()).isZero();
        assertThat(west.gapToBest()).isCloseTo(0.61 - 0.82, within(1e-12));
        assertThat(west.worst()).isTrue();
        assertThat(north.worst()).isFalse();
        // Selection rates at step 5, means over replicates: north 0.5, west 0.37 -> ratio 0.74, flagged
        // (replicate 0 alone would give 0.6, replicate 1 alone 0.75; replicate 2's step 6 is not used).
        assertThat(north.selectionRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(west.selectionRatio()).isCloseTo(0.74, within(1e-12));
        assertThat(west.failsFourFifths()).isTrue();
    }

    @Test
    void theTableFollowsWhenTheSlowestReplicateCatchesUp() {
        LiveChartsViewModel model = threeReplicates();
        model.accept(List.of(new StepResult(0, 6, accuracy(0.5, 100), List.of(
                new SliceMetrics("region", "north", accuracy(0.3, 60)))), new StepResult(1, 6, accuracy(0.5, 100),
                List.of(new SliceMetrics("region", "north", accuracy(0.6, 60))))));
        // Step 6, north: {0.3, 0.6, 0.1} -> mean 1/3.
        assertThat(row(model, "region=north").latest()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void aSingleReplicateKeepsTheWilsonInterval() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(List.of(step(0, 0)));
        assertThat(model.replicateBandsProperty().get()).isFalse();
        SliceRow north = row(model, "region=north");
        double[] wilson = SliceRow.wilson(0.9, 60);
        assertThat(north.ciLow()).isEqualTo(wilson[0]);
        assertThat(north.ciHigh()).isEqualTo(wilson[1]);
    }

    @Test
    void everyReplicatesAlarmsAreOneMarkerPerStepNodeAndKindWithTheirCount() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.setReplicates(3);
        model.accept(List.of(
                new StepResult(2, 2, accuracy(0.8, 100), List.of(), Map.of(),
                        List.of(new Alarm(2, 2, "watch", Alarm.ALARM, "accuracy 0.70 < 0.75"))),
                new StepResult(1, 2, accuracy(0.8, 100), List.of(), Map.of(),
                        List.of(new Alarm(1, 2, "policy", Alarm.RETRAIN, "retrained on 500 rows"))),
                new StepResult(0, 2, accuracy(0.8, 100), List.of(), Map.of(),
                        List.of(new Alarm(0, 2, "watch", Alarm.ALARM, "accuracy 0.72 < 0.75"))),
                new StepResult(1, 3, accuracy(0.8, 100), List.of(), Map.of(),
                        List.of(new Alarm(1, 3, "watch", Alarm.ALARM, "accuracy 0.74 < 0.75")))));
        assertThat(model.alarms()).extracting(Alarm::step, Alarm::nodeId, Alarm::kind, Alarm::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "watch", Alarm.ALARM,
                        "2 of 3 replicates: accuracy 0.72 < 0.75 (replicate 0)"),
                org.assertj.core.groups.Tuple.tuple(2, "policy", Alarm.RETRAIN,
                        "1 of 3 replicates: retrained on 500 rows (replicate 1)"),
                org.assertj.core.groups.Tuple.tuple(3, "watch", Alarm.ALARM,
                        "1 of 3 replicates: accuracy 0.74 < 0.75 (replicate 1)"));
        model.clear();
        assertThat(model.alarms()).isEmpty();
    }
}
