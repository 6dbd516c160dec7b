package org.twinbench.ui;

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

    /** One slice's summary so far: the mean (as a series, for decimation) and the band's edges. */
    static final class Band {
        final MetricHistory.Series mean = new MetricHistory.Series();
        double[] low = new double[64];
        double[] high = new double[64];

        private void add(int step, double[] values, int count) {
            double[] present = Arrays.copyOf(values, count);
            Arrays.sort(present);
            int size = mean.size();
            if (size == low.length) {
                low = Arrays.copyOf(low, size * 2);
                high = Arrays.copyOf(high, size * 2);
            }
            mean.add(step, count == 0 ? Double.NaN : Arrays.stream(present).sum() / count, count);
            low[size] = org.twinbench.sim.RunSeries.quantile(present, 0.05);
            high[size] = org.twinbench.sim.RunSeries.quantile(present, 0.95);
        }
    }

    private final List<List<StepResult>> byReplicate = new ArrayList<>();
    private final Map<String, Band> bands = new LinkedHashMap<>();
    private String metric;
    private int summarised;

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

    /** Every replicate's steps so far, replicate by replicate (for exports). */
    List<List<StepResult>> replicateSteps() {
        return byReplicate.stream().map(List::copyOf).toList();
    }

    void clear() {
        byReplicate.clear();
        bands.clear();
        metric = null;
        summarised = 0;
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
            for (List<StepResult> replicate : byReplicate) {
                StepResult result = replicate.get(i);
                collect(values, counts, MetricHistory.OVERALL, value(result.overall().asMap(), result), r);
                for (SliceMetrics slice : result.slices()) {
                    collect(values, counts, MetricHistory.sliceName(slice), slice.metrics().asMap().get(chosen), r);
                }
            }
            int step = byReplicate.get(0).get(i).step();
            values.forEach((slice, v) -> bands.computeIfAbsent(slice, key -> new Band()).add(step, v, counts.get(slice)));
        }
        summarised = Math.max(summarised, reached);
        return bands;
    }

    private Double value(Map<String, Double> overall, StepResult result) {
        Double value = overall.get(metric);
        return value != null ? value : result.measures().get(metric);
    }

    private static void collect(Map<String, double[]> values, Map<String, Integer> counts, String slice, Double value,
                                int replicates) {
        if (value == null || Double.isNaN(value)) {
            return;
        }
        int n = counts.merge(slice, 1, Integer::sum);
        values.computeIfAbsent(slice, key -> new double[replicates])[n - 1] = value;
    }
}
