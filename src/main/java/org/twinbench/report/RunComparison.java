package org.twinbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinbench.sim.StepRows;
import org.twinbench.sim.store.RunStore;

/**
 * Runs read back from the run store for display and comparison: per metric and slice, the value at
 * each step (the mean over the run's replicates), and a table of differences between runs.
 */
public final class RunComparison {

    /** One stored run's curves. */
    public record RunCurves(RunStore.StoredRun run, Map<String, Map<String, double[]>> byMetric,
                            List<RunStore.StoredAlarm> alarms) {

        /** E.g. "#12 Loans: recession and a new region". */
        public String label() {
            return "#" + run.id() + " " + run.scenarioName();
        }

        public double[] curve(String metric, String slice) {
            Map<String, double[]> bySlice = byMetric.get(metric);
            return bySlice == null ? null : bySlice.get(slice);
        }
    }

    /**
     * One row of the differences table: a metric of a slice, its mean over the steps in every run, and
     * the last run's mean minus the first's.
     */
    public record Difference(String slice, String metric, double[] means, double change) {
    }

    private RunComparison() {
    }

    public static RunCurves load(RunStore store, long id) {
        RunStore.StoredRun run = store.find(id).orElseThrow(() -> new IllegalArgumentException("no run #" + id));
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        int steps = run.steps();
        try {
            store.forEachStepRow(id, (replicate, step, slice, metric, value) -> {
                if (value.isEmpty() || step >= steps || metric.equals(StepRows.WINDOW_START)) {
                    return;
                }
                double v = Double.parseDouble(value);
                sums.computeIfAbsent(metric, k -> new LinkedHashMap<>()).computeIfAbsent(slice, k -> new double[steps])[step] += v;
                counts.computeIfAbsent(metric, k -> new LinkedHashMap<>()).computeIfAbsent(slice, k -> new int[steps])[step]++;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, double[]>> means = new LinkedHashMap<>();
        sums.forEach((metric, bySlice) -> bySlice.forEach((slice, total) -> {
            int[] n = counts.get(metric).get(slice);
            double[] curve = new double[steps];
            for (int s = 0; s < steps; s++) {
                curve[s] = n[s] == 0 ? Double.NaN : total[s] / n[s];
            }
            means.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(slice, curve);
        }));
        return new RunCurves(run, means, store.alarms(id));
    }

    /**
     * The 90% band over a stored run's replicates of one metric of one slice, per step: the 5th and
     * 95th percentiles of the replicates' values (R type 7, as {@link org.twinbench.sim.RunSeries#band}
     * computes it for reports); NaN at a step where no replicate has a value.
     */
    public record StoredBand(double[] low, double[] high) {
    }

    /** Reads the band of {@code metric} in {@code slice} of run {@code id} from the store. */
    public static StoredBand band(RunStore store, long id, String metric, String slice) {
        RunStore.StoredRun run = store.find(id).orElseThrow(() -> new IllegalArgumentException("no run #" + id));
        int steps = run.steps();
        double[][] values = new double[steps][];
        int[] counts = new int[steps];
        try {
            store.forEachStepRow(id, (replicate, step, rowSlice, rowMetric, value) -> {
                if (value.isEmpty() || step >= steps || !rowMetric.equals(metric) || !rowSlice.equals(slice)
                        || rowMetric.equals(StepRows.WINDOW_START)) {
                    return;
                }
                double v = Double.parseDouble(value);
                if (Double.isNaN(v)) {
                    return;
                }
                if (values[step] == null) {
                    values[step] = new double[Math.max(1, run.replicates())];
                } else if (counts[step] == values[step].length) {
                    values[step] = java.util.Arrays.copyOf(values[step], counts[step] * 2);
                }
                values[step][counts[step]++] = v;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] low = new double[steps];
        double[] high = new double[steps];
        for (int s = 0; s < steps; s++) {
            double[] present = counts[s] == 0 ? new double[0] : java.util.Arrays.copyOf(values[s], counts[s]);
            java.util.Arrays.sort(present);
            low[s] = org.twinbench.sim.RunSeries.quantile(present, 0.05);
            high[s] = org.twinbench.sim.RunSeries.quantile(present, 0.95);
        }
        return new StoredBand(low, high);
    }

    /** Every (slice, metric) present in any run, with each run's mean over its steps. */
    public static List<Difference> differences(List<RunCurves> runs) {
        Set<String> keys = new LinkedHashSet<>();
        for (RunCurves run : runs) {
            run.byMetric().forEach((metric, bySlice) -> bySlice.keySet().forEach(slice -> keys.add(slice + "\u0000" + metric)));
        }
        List<Difference> out = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("\u0000");
            if (parts[1].equals("n")) {
                continue;
            }
            double[] means = new double[runs.size()];
            for (int r = 0; r < runs.size(); r++) {
                means[r] = mean(runs.get(r).curve(parts[1], parts[0]));
            }
            out.add(new Difference(parts[0], parts[1], means, means[means.length - 1] - means[0]));
        }
        return out;
    }

    static double mean(double[] curve) {
        if (curve == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (double v : curve) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
