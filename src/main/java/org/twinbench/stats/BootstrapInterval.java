package org.twinbench.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap confidence interval of a metric (Efron and Tibshirani 1993, ch. 13): the
 * rows are resampled with replacement {@code replicates} times by a generator seeded with
 * {@code seed}, the metric is computed on each resample, and the interval is the (1 − level)/2 and
 * (1 + level)/2 quantiles (numpy's linear rule) of those values. Resamples where the metric is
 * undefined (e.g. AUC of a resample with one class) are left out and counted.
 *
 * @param estimate the metric on the rows themselves
 * @param used resamples on which the metric was defined
 */
public record BootstrapInterval(double estimate, double lower, double upper, double level, int used) {

    public static BootstrapInterval of(BinaryMetric metric, int[] labels, double[] scores, double threshold,
                                       int replicates, double level, long seed) {
        return of(metric, labels, scores, threshold, replicates, level, new SplittableRandom(seed));
    }

    private static BootstrapInterval of(BinaryMetric metric, int[] labels, double[] scores, double threshold,
                                        int replicates, double level, SplittableRandom random) {
        if (replicates < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need replicates >= 1 and a level in (0, 1)");
        }
        int n = labels.length;
        double estimate = metric.compute(labels, scores, threshold);
        double[] values = new double[replicates];
        int used = 0;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int b = 0; b < replicates; b++) {
            for (int i = 0; i < n; i++) {
                int row = random.nextInt(n);
                y[i] = labels[row];
                s[i] = scores[row];
            }
            double value = n == 0 ? Double.NaN : metric.compute(y, s, threshold);
            if (!Double.isNaN(value)) {
                values[used++] = value;
            }
        }
        return percentile(estimate, values, used, level);
    }

    /** The interval from the first {@code used} resample values: their (1 ∓ level)/2 quantiles. */
    private static BootstrapInterval percentile(double estimate, double[] values, int used, double level) {
        if (used == 0) {
            return new BootstrapInterval(estimate, Double.NaN, Double.NaN, level, 0);
        }
        double[] sorted = Arrays.copyOf(values, used);
        Arrays.sort(sorted);
        return new BootstrapInterval(estimate, NumericReference.quantile(sorted, (1 - level) / 2),
                NumericReference.quantile(sorted, (1 + level) / 2), level, used);
    }

    /**
     * Intervals of every {@link BinaryMetric} from one set of resamples: each replicate draws the rows once
     * and computes all metrics on them, so the intervals of one call agree with each other. Drawn from
     * {@code random} as {@link #of} draws.
     */
    public static Map<BinaryMetric, BootstrapInterval> allMetrics(int[] labels, double[] scores, double threshold,
                                                                  int replicates, double level,
                                                                  SplittableRandom random) {
        if (replicates < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need replicates >= 1 and a level in (0, 1)");
        }
        BinaryMetric[] metrics = BinaryMetric.values();
        double[][] values = new double[metrics.length][replicates];
        int[] used = new int[metrics.length];
        int n = labels.length;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int b = 0; b < replicates && n > 0; b++) {
            for (int i = 0; i < n; i++) {
                int row = random.nextInt(n);
                y[i] = labels[row];
                s[i] = scores[row];
            }
            Map<String, Double> set = ClassificationMetrics.compute(y, s, threshold).asMap();
            for (int m = 0; m < metrics.length; m++) {
                double value = switch (metrics[m]) {
                    case BALANCED_ACCURACY -> ClassificationMetrics.balancedAccuracy(y, s, threshold);
                    case PR_AUC -> ClassificationMetrics.averagePrecision(y, s);
                    default -> set.get(metrics[m].key());
                };
                if (!Double.isNaN(value)) {
                    values[m][used[m]++] = value;
                }
            }
        }
        Map<BinaryMetric, BootstrapInterval> out = new java.util.EnumMap<>(BinaryMetric.class);
        for (int m = 0; m < metrics.length; m++) {
            out.put(metrics[m], percentile(metrics[m].compute(labels, scores, threshold), values[m], used[m], level));
        }
        return out;
    }

    /**
     * One interval per slice, in level order (slices without rows left out); each slice draws from its
     * own generator split in turn from the one seeded with {@code seed}, so a slice's interval does not
     * depend on the size of the slices before it.
     */
    public static Map<String, BootstrapInterval> bySlice(BinaryMetric metric, SliceColumn slices, int[] labels,
                                                  double[] scores, double threshold, int replicates, double level,
                                                  long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        Map<String, BootstrapInterval> out = new LinkedHashMap<>();
        for (int g = 0; g < slices.levels().size(); g++) {
            SplittableRandom random = root.split();
            int[] rows = rowsOf(slices.codes(), g);
            if (rows.length == 0) {
                continue;
            }
            int[] y = new int[rows.length];
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = labels[rows[i]];
                s[i] = scores[rows[i]];
            }
            out.put(slices.levels().get(g), of(metric, y, s, threshold, replicates, level, random));
        }
        return out;
    }

    /** The metrics of the rows at the given positions (a resample may repeat rows), by name. */
    @FunctionalInterface
    public interface RowMetrics {
        Map<String, Double> of(int[] rows);
    }

    /**
     * Intervals of every metric {@code metrics} computes, from {@code replicates} resamples of the
     * {@code n} rows with replacement drawn from {@code random} (one draw of the rows per replicate for
     * all metrics, as {@link #allMetrics}); the estimate is the metric on the rows themselves.
     */
    public static Map<String, BootstrapInterval> ofRows(int n, RowMetrics metrics, int replicates, double level,
                                                        SplittableRandom random) {
        if (replicates < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need replicates >= 1 and a level in (0, 1)");
        }
        Map<String, Double> estimate = metrics.of(java.util.stream.IntStream.range(0, n).toArray());
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, Integer> used = new LinkedHashMap<>();
        estimate.keySet().forEach(key -> {
            values.put(key, new double[replicates]);
            used.put(key, 0);
        });
        int[] rows = new int[n];
        for (int b = 0; b < replicates && n > 0; b++) {
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            metrics.of(rows).forEach((key, value) -> {
                if (value != null && !Double.isNaN(value) && values.containsKey(key)) {
                    int u = used.get(key);
                    values.get(key)[u] = value;
                    used.put(key, u + 1);
                }
            });
        }
        Map<String, BootstrapInterval> out = new LinkedHashMap<>();
        estimate.forEach((key, value) -> out.put(key, percentile(value, values.get(key), used.get(key), level)));
        return out;
    }

    private static int[] rowsOf(int[] codes, int code) {
        return java.util.stream.IntStream.range(0, codes.length).filter(r -> codes[r] == code).toArray();
    }
}
