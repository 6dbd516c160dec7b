package org.twinbench.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * KSWIN, the Kolmogorov–Smirnov windowing detector of Raab, Heusinger and Schleif ("Reactive soft
 * prototype computing for concept drift streams", Neurocomputing 2020), as River's {@code KSWIN}: a
 * sliding window of {@code window_size} values; once full, the last {@code stat_size} values are compared
 * with {@code stat_size} values drawn without replacement from the older part by the two-sample KS test
 * with the exact p-value; drift when p ≤ α and D &gt; 0.1, after which only the last {@code stat_size}
 * values are kept. Defaults α = 0.005, window 100, stat size 30 (River's); the draws come from a
 * generator seeded with {@code seed} (default 1), so runs are reproducible.
 */
public final class Kswin implements ChangeDetector {

    static final double MIN_STATISTIC = 0.1;
    private final double alpha;
    private final int windowSize;
    private final int statSize;
    private final long seed;
    private final SplittableRandom random;
    private final double[] window;
    private int start;
    private int count;
    private final int[] pool;
    private final double[] older;
    private final double[] recent;

    public Kswin() {
        this(0.005, 100, 30, 1);
    }

    public Kswin(double alpha, int windowSize, int statSize, long seed) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), not " + alpha);
        }
        if (statSize < 1 || windowSize < 2 * statSize) {
            throw new IllegalArgumentException("window_size must be at least twice stat_size (and stat_size >= 1), not "
                    + windowSize + " and " + statSize);
        }
        this.alpha = alpha;
        this.windowSize = windowSize;
        this.statSize = statSize;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.window = new double[windowSize];
        this.pool = new int[windowSize - statSize];
        this.older = new double[statSize];
        this.recent = new double[statSize];
    }

    @Override
    public String name() {
        return "kswin";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("alpha", alpha, "window_size", (double) windowSize, "stat_size", (double) statSize, "seed",
                (double) seed);
    }

    @Override
    public Signal update(double value) {
        if (count == windowSize) {
            start = (start + 1) % windowSize;
            count--;
        }
        window[(start + count) % windowSize] = value;
        count++;
        if (count < windowSize) {
            return Signal.NONE;
        }
        // Partial Fisher–Yates: statSize distinct positions among the older windowSize − statSize.
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < statSize; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            older[i] = window[(start + pool[i]) % windowSize];
            recent[i] = window[(start + windowSize - statSize + i) % windowSize];
        }
        double[] a = older.clone();
        double[] b = recent.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        double d = NumericReference.ksStatisticSorted(a, b);
        double p = SpecialFunctions.smirnovExactSurvival(d, statSize, statSize);
        if (p <= alpha && d > MIN_STATISTIC) {
            System.arraycopy(recent, 0, window, 0, statSize);
            start = 0;
            count = statSize;
            return Signal.DRIFT;
        }
        return Signal.NONE;
    }
}
