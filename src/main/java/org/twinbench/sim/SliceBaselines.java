package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.sim.monitor.BaselineMonitor;

/**
 * Each slice's main metric beside the naive baseline on the same rows, over the first and the last tenth of the
 * steps (replicate means first, as {@link RunSummary}'s accuracy): a classifier's {@code accuracy} beside
 * {@code baseline.accuracy[slice]}, a regression's {@code rmse} beside {@code baseline.rmse[slice]}
 * ({@link BaselineMonitor}). For {@code run.json}'s worst slice and the report's slice table.
 *
 * @param metric {@code accuracy} or {@code rmse}
 */
public record SliceBaselines(String slice, String metric, double start, double end, double baselineStart,
                             double baselineEnd) {

    /** The run's main metric: {@code rmse} for a regression, {@code accuracy} otherwise. */
    public static String metric(RunSeries series) {
        return series.metricNames().contains("rmse") ? "rmse" : "accuracy";
    }

    /** Every slice of the run with its main metric, in order of first appearance. */
    public static List<SliceBaselines> of(RunSeries series) {
        String metric = metric(series);
        List<SliceBaselines> out = new ArrayList<>();
        for (String slice : series.slices(metric)) {
            out.add(of(series, slice));
        }
        return out;
    }

    /** One slice's figures (NaN where the run has no such series, e.g. a run recorded before baselines). */
    public static SliceBaselines of(RunSeries series, String slice) {
        String metric = metric(series);
        TenthMeans model = TenthMeans.of(series, slice, metric);
        TenthMeans naive = TenthMeans.of(series, slice, BaselineMonitor.ID + "." + metric);
        return new SliceBaselines(slice, metric, model.start(), model.end(), naive.start(), naive.end());
    }

    /** Whether the model is no better than the baseline in the last tenth (accuracy not above, RMSE not below). */
    public boolean noBetterAtEnd() {
        return !Double.isNaN(end) && !Double.isNaN(baselineEnd)
                && (metric.equals("rmse") ? end >= baselineEnd : end <= baselineEnd);
    }
}
