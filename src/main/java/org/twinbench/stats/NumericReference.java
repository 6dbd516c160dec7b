package org.twinbench.stats;

import java.util.Arrays;

/**
 * The reference side of a numeric column: its present values sorted once, their mean and (population)
 * standard deviation, the nine decile edges of the PSI bins and the reference count in each bin.
 *
 * <p>{@link #compare(double[])} sorts the window once and computes every numeric statistic from one
 * pass over the two sorted arrays plus ten binary searches for the PSI bins ({@link TwoSampleWalk}).
 *
 * <p>Missing values are NaN. Infinite values are not observations of a distribution either: they are
 * left out of every statistic and counted as missing.
 */
public final class NumericReference implements ReferenceProfile {

    /** PSI bins: 10 bins at the reference deciles (docs/cli.md). */
    public static final int BINS = 10;

    private final double[] sorted;
    private final double missingFraction;
    private final double standardDeviation;
    private final double[] edges;
    private final long[] binCounts;
    private volatile double[] prefix;

    private NumericReference(double[] sorted, double missingFraction) {
        this.sorted = sorted;
        this.missingFraction = missingFraction;
        this.standardDeviation = populationStandardDeviation(sorted);
        this.edges = decileEdges(sorted);
        this.binCounts = binCounts(sorted, edges);
    }

    /** Profiles the reference values (NaN and infinities are missing). */
    public static NumericReference of(double[] values) {
        double[] present = presentSorted(values);
        return new NumericReference(present, missingFraction(values.length, present.length));
    }

    @Override
    public long count() {
        return sorted.length;
    }

    @Override
    public double missingFraction() {
        return missingFraction;
    }

    /** Population standard deviation (divisor n) of the reference, the scale of {@code wasserstein_normed}. */
    public double standardDeviation() {
        return standardDeviation;
    }

    /** The nine inner edges of the PSI bins: deciles 0.1 … 0.9 with linear interpolation (numpy's default). */
    public double[] binEdges() {
        return edges.clone();
    }

    /** Compares a window of current values with this reference: every statistic, Anderson–Darling included. */
    public NumericDrift compare(double[] window) {
        double[] present = presentSorted(window);
        return compareSorted(present, missingFraction(window.length, present.length), true);
    }

    /**
     * As {@link #compare(double[])} but without Anderson–Darling (NaN), the one statistic that needs a pass
     * over the whole reference: the cost is then O(m log m + m log n) for a window of m values against n
     * reference values, so small windows stay cheap however large the reference.
     */
    public NumericDrift compareWindow(double[] window) {
        double[] present = presentSorted(window);
        return compareSorted(present, missingFraction(window.length, present.length), false);
    }

    /** As {@link #compare(double[])} for a window already reduced to its present values in ascending order. */
    public NumericDrift compareSorted(double[] current, double missingFractionCurrent, boolean andersonDarling) {
        long n = sorted.length;
        long m = current.length;
        if (n == 0 || m == 0) {
            double nan = Double.NaN;
            return new NumericDrift(n, m, missingFraction, missingFractionCurrent, nan, nan, nan, nan, nan, nan, nan,
                    nan, nan);
        }
        // Merging costs n + m steps, searching about m·log2(n): take the cheaper unless the merge is needed anyway.
        boolean merge = andersonDarling || m * (64 - Long.numberOfLeadingZeros(n)) > n + m;
        TwoSampleWalk walk = merge ? TwoSampleWalk.merge(sorted, current, andersonDarling)
                : TwoSampleWalk.search(sorted, prefixSums(), current);
        double d = walk.maxGap() / ((double) n * m);
        double p = SpecialFunctions.kolmogorovSurvival(Math.sqrt((double) n * m / (n + m)) * d);
        double w = walk.wasserstein();
        double normed = standardDeviation > 0 ? w / standardDeviation : w == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        long[] currentBins = binCounts(current, edges);
        AndersonDarling.Result ad = andersonDarling ? AndersonDarling.standardise(walk.andersonDarling(), n, m)
                : new AndersonDarling.Result(Double.NaN, Double.NaN);
        return new NumericDrift(n, m, missingFraction, missingFractionCurrent, d, p, w, normed,
                BinnedDistances.psi(binCounts, currentBins), BinnedDistances.jensenShannon(binCounts, currentBins),
                BinnedDistances.hellinger(binCounts, currentBins), ad.statistic(), ad.pValue());
    }

    /**
     * Compares a batch of the reference's own present values with the whole reference, as {@link #compareWindow}
     * (no Anderson–Darling): {@code ranks} index the sorted present values (0 … {@link #count()} − 1). For
     * {@link NullCalibration#thresholdWithin}: O(b log n) a batch of b, the reference sorted and binned once.
     */
    public NumericDrift compareOwn(int[] ranks) {
        double[] batch = NullCalibration.pick(sorted, ranks);
        DoubleSort.sort(batch);
        return compareSorted(batch, 0.0, false);
    }

    /** A profile of {@code size} of this reference's present values drawn at random without replacement. */
    public NumericReference subsample(int size, java.util.SplittableRandom random) {
        int n = sorted.length;
        if (size >= n) {
            return this;
        }
        // Floyd's algorithm over ranks, kept in a bit set: ascending ranks give ascending values, no sort needed.
        long[] chosen = new long[(n + 63) >>> 6];
        for (int j = n - size; j < n; j++) {
            int t = random.nextInt(j + 1);
            int pick = (chosen[t >>> 6] & (1L << t)) == 0 ? t : j;
            chosen[pick >>> 6] |= 1L << pick;
        }
        double[] values = new double[size];
        int k = 0;
        for (int word = 0; word < chosen.length; word++) {
            for (long bits = chosen[word]; bits != 0; bits &= bits - 1) {
                values[k++] = sorted[(word << 6) + Long.numberOfTrailingZeros(bits)];
            }
        }
        return new NumericReference(values, 0.0);
    }

    /** Prefix sums of the sorted reference, computed on first use by a window search. */
    private double[] prefixSums() {
        double[] sums = prefix;
        if (sums == null) {
            sums = new double[sorted.length + 1];
            for (int i = 0; i < sorted.length; i++) {
                sums[i + 1] = sums[i] + sorted[i];
            }
            prefix = sums;
        }
        return sums;
    }

    /** The two-sample KS statistic D of two samples already sorted ascending (neither empty). */
    static double ksStatisticSorted(double[] a, double[] b) {
        return TwoSampleWalk.merge(a, b, false).maxGap() / ((double) a.length * b.length);
    }

    /** The finite values, sorted; −0.0 becomes 0.0 so that equal values sit together. */
    static double[] presentSorted(double[] values) {
        double[] out = new double[values.length];
        int k = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                out[k++] = v + 0.0;
            }
        }
        double[] present = k == out.length ? out : Arrays.copyOf(out, k);
        DoubleSort.sort(present);
        return present;
    }

    static double missingFraction(int rows, int present) {
        return rows == 0 ? Double.NaN : (double) (rows - present) / rows;
    }

    private static double populationStandardDeviation(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    private static double[] decileEdges(double[] sorted) {
        double[] out = new double[BINS - 1];
        if (sorted.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int q = 1; q < BINS; q++) {
            out[q - 1] = quantile(sorted, q / (double) BINS);
        }
        return out;
    }

    /**
     * The q-quantile of sorted values by numpy's default "linear" rule (Hyndman–Fan type 7):
     * h = (n − 1) q, interpolating between x[⌊h⌋] and x[⌊h⌋ + 1].
     */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Bin b is (edge[b−1], edge[b]], the outer bins open-ended; counted by binary search in sorted values. */
    static long[] binCounts(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        int below = 0;
        for (int b = 0; b < edges.length; b++) {
            int upTo = upperBound(sorted, edges[b]);
            counts[b] = upTo - below;
            below = upTo;
        }
        counts[edges.length] = sorted.length - below;
        return counts;
    }

    /** The number of values ≤ x in a sorted array. */
    static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
