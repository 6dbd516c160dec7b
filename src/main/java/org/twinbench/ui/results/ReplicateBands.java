package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.SliceMetrics;

/**
 * The mean and 90% band over replicates of one metric per slice, step by step, as the replicates
 * of a run arrive (each in step order, at its own pace). A step is summarised once every replicate
 * has reached it; the band is the 5th to 95th percentile with linear interpolation between order
 * statistics (R type 7, as {@link org.twinbench.sim.RunSeries#band} computes it for reports).
 */
final class ReplicateBands {

    /**
     * One slice's summary so far: the mean (as a series, for decimation; its count is how many
     * replicates had a value), the band's edges and the slice's rows per replicate (their mean).
     */
    static final class Band {
        final MetricHistory.Series mean = new MetricHistory.Series();
        double[] low = new double[64];
        double[] high = new double[64];
        int[] rows = new int[64];

        private void add(int step, double[] values, int count, long rowSum) {
            double[] present = Arrays.copyOf(values, count);
            Arrays.sort(present);
            int size = mean.size();
            if (size == low.length) {
                low = Arrays.copyOf(low, size * 2);
                high = Arrays.copyOf(high, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            mean.add(step, count == 0 ? Double.NaN : Arrays.stream(present).sum() / count, count);
            low[size] = org.twinbench.sim.RunSeries.quantile(present, 0.05);
            high[size] = org.twinbench.sim.RunSeries.quantile(present, 0.95);
            rows[size] = count == 0 ? 0 : (int) Math.round(rowSum / (double) count);
        }

        /** Index of the last summarised step, or -1 before any. */
        int last() {
            return mean.size() - 1;
        }
    }

    private final List<List<StepResult>> byReplicate = new ArrayList<>();
    private final Map<String, Band> bands = new LinkedHashMap<>();
    private String metric;
    private int summarised;
    /** The replicates' mean measures so far, and how many steps of every replicate they cover. */
    private final MetricHistory means = new MetricHistory();
    private int meansReached;

    /** Takes one result of any replicate. */
    void add(StepResult result) {
        while (byReplicate.size() <= result.replicate()) {
            byReplicate.add(new ArrayList<>());
        }
        byReplicate.get(result.replicate()).add(result);
    }

    int replicates() {
        return byReplicate.size();
    }

    /** Whether each of {@code expected} replicates has made at least one step. */
    boolean allStarted(int expected) {
        return byReplicate.size() >= expected && byReplicate.stream().noneMatch(List::isEmpty);
    }

    /** Every replicate's steps so far, as they grow (not copied: read them on the thread that adds). */
    List<List<StepResult>> replicateStepsView() {
        return java.util.Collections.unmodifiableList(byReplicate);
    }

    /** Every replicate's steps so far, replicate by replicate (for exports). */
    List<List<StepResult>> replicateSteps() {
        return byReplicate.stream().map(List::copyOf).toList();
    }

    void clear() {
        byReplicate.clear();
        bands.clear();
        metric = null;
        summarised = 0;
        means.clear();
        meansReached = 0;
    }

    /** The bands of {@code chosen} per slice, brought up to the last step all replicates reached. */
    Map<String, Band> bands(String chosen, int expectedReplicates) {
        if (!chosen.equals(metric)) {
            metric = chosen;
            bands.clear();
            summarised = 0;
        }
        if (byReplicate.size() < expectedReplicates) {
            return bands;
        }
        int reached = byReplicate.stream().mapToInt(List::size).min().orElse(0);
        int r = byReplicate.size();
        for (int i = summarised; i < reached; i++) {
            Map<String, double[]> values = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (List<StepResult> replicate : byReplicate) {
                StepResult result = replicate.get(i);
                collect(values, counts, rows, MetricHistory.OVERALL, value(result.overall(), result),
                        result.overall().n(), r);
                for (SliceMetrics slice : result.slices()) {
                    collect(values, counts, rows, MetricHistory.sliceName(slice), value(slice.metrics(), null),
                            slice.metrics().n(), r);
                }
            }
            int step = byReplicate.get(0).get(i).step();
            values.forEach((slice, v) -> bands.computeIfAbsent(slice, key -> new Band())
                    .add(step, v, counts.get(slice), rows.get(slice)));
        }
        summarised = Math.max(summarised, reached);
        return bands;
    }

    /** The chosen metric of {@code metrics}, else (overall only) the step's measure of that name; null if none. */
    private Double value(org.twinbench.stats.MetricSet metrics, StepResult overallOf) {
        int index = metrics.names().indexOf(metric);
        if (index >= 0) {
            return metrics.value(index);
        }
        return overallOf == null ? null : overallOf.measures().get(metric);
    }

    /**
     * The steps' measures (drift statistics, latency, cost) averaged over the replicates, brought up
     * to the last step all replicates reached, as a history of one replicate: what the drift heatmap
     * of a run with replicates shows. Grown step by step, never recomputed.
     */
    MetricHistory measureMeans() {
        int reached = byReplicate.stream().mapToInt(List::size).min().orElse(0);
        for (int i = meansReached; i < reached; i++) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (List<StepResult> replicate : byReplicate) {
                replicate.get(i).measures().forEach((name, v) -> {
                    if (!Double.isNaN(v)) {
                        double[] sum = sums.computeIfAbsent(name, key -> new double[2]);
                        sum[0] += v;
                        sum[1]++;
                    }
                });
            }
            Map<String, Double> mean = new LinkedHashMap<>();
            sums.forEach((name, sum) -> mean.put(name, sum[0] / sum[1]));
            StepResult first = byReplicate.get(0).get(i);
            means.add(new StepResult(0, first.step(), first.overall(), List.of(), mean, List.of()));
        }
        meansReached = Math.max(meansReached, reached);
        return means;
    }

    private static void collect(Map<String, double[]> values, Map<String, Integer> counts, Map<String, Long> rows,
                                String slice, Double value, int sliceRows, int replicates) {
        if (value == null || Double.isNaN(value)) {
            return;
        }
        int n = counts.merge(slice, 1, Integer::sum);
        rows.merge(slice, (long) sliceRows, Long::sum);
        values.computeIfAbsent(slice, key -> new double[replicates])[n - 1] = value;
    }

    /**
     * The mean over replicates of each whole-batch measure whose name {@code wanted} accepts, at
     * the last step every replicate has reached (replicates without the measure there are left
     * out); empty until {@code expectedReplicates} have reported.
     */
    Map<String, Double> latestMeasureMeans(java.util.function.Predicate<String> wanted, int expectedReplicates) {
        int reached = byReplicate.stream().mapToInt(List::size).min().orElse(0);
        if (byReplicate.size() < expectedReplicates || reached == 0) {
            return Map.of();
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (List<StepResult> replicate : byReplicate) {
            replicate.get(reached - 1).measures().forEach((name, value) -> {
                if (wanted.test(name) && value != null && !Double.isNaN(value)) {
                    double[] sum = sums.computeIfAbsent(name, key -> new double[2]);
                    sum[0] += value;
                    sum[1]++;
                }
            });
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
        return means;
    }
}
