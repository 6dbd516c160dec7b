package org.twinbench.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * Every value a run has produced so far, per metric and slice, as growable primitive arrays. Plain
 * Java (no JavaFX types) so it can be filled and read in unit tests; the view model turns it into
 * chart series and table rows.
 */
public final class MetricHistory {

    /** The name of the series that holds the whole batch. */
    public static final String OVERALL = "overall";

    /** One (metric, slice) series: steps and values in arrival order, plus the slice size. */
    public static final class Series {
        private int[] steps = new int[64];
        private double[] values = new double[64];
        private int[] counts = new int[64];
        private int size;

        void add(int step, double value, int n) {
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                values = Arrays.copyOf(values, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            steps[size] = step;
            values[size] = value;
            counts[size] = n;
            size++;
        }

        public int size() {
            return size;
        }

        Series copy() {
            Series copy = new Series();
            copy.steps = Arrays.copyOf(steps, Math.max(size, 1));
            copy.values = Arrays.copyOf(values, Math.max(size, 1));
            copy.counts = Arrays.copyOf(counts, Math.max(size, 1));
            copy.size = size;
            return copy;
        }

        public int step(int i) {
            return steps[i];
        }

        public double value(int i) {
            return values[i];
        }

        public int count(int i) {
            return counts[i];
        }

        public double lastValue() {
            return size == 0 ? Double.NaN : values[size - 1];
        }

        /** The mean of the first {@code k} present values (the baseline a change is measured from). */
        public double meanOfFirst(int k) {
            double sum = 0;
            int used = 0;
            for (int i = 0; i < size && used < k; i++) {
                if (!Double.isNaN(values[i])) {
                    sum += values[i];
                    used++;
                }
            }
            return used == 0 ? Double.NaN : sum / used;
        }
    }

    private final Map<String, Map<String, Series>> byMetric = new LinkedHashMap<>();
    private final Set<String> slices = new LinkedHashSet<>();
    private int lastStep = -1;

    /** An independent copy, safe to read on another thread while this one keeps growing. */
    public MetricHistory copy() {
        MetricHistory copy = new MetricHistory();
        copy.slices.addAll(slices);
        copy.lastStep = lastStep;
        byMetric.forEach((metric, bySlice) -> {
            Map<String, Series> copied = new LinkedHashMap<>();
            bySlice.forEach((slice, series) -> copied.put(slice, series.copy()));
            copy.byMetric.put(metric, copied);
        });
        return copy;
    }

    public void clear() {
        byMetric.clear();
        slices.clear();
        lastStep = -1;
    }

    /** Records one step (replicate 0; other replicates are summarised by the engine's bands). */
    public void add(StepResult result) {
        record(OVERALL, result.step(), result.overall());
        for (SliceMetrics slice : result.slices()) {
            record(sliceName(slice), result.step(), slice.metrics());
        }
        lastStep = Math.max(lastStep, result.step());
    }

    public static String sliceName(SliceMetrics slice) {
        return slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value());
    }

    private void record(String slice, int step, MetricSet metrics) {
        slices.add(slice);
        for (Map.Entry<String, Double> metric : metrics.asMap().entrySet()) {
            byMetric.computeIfAbsent(metric.getKey(), key -> new LinkedHashMap<>())
                    .computeIfAbsent(slice, key -> new Series()).add(step, metric.getValue(), metrics.n());
        }
    }

    public List<String> metrics() {
        return new ArrayList<>(byMetric.keySet());
    }

    /** Slice names in order of first appearance, {@value #OVERALL} first. */
    public List<String> slices() {
        return new ArrayList<>(slices);
    }

    public Series series(String metric, String slice) {
        Map<String, Series> bySlice = byMetric.get(metric);
        return bySlice == null ? null : bySlice.get(slice);
    }

    public int lastStep() {
        return lastStep;
    }
}
