package org.twinbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinbench.sim.RunStore;

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
                if (value.isEmpty() || step >= steps) {
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
