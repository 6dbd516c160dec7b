package org.twinbench.sim;

/**
 * A series' mean over the first and over the last tenth of a run's steps (at least one step each; the replicates'
 * mean at each step first, steps without a value left out): the start and end figures that {@code run.json}'s
 * summary, the slice table's baselines and a multiclass headline quote. The verdicts judge pooled rows instead
 * ({@link JudgedGroups}). {@link RunSummary} (run.json's {@code accuracy_start}/{@code accuracy_end}) and the HTML
 * report's first-tenth → last-tenth rows take their figures from here too, so every place quotes the same digits.
 *
 * <p>The means use compensated summation ({@link java.util.stream.DoubleStream#average()}), so they are Python's
 * {@code math.fsum(x) / len(x)} (the correctly rounded sum over the count); numpy's and pandas' {@code mean} add
 * naively below eight values (pairwise above) and may differ from it in the last place (0.1, 0.2, 0.3: numpy
 * 0.20000000000000004, fsum and here 0.19999999999999998).
 *
 * @param slice the series' slice ({@link StepResult#OVERALL} for the whole data)
 * @param start the mean over the first tenth (NaN without values there)
 * @param end the mean over the last tenth
 */
public record TenthMeans(String slice, double start, double end) {

    /** {@code metric}'s means for {@code slice}; both NaN when the run has no such series. */
    public static TenthMeans of(RunSeries series, String slice, String metric) {
        RunSeries.Key key = new RunSeries.Key(slice, metric);
        if (series.values(key).isEmpty()) {
            return new TenthMeans(slice, Double.NaN, Double.NaN);
        }
        double[] mean = series.band(key).mean();
        int window = Math.max(1, series.steps() / 10);
        return new TenthMeans(slice, meanOf(mean, 0, window), meanOf(mean, series.steps() - window, series.steps()));
    }

    /** The end's figure minus the start's. */
    public double change() {
        return end - start;
    }

    /** The mean of {@code values[from, to)} leaving out NaN (compensated summation), or NaN when none is left. */
    static double meanOf(double[] values, int from, int to) {
        int lo = Math.max(0, from);
        int hi = Math.min(to, values.length);
        if (lo >= hi) {
            return Double.NaN;
        }
        return java.util.Arrays.stream(values, lo, hi).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
