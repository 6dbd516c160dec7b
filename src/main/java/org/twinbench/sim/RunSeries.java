package org.twinbench.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinbench.stats.SliceMetrics;

/**
 * A run as series: for every (slice, metric) the values of each replicate at each step, NaN where a
 * step has no value (e.g. a slice with no rows that step). Slice {@value StepResult#OVERALL} is all rows;
 * measures of monitors and the deployment are series of slice {@value StepResult#OVERALL} too, except a measure
 * of one slice ({@link #measureKey}).
 */
public final class RunSeries {


    /** One series: a metric of one slice, e.g. ({@code region=north}, {@code accuracy}). */
    public record Key(String slice, String metric) {
        @Override
        public String toString() {
            return StepResult.OVERALL.equals(slice) ? metric : metric + "[" + slice + "]";
        }
    }

    /** Mean and 90% band over replicates, per step: the 5th and 95th percentiles (linear interpolation). */
    public record Band(double[] mean, double[] low, double[] high) {
    }

    private final Map<Key, double[][]> values = new LinkedHashMap<>();
    private final int replicates;
    private final int steps;

    private final String[] windowStarts;

    private RunSeries(int replicates, int steps) {
        this.replicates = replicates;
        this.steps = steps;
        this.windowStarts = new String[steps];
    }

    public static RunSeries of(RunOutcome outcome) {
        int steps = outcome.replicates().stream().mapToInt(List::size).max().orElse(0);
        RunSeries series = new RunSeries(outcome.replicates().size(), steps);
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                series.putAll(StepResult.OVERALL, result.overall(), result);
                for (SliceMetrics slice : result.slices()) {
                    series.putAll(StepRows.sliceName(slice), slice.metrics(), result);
                }
                result.measures().forEach((m, v) -> {
                    Key key = measureKey(m);
                    series.put(key.slice(), key.metric(), result, v);
                });
                if (result.windowStart() != null) {
                    series.windowStarts[result.step()] = result.windowStart();
                }
            }
        }
        return series;
    }

    /**
     * The series of a step measure: a measure of one slice is named as a slice's metric is,
     * {@code metric[column=value]} (e.g. {@code baseline.accuracy[region=north]}: the name ends in {@code ]} and no
     * {@code =} comes before its first {@code [}); any other measure is a series of slice {@value StepResult#OVERALL}.
     */
    public static Key measureKey(String measure) {
        int open = measure.indexOf('[');
        if (open > 0 && measure.endsWith("]") && measure.lastIndexOf('=', open) < 0
                && measure.indexOf('=', open) > open + 1) {
            return new Key(measure.substring(open + 1, measure.length() - 1), measure.substring(0, open));
        }
        return new Key(StepResult.OVERALL, measure);
    }

    private void putAll(String slice, org.twinbench.stats.MetricSet metrics, StepResult result) {
        List<String> names = metrics.names();
        for (int m = 0; m < names.size(); m++) {
            put(slice, names.get(m), result, metrics.value(m));
        }
    }

    private void put(String slice, String metric, StepResult result, double value) {
        double[][] table = values.computeIfAbsent(new Key(slice, metric), k -> {
            double[][] empty = new double[replicates][steps];
            for (double[] row : empty) {
                Arrays.fill(row, Double.NaN);
            }
            return empty;
        });
        table[result.replicate()][result.step()] = value;
    }

    /**
     * The model metrics of the run, in report order: those of its task ({@link org.twinbench.stats.MetricSet#names}),
     * e.g. {@code mae, rmse, r2, mape} for a regression.
     */
    public List<String> metricNames() {
        return values.keySet().stream().filter(k -> k.slice().equals(StepResult.OVERALL)
                && org.twinbench.stats.MetricSet.isMetric(k.metric())).map(Key::metric).toList();
    }

    public List<Key> keys() {
        return new ArrayList<>(values.keySet());
    }

    public Optional<double[][]> values(Key key) {
        return Optional.ofNullable(values.get(key));
    }

    public int steps() {
        return steps;
    }

    /**
     * The first day of each step's calendar window (ISO dates) for a calendar replay; empty when steps
     * are counted in rows.
     */
    public List<String> windowStarts() {
        for (String start : windowStarts) {
            if (start == null) {
                return List.of();
            }
        }
        return List.of(windowStarts);
    }

    public int replicates() {
        return replicates;
    }

    /** Slices (other than overall) that have a series of {@code metric}, in order of first appearance. */
    public List<String> slices(String metric) {
        return values.keySet().stream().filter(k -> k.metric().equals(metric) && !k.slice().equals(StepResult.OVERALL))
                .map(Key::slice).toList();
    }

    public Band band(Key key) {
        double[][] table = values.get(key);
        double[] mean = new double[steps];
        double[] low = new double[steps];
        double[] high = new double[steps];
        for (int s = 0; s < steps; s++) {
            double[] column = new double[replicates];
            int n = 0;
            for (double[] row : table) {
                if (!Double.isNaN(row[s])) {
                    column[n++] = row[s];
                }
            }
            double[] present = Arrays.copyOf(column, n);
            Arrays.sort(present);
            mean[s] = n == 0 ? Double.NaN : Arrays.stream(present).sum() / n;
            low[s] = quantile(present, 0.05);
            high[s] = quantile(present, 0.95);
        }
        return new Band(mean, low, high);
    }

    /** The p-quantile of sorted values by linear interpolation between order statistics (R type 7). */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
