package org.twinbench.ui.results;

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
    public static final String OVERALL = StepResult.OVERALL;

    /**
     * The steps and slice sizes of one or more series, in arrival order, kept in fixed chunks, so
     * growing never copies what is stored (a doubling array copied every series at once when a long
     * run passed a power of two, a visible stall on the FX thread). The metrics of one slice share
     * one: they arrive together, and a long run keeps an eighth of the integers.
     */
    static final class Axis {
        static final int CHUNK_BITS = 10;
        static final int CHUNK = 1 << CHUNK_BITS;
        static final int MASK = CHUNK - 1;

        private int[][] steps = new int[4][];
        private int[][] counts = new int[4][];
        private int size;

        void add(int step, int n) {
            int chunk = size >>> CHUNK_BITS;
            if (chunk == steps.length) {
                steps = Arrays.copyOf(steps, chunk * 2);
                counts = Arrays.copyOf(counts, chunk * 2);
            }
            if (steps[chunk] == null) {
                steps[chunk] = new int[CHUNK];
                counts[chunk] = new int[CHUNK];
            }
            steps[chunk][size & MASK] = step;
            counts[chunk][size & MASK] = n;
            size++;
        }

        int step(int i) {
            return steps[i >>> CHUNK_BITS][i & MASK];
        }

        int count(int i) {
            return counts[i >>> CHUNK_BITS][i & MASK];
        }
    }

    /** One (metric, slice) series: values in arrival order, on an {@link Axis} of steps and slice sizes. */
    public static final class Series {
        private final Axis axis;
        /** Whether {@link #add} also grows the axis (false: the axis is shared and grown by its owner). */
        private final boolean ownsAxis;
        private double[][] values = new double[4][];
        private int size;

        public Series() {
            this(new Axis(), true);
        }

        private Series(Axis axis, boolean ownsAxis) {
            this.axis = axis;
            this.ownsAxis = ownsAxis;
        }

        void add(int step, double value, int n) {
            if (ownsAxis) {
                axis.add(step, n);
            }
            append(value);
        }

        /** The value at the axis's next position (which the axis's owner has added). */
        private void append(double value) {
            int chunk = size >>> Axis.CHUNK_BITS;
            if (chunk == values.length) {
                values = Arrays.copyOf(values, chunk * 2);
            }
            if (values[chunk] == null) {
                values[chunk] = new double[Axis.CHUNK];
            }
            values[chunk][size & Axis.MASK] = value;
            size++;
        }

        public int size() {
            return size;
        }

        Series copy() {
            Series copy = new Series();
            for (int i = 0; i < size; i++) {
                copy.add(step(i), value(i), count(i));
            }
            return copy;
        }

        public int step(int i) {
            return axis.step(i);
        }

        public double value(int i) {
            return values[i >>> Axis.CHUNK_BITS][i & Axis.MASK];
        }

        public int count(int i) {
            return axis.count(i);
        }

        public double lastValue() {
            return size == 0 ? Double.NaN : value(size - 1);
        }

        /** The mean of the first {@code k} present values (the baseline a change is measured from). */
        public double meanOfFirst(int k) {
            double sum = 0;
            int used = 0;
            for (int i = 0; i < size && used < k; i++) {
                double v = value(i);
                if (!Double.isNaN(v)) {
                    sum += v;
                    used++;
                }
            }
            return used == 0 ? Double.NaN : sum / used;
        }
    }

    private final Map<String, Map<String, Series>> byMetric = new LinkedHashMap<>();
    private final Set<String> slices = new LinkedHashSet<>();
    /** Per slice, its series of each metric in the order of its task's {@link MetricSet#names()}. */
    private final Map<String, Series[]> bySlice = new java.util.HashMap<>();
    private final List<org.twinbench.sim.Alarm> alarms = new ArrayList<>();
    /**
     * Slice names by column and value, made once a run: a step names the same slices as the one before,
     * and building "column=value" for each of them every step was garbage the FX thread made per update.
     */
    private final Map<String, Map<String, String>> names = new java.util.HashMap<>();
    private int lastStep = -1;

    /** An independent copy, safe to read on another thread while this one keeps growing. */
    public MetricHistory copy() {
        MetricHistory copy = new MetricHistory();
        copy.slices.addAll(slices);
        copy.alarms.addAll(alarms);
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
        bySlice.clear();
        slices.clear();
        alarms.clear();
        names.clear();
        lastStep = -1;
    }

    /** Records one step (replicate 0; other replicates are summarised by the engine's bands). */
    public void add(StepResult result) {
        record(OVERALL, result.step(), result.overall());
        for (SliceMetrics slice : result.slices()) {
            record(nameOf(slice), result.step(), slice.metrics());
        }
        // Figures that are not per-slice metrics (latency percentiles, cost, a monitor's estimate)
        // are kept as metrics of the whole batch.
        result.measures().forEach((name, value) -> byMetric.computeIfAbsent(name, key -> new LinkedHashMap<>())
                .computeIfAbsent(OVERALL, key -> new Series()).add(result.step(), value, result.overall().n()));
        alarms.addAll(result.alarms());
        lastStep = Math.max(lastStep, result.step());
    }

    public static String sliceName(SliceMetrics slice) {
        return slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value());
    }

    /** {@link #sliceName}, built the first time this history sees the slice and looked up after that. */
    private String nameOf(SliceMetrics slice) {
        Map<String, String> byValue = names.get(slice.column());
        if (byValue == null) {
            byValue = new java.util.HashMap<>();
            names.put(slice.column(), byValue);
        }
        String name = byValue.get(slice.value());
        if (name == null) {
            name = sliceName(slice);
            byValue.put(slice.value(), name);
        }
        return name;
    }

    /**
     * Appends a slice's metrics. Its series are looked up once per slice (then kept in metric order
     * of the task's {@link MetricSet#names()}), so a step costs no map look-up or boxing per value.
     */
    private void record(String slice, int step, MetricSet metrics) {
        Series[] series = bySlice.get(slice);
        if (series == null) {
            slices.add(slice);
            Axis axis = new Axis();
            series = new Series[metrics.names().size()];
            for (int m = 0; m < series.length; m++) {
                Series made = new Series(axis, false);
                series[m] = made;
                byMetric.computeIfAbsent(metrics.names().get(m), key -> new LinkedHashMap<>()).put(slice, made);
            }
            bySlice.put(slice, series);
        }
        series[0].axis.add(step, metrics.n());
        for (int m = 0; m < series.length; m++) {
            series[m].append(metrics.value(m));
        }
    }

    /** What monitors and policies signalled so far, in step order. */
    public List<org.twinbench.sim.Alarm> alarms() {
        return java.util.Collections.unmodifiableList(alarms);
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
