package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/** The view model alone, without the toolkit. */
class LiveChartsViewModelTest {

    private static MetricSet accuracy(double value, int n) {
        return new MetricSet(n, value, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
    }

    private static List<StepResult> steps(int from, int to) {
        List<StepResult> out = new ArrayList<>();
        for (int step = from; step < to; step++) {
            out.add(new StepResult(0, step, accuracy(0.8, 100), List.of(
                    new SliceMetrics("region", "north", accuracy(0.9 - 0.001 * step, 60)),
                    new SliceMetrics("region", "west", accuracy(0.6, 40)))));
        }
        return out;
    }

    @Test
    void batchesAppendToOneSeriesPerSlice() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 10));
        model.accept(steps(10, 25));
        assertThat(model.curves()).extracting(ChartCurve::name)
                .containsExactly("overall", "region=north", "region=west");
        assertThat(model.curves().get(1).size()).isEqualTo(25);
        assertThat(model.curves().get(1).values()[24]).isCloseTo(0.876, within(1e-12));
        assertThat(model.curves().get(1).steps()[24]).isEqualTo(24);
    }

    @Test
    void hidingASliceRemovesItsCurve() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 5));
        model.shownProperty("region=west").set(false);
        assertThat(model.curves()).extracting(ChartCurve::name).containsExactly("overall", "region=north");
        model.shownProperty("region=west").set(true);
        assertThat(model.curves()).extracting(ChartCurve::name).containsExactly("overall", "region=north", "region=west");
        // A slice's colour follows from its value by the report's rule: west's palette entry.
        assertThat(model.curves()).extracting(ChartCurve::colour).containsExactly(
                Arrays.stream(org.twinbench.report.SliceColours.indices(List.of("overall", "north", "west"))).boxed()
                        .toArray(Integer[]::new));
    }

    @Test
    void longRunsAreDecimatedForDisplay() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 10_000));
        assertThat(model.curves().get(0).size()).isLessThanOrEqualTo(3 * LiveCurves.DISPLAY_BUCKETS + 1);
        // The last point is always kept, and the steps stay in order.
        int[] steps = model.curves().get(1).steps();
        assertThat(steps[steps.length - 1]).isEqualTo(9_999);
        assertThat(steps).isSorted();
    }

    @Test
    void sliceTableFlagsTheWorstSliceAndMeasuresChange() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 20));
        SliceRow north = model.rows().stream().filter(r -> r.slice().equals("region=north")).findFirst().orElseThrow();
        // Baseline: mean of steps 0..4 = 0.898; latest (step 19) = 0.881.
        assertThat(north.change()).isCloseTo(0.881 - 0.898, within(1e-12));
        assertThat(north.n()).isEqualTo(60);
        SliceRow west = model.rows().stream().filter(r -> r.slice().equals("region=west")).findFirst().orElseThrow();
        assertThat(west.worst()).isTrue();
        assertThat(north.worst()).isFalse();
    }

    @Test
    void lowerIsBetterMetricsFlagTheHighestAsWorst() {
        List<SliceRow> rows = List.of(new SliceRow("overall", 100, 0.3, 0, 0, 0, false),
                new SliceRow("a", 50, 0.2, 0, 0, 0, false), new SliceRow("b", 50, 0.5, 0, 0, 0, false));
        assertThat(SliceTable.markWorst(rows, true)).filteredOn(SliceRow::worst).extracting(SliceRow::slice)
                .containsExactly("b");
    }

    @Test
    void aSliceUnderThirtyRowsIsShownButNeverFlaggedWorst() {
        // The 12-row slice is the least accurate, but its latest value is mostly noise: the worst of the slices
        // of at least 30 rows is flagged; with none that large, nothing is.
        List<SliceRow> rows = List.of(new SliceRow("overall", 100, 0.9, 0, 0, 0, false),
                new SliceRow("clinic=C", 12, 0.5, 0, 0, 0, false), new SliceRow("clinic=A", 30, 0.8, 0, 0, 0, false),
                new SliceRow("clinic=B", 58, 0.95, 0, 0, 0, false));
        List<SliceRow> marked = SliceTable.markWorst(rows, false);
        assertThat(marked).extracting(SliceRow::slice).containsExactly("overall", "clinic=C", "clinic=A", "clinic=B");
        assertThat(marked).filteredOn(SliceRow::worst).extracting(SliceRow::slice).containsExactly("clinic=A");
        assertThat(SliceTable.markWorst(List.of(rows.get(0), rows.get(1)), false)).noneMatch(SliceRow::worst);
    }

    @Test
    void wilsonIntervalMatchesPublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:857, Table I, example 81/263: 0.2553 to 0.3662.
        double[] ci = SliceRow.wilson(81 / 263.0, 263);
        assertThat(ci[0]).isCloseTo(0.2553, within(5e-5));
        assertThat(ci[1]).isCloseTo(0.3662, within(5e-5));
    }

    @Test
    void axisTicksAreRoundNumbers() {
        assertThat(LiveChartsView.niceTick(0.065)).isEqualTo(0.1);
        assertThat(LiveChartsView.niceTick(0.03)).isEqualTo(0.05);
        assertThat(LiveChartsView.niceTick(0.011)).isCloseTo(0.02, within(1e-15));
        assertThat(LiveChartsView.upperBound(0.97)).isEqualTo(1.0);
        assertThat(LiveChartsView.lowerBound(0.44)).isCloseTo(0.35, within(1e-12));
        assertThat(MetricPlot.format(-1e-17, 0.2)).isEqualTo("0.0");
        assertThat(MetricPlot.format(0.25, 0.05)).isEqualTo("0.25");
        assertThat(MetricPlot.format(1500, 250)).isEqualTo("1500");
    }

    @Test
    void measuresBecomeChartableAndAlarmsAreKept() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step < 4; step++) {
            steps.add(new StepResult(0, step, accuracy(0.8, 100), List.of(),
                    java.util.Map.of("latency_p95_ms", 40.0 + step), step == 2
                    ? List.of(new org.twinbench.sim.Alarm(0, 2, "watch", org.twinbench.sim.Alarm.ALARM, "accuracy fell"))
                    : List.of()));
        }
        model.accept(steps);
        assertThat(model.metricNames()).contains("accuracy", "latency_p95_ms");
        assertThat(model.alarms()).extracting(org.twinbench.sim.Alarm::step).containsExactly(2);
        model.metricProperty().set("latency_p95_ms");
        assertThat(model.curves()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("overall");
            assertThat(c.values()).containsExactly(40.0, 41.0, 42.0, 43.0);
        });
        assertThat(SliceTable.lowerIsBetter("latency_p95_ms")).isTrue();
    }

    @Test
    void whileStepsStreamTheTableFollowsAtMostFourTimesASecond() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<Runnable> fxThread = new java.util.concurrent.LinkedBlockingQueue<>();
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, fxThread::add);
        model.accept(steps(0, 5));
        // The chart follows every batch; the table's first update is handed over at once.
        assertThat(model.curves().get(1).size()).isEqualTo(5);
        fxThread.take().run();
        double afterFive = north(model).latest();
        model.accept(steps(5, 6));
        assertThat(model.curves().get(1).size()).isEqualTo(6);
        assertThat(north(model).latest()).as("the table waits").isEqualTo(afterFive);
        assertThat(fxThread).isEmpty();
        // The catch-up comes by itself a quarter of a second later, without another batch.
        Runnable catchUp = fxThread.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(catchUp).isNotNull();
        catchUp.run();
        assertThat(north(model).latest()).isCloseTo(0.9 - 0.001 * 5, within(1e-12));
        // A run's end shows the last values at once.
        model.accept(steps(6, 7));
        model.flush();
        assertThat(north(model).latest()).isCloseTo(0.9 - 0.001 * 6, within(1e-12));
    }

    private static SliceRow north(LiveChartsViewModel model) {
        return model.rows().stream().filter(r -> r.slice().equals("region=north")).findFirst().orElseThrow();
    }

    @Test
    void eachBatchIsOneRevision() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        long before = model.revisionProperty().get();
        model.accept(steps(0, 30));
        assertThat(model.revisionProperty().get()).isEqualTo(before + 1);
    }

    @Test
    void anUnchangedTableKeepsItsRows() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 5));
        List<SliceRow> changed = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<SliceRow>) change -> {
            while (change.next()) {
                changed.addAll(change.getAddedSubList());
            }
        });
        // Overall stays the same; north falls, and so does west's gap to north, the best slice.
        model.accept(steps(5, 6));
        assertThat(changed).extracting(SliceRow::slice).containsExactly("region=north", "region=west");
        model.flush();
        assertThat(changed).hasSize(2);
    }

    @Test
    void theNaiveBaselineIsDrawnDashedGreyBesideTheMetric() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            steps.add(new StepResult(0, step, accuracy(0.8, 100), List.of(),
                    java.util.Map.of("baseline.accuracy", (55 + step) / 100.0), List.of()));
        }
        model.accept(steps);
        assertThat(model.curves()).extracting(ChartCurve::name, ChartCurve::estimate, ChartCurve::colour)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("overall", false,
                                org.twinbench.report.SliceColours.indices(List.of("overall"))[0]),
                        org.assertj.core.groups.Tuple.tuple("majority guess", true, -1));
        assertThat(model.curves().get(1).values()).containsExactly(0.55, 0.56, 0.57);
        // A metric the baseline does not measure has none.
        model.metricProperty().set("f1");
        assertThat(model.curves()).extracting(ChartCurve::name).containsExactly("overall");
    }

    @Test
    void aCbpeEstimateIsDrawnDashedBesideTheTrueMetric() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            steps.add(new StepResult(0, step, accuracy(0.8, 100), List.of(),
                    java.util.Map.of("cbpe.estimated_accuracy", 0.7 + 0.01 * step, "cbpe.estimated_roc_auc", 0.6),
                    List.of()));
        }
        model.accept(steps);
        // The estimate takes the overall curve's colour.
        int overall = org.twinbench.report.SliceColours.indices(List.of("overall"))[0];
        assertThat(model.curves()).extracting(ChartCurve::name, ChartCurve::estimate, ChartCurve::colour)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("overall", false, overall),
                        org.assertj.core.groups.Tuple.tuple("cbpe estimate", true, overall));
        assertThat(model.curves().get(1).values()).containsExactly(0.7, 0.71, 0.72);
        model.metricProperty().set("f1");
        assertThat(model.curves()).extracting(ChartCurve::name).containsExactly("overall");
    }

    @Test
    void sliceTableShowsGapToBestAndFlagsTheFourFifthsRule() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        // Selection rates: north 0.5, west 0.36 (ratio 0.72 < 0.8, flagged), as a fairness monitor records them.
        model.accept(List.of(new StepResult(0, 0, accuracy(0.8, 100), List.of(
                new SliceMetrics("region", "north", accuracy(0.9, 60)), new SliceMetrics("region", "west", accuracy(0.6, 40))),
                java.util.Map.of("metrics.region=north.selection_rate", 0.5, "metrics.region=west.selection_rate", 0.36),
                List.of())));
        SliceRow north = model.rows().stream().filter(r -> r.slice().equals("region=north")).findFirst().orElseThrow();
        SliceRow west = model.rows().stream().filter(r -> r.slice().equals("region=west")).findFirst().orElseThrow();
        SliceRow overall = model.rows().get(0);
        assertThat(north.gapToBest()).isZero();
        assertThat(west.gapToBest()).isCloseTo(0.6 - 0.9, within(1e-12));
        assertThat(north.selectionRatio()).isEqualTo(1.0);
        assertThat(north.failsFourFifths()).isFalse();
        assertThat(west.selectionRatio()).isCloseTo(0.72, within(1e-12));
        assertThat(west.failsFourFifths()).isTrue();
        assertThat(overall.gapToBest()).isNaN();
        assertThat(overall.failsFourFifths()).isFalse();
        assertThat(SliceRowCells.ratio(west)).isEqualTo("0.72 < 0.8");
        // For a lower-is-better metric the best slice is the lowest.
        model.metricProperty().set("log_loss");
        assertThat(model.rows().stream().filter(r -> !r.slice().equals("overall")).mapToDouble(SliceRow::gapToBest))
                .containsOnly(0.0);
    }

    @Test
    void gapToBestComparesSlicesOfTheSameColumnOnly() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(List.of(new StepResult(0, 0, accuracy(0.8, 200), List.of(
                new SliceMetrics("region", "north", accuracy(0.9, 60)), new SliceMetrics("region", "west", accuracy(0.6, 40)),
                new SliceMetrics("gender", "f", accuracy(0.95, 17)), new SliceMetrics("gender", "m", accuracy(0.7, 83))),
                java.util.Map.of(), List.of())));
        java.util.Map<String, Double> gaps = new java.util.HashMap<>();
        model.rows().forEach(r -> gaps.put(r.slice(), r.gapToBest()));
        // West against north (0.9), not against the gender slice f (0.95); m against f.
        assertThat(gaps.get("region=west")).isCloseTo(0.6 - 0.9, within(1e-12));
        assertThat(gaps.get("region=north")).isZero();
        assertThat(gaps.get("gender=m")).isCloseTo(0.7 - 0.95, within(1e-12));
    }

    @Test
    void replicatesAreDrawnAsMeanAndNinetyPercentBandUpToTheStepAllReached() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.setReplicates(3);
        List<StepResult> batch = new ArrayList<>();
        double[] accuracies = {0.7, 0.9, 0.8};
        int[] reached = {5, 3, 4};
        for (int r = 0; r < 3; r++) {
            for (int step = 0; step < reached[r]; step++) {
                batch.add(new StepResult(r, step, accuracy(accuracies[r], 100), List.of()));
            }
        }
        model.accept(batch);
        ChartCurve overall = model.curves().get(0);
        // Replicate 1 has reached step 2 only.
        assertThat(overall.steps()).containsExactly(0, 1, 2);
        assertThat(overall.hasBand()).isTrue();
        // Mean 0.8; R type 7 percentiles of {0.7, 0.8, 0.9}: 0.7 + 0.1 * 0.1 and 0.8 + 0.9 * 0.1.
        assertThat(overall.values()[0]).isCloseTo(0.8, within(1e-12));
        assertThat(overall.low()[0]).isCloseTo(0.71, within(1e-12));
        assertThat(overall.high()[0]).isCloseTo(0.89, within(1e-12));
        // The slice table and the CSV export keep to what each replicate reported.
        assertThat(model.results()).hasSize(5);
        model.accept(List.of(new StepResult(1, 3, accuracy(0.9, 100), List.of())));
        assertThat(model.curves().get(0).steps()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void historyKeepsEveryMetricUnderItsName() {
        MetricSet set = new MetricSet(10, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
        MetricHistory history = new MetricHistory();
        history.add(new StepResult(0, 0, set, List.of(new SliceMetrics("region", "north", set))));
        for (String name : MetricSet.NAMES) {
            assertThat(history.series(name, "overall").value(0)).as(name).isEqualTo(set.get(name));
            assertThat(history.series(name, "region=north").value(0)).as(name).isEqualTo(set.get(name));
        }
    }

    @Test
    void aCalendarReplayNamesItsStepsByTheirWindowStart() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        List<StepResult> months = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            months.add(new StepResult(0, step, accuracy(0.8, 100), List.of(), java.util.Map.of(), List.of(), null,
                    "2025-0" + (step + 1) + "-01"));
        }
        model.accept(months);
        assertThat(model.windowStart(0)).isEqualTo("2025-01-01");
        assertThat(model.windowStart(2)).isEqualTo("2025-03-01");
        assertThat(model.windowStart(3)).isNull();
        model.clear();
        model.accept(steps(0, 3));
        assertThat(model.windowStart(0)).as("row-count steps have no window").isNull();
    }
}
