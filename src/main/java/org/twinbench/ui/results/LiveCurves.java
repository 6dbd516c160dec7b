package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.twinbench.sim.monitor.BaselineMonitor;

/**
 * Builds the live chart's curves of one metric from a run's values so far: the overall curve, the worst
 * shown slices and the others' mean ({@link TopSlices}), each decimated; then, beside the overall curve
 * and dashed, each monitor's label-free estimate of the metric in the overall colour and the naive
 * baseline on the same rows in grey. Plain Java: the state stays in {@link LiveChartsViewModel}.
 */
final class LiveCurves {

    /** Buckets of the display decimation: at most about three points per bucket are drawn. */
    static final int DISPLAY_BUCKETS = 200;
    /** The suffix of a CBPE monitor's measure that estimates metric {@code m}: {@code <id>.estimated_m}. */
    static final String ESTIMATE_PREFIX = ".estimated_";
    /** The legend of the baseline beside accuracy: always answering the reference rows' majority class. */
    static final String MAJORITY_GUESS = "majority guess";
    /** The legend of the baseline beside MAE or RMSE: always predicting the reference rows' mean. */
    static final String MEAN_GUESS = "mean guess";

    private LiveCurves() {
    }

    /**
     * The curves of {@code chosen}.
     *
     * @param slices every slice so far, in the order they first appeared
     * @param shown whether a slice is shown
     * @param bands each slice's band over replicates, or null for a single run
     * @param baseline whether to draw the naive baseline (the {@code baseline.<metric>} measure) where it exists
     * @param expected the run's steps (0 when not known): the curves' buckets are then as wide from the first step
     *     as at the last, so a growing curve is only ever added to ({@link Decimator#selectGrowing})
     */
    static List<ChartCurve> of(MetricHistory history, String chosen, List<String> slices, Predicate<String> shown,
                               Map<String, ReplicateBands.Band> bands, boolean baseline, int expected) {
        List<ChartCurve> fresh = new ArrayList<>(TopSlices.curves(slices, shown, bands == null ? null : bands::get,
                slice -> history.series(chosen, slice), SliceTable.lowerIsBetter(chosen), DISPLAY_BUCKETS, expected));
        if (!slices.contains(MetricHistory.OVERALL) || !shown.test(MetricHistory.OVERALL)) {
            return fresh;
        }
        int colour = fresh.stream().filter(c -> c.name().equals(MetricHistory.OVERALL)).mapToInt(ChartCurve::colour)
                .findFirst().orElse(TopSlices.colours(List.of(MetricHistory.OVERALL))[0]);
        for (String name : history.metrics()) {
            if (name.endsWith(ESTIMATE_PREFIX + chosen)) {
                String monitor = name.substring(0, name.length() - ESTIMATE_PREFIX.length() - chosen.length());
                fresh.add(ChartCurve.decimated(monitor + " estimate", colour,
                        history.series(name, MetricHistory.OVERALL), true, DISPLAY_BUCKETS, expected));
            }
        }
        // The naive baseline on the same rows, dashed grey: a figure is read beside what guessing gives.
        MetricHistory.Series guess = history.series(baselineMeasure(chosen), MetricHistory.OVERALL);
        if (baseline && guess != null && guess.size() > 0) {
            fresh.add(ChartCurve.decimated(baselineName(chosen), -1, guess, true, DISPLAY_BUCKETS, expected));
        }
        return fresh;
    }

    /** The run's measure of the naive baseline of {@code metric} ({@code baseline.accuracy}, {@code baseline.rmse}). */
    static String baselineMeasure(String metric) {
        return BaselineMonitor.ID + "." + metric;
    }

    /** The baseline's legend: the majority guess for accuracy, the mean guess for errors of amounts. */
    static String baselineName(String metric) {
        return "accuracy".equals(metric) ? MAJORITY_GUESS : MEAN_GUESS;
    }
}
