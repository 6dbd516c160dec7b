package org.twinbench.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary figures of a regression or multiclass run, for {@code run.json}: its task, the means of its own
 * metrics over the first and the last tenth of the steps (replicate means first, as {@link RunSummary}'s
 * accuracy), and its fairness figures ({@link TaskFairness}).
 * <ul>
 *   <li>regression: {@code rmse_start}, {@code rmse_end}, {@code rmse_max} (the highest replicate-mean step),
 *       {@code mae_start}, {@code mae_end}; the worst slice is the one whose RMSE rose most (relatively), with
 *       {@code worst_slice_rmse_start} and {@code worst_slice_rmse_end};</li>
 *   <li>multiclass: {@code macro_f1_start}, {@code macro_f1_end} beside the accuracy {@link RunSummary} has.</li>
 * </ul>
 *
 * @param figures the figures by their {@code run.json} key, in order (NaN where undefined)
 * @param worstSlice a regression's slice with the largest relative RMSE rise (null without slices or for multiclass)
 */
public record TaskFigures(String task, Map<String, Double> figures, String worstSlice, List<TaskFairness> fairness) {

    public TaskFigures {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        fairness = List.copyOf(fairness);
    }

    /** The figures of a regression or multiclass run; null for a binary one. {@code outcome} null: no fairness. */
    public static TaskFigures of(RunSeries series, RunOutcome outcome) {
        List<TaskFairness> fairness = outcome == null ? List.of() : TaskFairness.of(outcome, series);
        Map<String, Double> figures = new LinkedHashMap<>();
        if (series.metricNames().contains("rmse")) {
            TenthMeans rmse = TenthMeans.of(series, StepResult.OVERALL, "rmse");
            TenthMeans mae = TenthMeans.of(series, StepResult.OVERALL, "mae");
            figures.put("rmse_start", rmse.start());
            figures.put("rmse_end", rmse.end());
            figures.put("rmse_max", highest(series, new RunSeries.Key(StepResult.OVERALL, "rmse")));
            figures.put("mae_start", mae.start());
            figures.put("mae_end", mae.end());
            TenthMeans worst = worstRise(series, "rmse");
            figures.put("worst_slice_rmse_start", worst == null ? Double.NaN : worst.start());
            figures.put("worst_slice_rmse_end", worst == null ? Double.NaN : worst.end());
            return new TaskFigures("regression", figures, worst == null ? null : worst.slice(), fairness);
        }
        if (series.metricNames().contains("macro_f1")) {
            TenthMeans f1 = TenthMeans.of(series, StepResult.OVERALL, "macro_f1");
            figures.put("macro_f1_start", f1.start());
            figures.put("macro_f1_end", f1.end());
            return new TaskFigures("multiclass", figures, null, fairness);
        }
        return null;
    }

    /** The slice whose {@code metric} rose most relative to its start, or null without slices. */
    private static TenthMeans worstRise(RunSeries series, String metric) {
        TenthMeans worst = null;
        for (String slice : series.slices(metric)) {
            TenthMeans change = TenthMeans.of(series, slice, metric);
            double rise = relativeRise(change);
            if (!Double.isNaN(rise) && (worst == null || rise > relativeRise(worst))) {
                worst = change;
            }
        }
        return worst;
    }

    private static double relativeRise(TenthMeans change) {
        return change.start() > 0 ? change.change() / change.start() : change.change() > 0 ? Double.POSITIVE_INFINITY
                : change.change() == 0 ? 0 : Double.NaN;
    }

    private static double highest(RunSeries series, RunSeries.Key key) {
        if (series.values(key).isEmpty()) {
            return Double.NaN;
        }
        return java.util.Arrays.stream(series.band(key).mean()).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
    }
}
