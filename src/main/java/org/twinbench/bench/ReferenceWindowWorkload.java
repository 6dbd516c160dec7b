package org.twinbench.bench;

import java.util.Map;
import org.twinbench.stats.NumericReference;

/**
 * Per-window drift statistics ({@code compareWindow}: all but Anderson–Darling) with the 1e6-value reference profiled once, for windows of a given
 * size, against recomputing the statistics with the reference profiled again for every window.
 */
final class ReferenceWindowWorkload implements Workload {

    private final int window;

    ReferenceWindowWorkload(int window) {
        this.window = window;
    }

    @Override
    public String name() {
        return "stats.window-" + window + "-vs-1e6-profile";
    }

    @Override
    public String description() {
        return "numeric drift statistics of " + window + "-value windows against a 1e6-value reference profiled once, "
                + "against profiling the reference for each window";
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 100_000 : 1_000_000;
        double[] reference = BenchData.gaussian(3, n, 0, 1);
        int windows = Math.max(1, Math.min(100, 2_000_000 / window));
        double[][] current = new double[windows][];
        for (int w = 0; w < windows; w++) {
            current[w] = BenchData.gaussian(100 + w, window, 0.05 * (w % 5), 1);
        }
        NumericReference profile = NumericReference.of(reference);
        double ours = Timing.best(1, quick ? 2 : 5, () -> {
            for (double[] values : current) {
                Timing.consume(profile.compareWindow(values).psi());
            }
        });
        int rebuilt = Math.min(windows, quick ? 2 : 5);
        double theirs = Timing.best(1, 2, () -> {
            for (int w = 0; w < rebuilt; w++) {
                Timing.consume(NumericReference.of(reference).compareWindow(current[w]).psi());
            }
        }) * windows / rebuilt;
        return new BenchResult(name(), (long) windows * window, ours, "profile rebuilt per window", theirs,
                Map.of("windows", windows, "microseconds_per_window", 1e6 * ours / windows));
    }
}
