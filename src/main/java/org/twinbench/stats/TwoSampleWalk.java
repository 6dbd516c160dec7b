package org.twinbench.stats;

/**
 * One ordered pass over two sorted samples — a reference of n values and a current sample of m — giving
 * the KS numerator max |i·m − j·n|, the Wasserstein-1 distance and, optionally, the raw mid-rank
 * Anderson–Darling statistic A²_akN.
 *
 * @param maxGap max over x of |i·m − j·n| with i, j the reference and current values ≤ x (or &lt; x); D = maxGap/(n·m)
 * @param wasserstein ∫ |F_ref − F_cur| dx
 * @param andersonDarling Scholz and Stephens' A²_akN of the two samples, NaN when not computed
 */
record TwoSampleWalk(long maxGap, double wasserstein, double andersonDarling) {

    /**
     * Walks the distinct pooled values z in ascending order, O(n + m). With i reference and j current values
     * below z, the empirical CDFs differ by |i·m − j·n| / (n·m) on [previous z, z): its maximum is the KS D,
     * its integral the Wasserstein-1 distance. At z, with f reference values and l pooled values equal to z,
     * the mid-ranks M = i + f/2 and B = i + j + l/2 give the term l (N·M − n·B)² / (B(N − B) − N·l/4) of
     * A²_akN; for two samples both samples' terms share that square, hence the weight (1/n + 1/m).
     */
    static TwoSampleWalk merge(double[] ref, double[] cur, boolean andersonDarling) {
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
            if (i + j > 0) {
                area += Math.abs((long) i * m - (long) j * n) * (z - previous);
            }
            int i0 = i;
            int j0 = j;
            while (i < n && ref[i] == z) {
                i++;
            }
            while (j < m && cur[j] == z) {
                j++;
            }
            if (andersonDarling) {
                double ties = (double) (i - i0) + (j - j0);
                double b = i0 + j0 + ties / 2;
                double diff = bigN * (i0 + (i - i0) / 2.0) - n * b;
                ad += ties * diff * diff / (b * (bigN - b) - bigN * ties / 4);
            }
            maxGap = Math.max(maxGap, Math.abs((long) i * m - (long) j * n));
            previous = z;
        }
        double raw = andersonDarling ? (bigN - 1) / bigN * ad / bigN * (1.0 / n + 1.0 / m) : Double.NaN;
        return new TwoSampleWalk(maxGap, area / ((double) n * m), raw);
    }

    /**
     * KS and Wasserstein-1 from the distinct current values alone, O(m log(n/m)): between two consecutive
     * current values F_cur is a constant c and F_ref is monotone, so |F_ref − F_cur| is largest at the
     * ends of the interval, and ∫ |F_ref − c| splits where F_ref reaches c into two integrals of F_ref,
     * each H(b) − H(a) with H(t) = ∫_{−∞}^t F_ref = (cnt(t)·t − Σ_{r ≤ t} r) / n read off the reference's
     * prefix sums. The counts cnt(t) are found by galloping search from the previous one, since the
     * current values arrive in order.
     */
    static TwoSampleWalk search(double[] ref, double[] prefix, double[] cur) {
        int n = ref.length;
        int m = cur.length;
        int below = gallop(ref, cur[0], 0, false);
        int atOrBelow = gallop(ref, cur[0], below, true);
        long maxGap = (long) below * m;
        double area = integral(ref, prefix, cur[0], atOrBelow);
        int j = 0;
        while (j < m) {
            double z = cur[j];
            while (j < m && cur[j] == z) {
                j++;
            }
            maxGap = Math.max(maxGap, Math.abs((long) atOrBelow * m - (long) j * n));
            double next;
            int nextBelow;
            int nextAtOrBelow;
            if (j < m) {
                next = cur[j];
                nextBelow = gallop(ref, next, atOrBelow, false);
                nextAtOrBelow = gallop(ref, next, nextBelow, true);
            } else {
                next = Math.max(z, ref[n - 1]);
                nextBelow = n;
                nextAtOrBelow = n;
            }
            maxGap = Math.max(maxGap, Math.abs((long) nextBelow * m - (long) j * n));
            area += absoluteGap(ref, prefix, z, atOrBelow, next, nextAtOrBelow, j, m);
            atOrBelow = nextAtOrBelow;
        }
        return new TwoSampleWalk(maxGap, area, Double.NaN);
    }

    /**
     * ∫_a^b |F_ref(x) − j/m| dx for a ≤ b, given cnt(a) and cnt(b). F_ref(x) ≥ c = j/m exactly when at least
     * K = ⌈c·n⌉ reference values are ≤ x, i.e. x ≥ ref[K − 1]: below that point the integrand is c − F_ref,
     * above it F_ref − c.
     */
    private static double absoluteGap(double[] ref, double[] prefix, double a, int countA, double b, int countB,
                                      long j, long m) {
        if (b <= a) {
            return 0;
        }
        double c = (double) j / m;
        int n = ref.length;
        long k = (j * n + m - 1) / m;
        double x;
        int countX;
        if (k == 0 || ref[(int) k - 1] <= a) {
            x = a;
            countX = countA;
        } else if (ref[(int) k - 1] >= b) {
            x = b;
            countX = countB;
        } else {
            x = ref[(int) k - 1];
            countX = gallop(ref, x, (int) k, true);
        }
        double ha = integral(ref, prefix, a, countA);
        double hx = integral(ref, prefix, x, countX);
        double hb = integral(ref, prefix, b, countB);
        return c * (x - a) - (hx - ha) + (hb - hx) - c * (b - x);
    }

    /** H(t) = ∫_{−∞}^t F_ref(x) dx = Σ_{r ≤ t} (t − r) / n, given the count of reference values ≤ t. */
    private static double integral(double[] ref, double[] prefix, double t, int count) {
        return (count * t - prefix[count]) / ref.length;
    }

    /**
     * The number of values &lt; x ({@code orEqual} false) or ≤ x (true) in a sorted array, knowing it is at
     * least {@code from}: exponential steps from {@code from}, then bisection.
     */
    static int gallop(double[] sorted, double x, int from, boolean orEqual) {
        int n = sorted.length;
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < n && (orEqual ? sorted[hi] <= x : sorted[hi] < x)) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        hi = Math.min(hi, n);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (orEqual ? sorted[mid] <= x : sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
