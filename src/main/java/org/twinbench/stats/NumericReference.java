package org.twinbench.stats;

import java.util.Arrays;

/**
 * The reference side of a numeric column: its present values sorted once, their mean and (population)
 * standard deviation, the nine decile edges of the PSI bins and the reference count in each bin.
 *
 * <p>{@link #compare(double[])} sorts the window once and computes every numeric statistic from one
 * merge of the two sorted arrays plus ten binary searches: KS, Wasserstein-1 and the mid-rank
 * Anderson–Darling sums all walk the distinct pooled values in order.
 *
 * <p>Missing values are NaN. Infinite values are not observations of a distribution either: they are
 * left out of every statistic and counted as missing.
 */
public final class NumericReference implements ReferenceProfile {

    /** PSI bins: 10 bins at the reference deciles (CLI.md). */
    public static final int BINS = 10;

    private final double[] sorted;
    private final double missingFraction;
    private final double standardDeviation;
    private final double[] edges;
    private final long[] binCounts;

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

    /** Compares a window of current values with this reference. */
    public NumericDrift compare(double[] window) {
        double[] present = presentSorted(window);
        return compareSorted(present, missingFraction(window.length, present.length));
    }

    /** As {@link #compare(double[])} for a window already reduced to its present values in ascending order. */
    public NumericDrift compareSorted(double[] current, double missingFractionCurrent) {
        long n = sorted.length;
        long m = current.length;
        if (n == 0 || m == 0) {
            double nan = Double.NaN;
            return new NumericDrift(n, m, missingFraction, missingFractionCurrent, nan, nan, nan, nan, nan, nan, nan,
                    nan, nan);
        }
        Walk walk = walk(sorted, current);
        double d = walk.maxGap / ((double) n * m);
        double p = SpecialFunctions.kolmogorovSurvival(Math.sqrt((double) n * m / (n + m)) * d);
        double w = walk.areaGap / ((double) n * m);
        double normed = standardDeviation > 0 ? w / standardDeviation : w == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        long[] currentBins = binCounts(current, edges);
        AndersonDarling.Result ad = AndersonDarling.standardise(walk.andersonDarling, n, m);
        return new NumericDrift(n, m, missingFraction, missingFractionCurrent, d, p, w, normed,
                BinnedDistances.psi(binCounts, currentBins), BinnedDistances.jensenShannon(binCounts, currentBins),
                BinnedDistances.hellinger(binCounts, currentBins), ad.statistic(), ad.pValue());
    }

    /** The two-sample KS statistic D of two samples already sorted ascending (neither empty). */
    static double ksStatisticSorted(double[] a, double[] b) {
        return walk(a, b).maxGap / ((double) a.length * b.length);
    }

    /** Sums of one ordered pass over two sorted samples. */
    private record Walk(long maxGap, double areaGap, double andersonDarling) {
    }

    /**
     * Walks the distinct pooled values z in ascending order. With i reference and j current values
     * below z, the empirical CDFs differ by |i·m − j·n| / (n·m) on [previous z, z): its maximum after
     * each step is the KS D, its integral the Wasserstein-1 distance. At z, with f reference values and
     * l pooled values equal to z, the mid-ranks M = i + f/2 and B = i + j + l/2 give the term
     * l (N·M − n·B)² / (B(N − B) − N·l/4) of Scholz and Stephens' A²_akN; for two samples both samples'
     * terms share that square, which is why it is weighted by (1/n + 1/m).
     */
    private static Walk walk(double[] ref, double[] cur) {
        int n = ref.length;
        int m = cur.length;
        double bigN = (double) n + m;
        int i = 0;
        int j = 0;
        long maxGap = 0;
        double area = 0;
        double ad = 0;
        double previous = 0;
        while (i < n || j < m) {
            double z = j >= m || (i < n && ref[i] <= cur[j]) ? ref[i] : cur[j];
            long gapBelow = Math.abs((long) i * m - (long) j * n);
            if (i + j > 0) {
                area += gapBelow * (z - previous);
            }
            int i0 = i;
            int j0 = j;
            while (i < n && ref[i] == z) {
                i++;
            }
            while (j < m && cur[j] == z) {
                j++;
            }
            double ties = (double) (i - i0) + (j - j0);
            double b = i0 + j0 + ties / 2;
            double midRank = i0 + (i - i0) / 2.0;
            double diff = bigN * midRank - n * b;
            ad += ties * diff * diff / (b * (bigN - b) - bigN * ties / 4);
            maxGap = Math.max(maxGap, Math.abs((long) i * m - (long) j * n));
            previous = z;
        }
        double raw = (bigN - 1) / bigN * ad / bigN * (1.0 / n + 1.0 / m);
        return new Walk(maxGap, area, raw);
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
