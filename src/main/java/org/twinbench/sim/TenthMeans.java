package org.twinbench.sim;

/**
 * A series' mean over the first and over the last tenth of a run's steps (at least one step each; the replicates'
 * mean at each step first, steps without a value left out): the start and end figures that {@code run.json}'s
 * summary, the slice table's baselines and a multiclass headline quote. The verdicts judge pooled rows instead
 * ({@link JudgedGroups}).
 *
 * @param slice the series' slice ({@link StepResult#OVERALL} for the whole data)
 * @param start the mean over the first tenth (NaN without values there)
 * @param end the mean over the last tenth
 */
record TenthMeans(String slice, double start, double end) {

    /** {@code metric}'s means for {@code slice}; both NaN when the run has no such series. */
    static TenthMeans of(RunSeries series, String slice, String metric) {
        RunSeries.Key key = new RunSeries.Key(slice, metric);
        if (series.values(key).isEmpty()) {
            return new TenthMeans(slice, Double.NaN, Double.NaN);
        }
        double[] mean = series.band(key).mean();
        int window = Math.max(1, series.steps() / 10);
        return new TenthMeans(slice, meanOf(mean, 0, window), meanOf(mean, series.steps() - window, series.steps()));
    }

    /** The end's figure minus the start's. */
    double change() {
        return end - start;
    }

    /** The mean of {@code values[from, to)} leaving out NaN, or NaN when none is left. */
    static double meanOf(double[] values, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(to, values.length); i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
