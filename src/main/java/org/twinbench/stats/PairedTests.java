package org.twinbench.stats;

/**
 * Tests of a change measured on the same rows twice (before and after), two-sided at 95%:
 * <ul>
 *   <li>right/wrong answers: McNemar's exact test on the discordant pairs ({@code fell}: right before, wrong after;
 *   {@code rose}: wrong before, right after) — {@code min(1, 2·P(X ≤ min(fell, rose)))} for X ~ Binomial(fell + rose,
 *   ½), as statsmodels' {@code mcnemar(table, exact=True)}; and the interval of the paired difference of the shares
 *   right (after − before) by Newcombe's method 10 (Newcombe, Stat. Med. 1998, 17:2635–2650: the Wilson intervals of
 *   both shares, joined with the continuity-corrected φ of the 2×2 table);</li>
 *   <li>amounts: the paired t-test and t interval of the differences (as scipy's {@code ttest_rel}), and Wilcoxon's
 *   signed-rank test by its normal approximation (zero differences dropped, ties' correction, no continuity
 *   correction: scipy's {@code wilcoxon(d, method="approx")}).</li>
 * </ul>
 * Each takes the number of different rows the pairs stand for ({@code rows}), which is smaller than the pairs when
 * rows were drawn more than once: the t-test then uses it for its standard error and degrees of freedom, and the
 * Wilcoxon statistic's z is scaled by {@code √(rows / pairs)} (its z grows as the square root of the pairs for a
 * given effect).
 */
public final class PairedTests {

    private static final double Z95 = 1.959963984540054;

    private PairedTests() {
    }

    /** McNemar's exact two-sided p-value from the discordant counts; 1 when there is none. */
    public static double mcNemarExact(long fell, long rose) {
        long n = fell + rose;
        if (n == 0) {
            return 1;
        }
        long k = Math.min(fell, rose);
        // P(X ≤ k) = P(X ≥ n − k) for p = ½.
        return Math.min(1, 2 * binomialUpperTail(n - k, n, 0.5));
    }

    /**
     * The 95% interval of (share right after − share right before) on the same {@code n = both + fell + rose +
     * neither} rows, Newcombe's method 10: with p₁ = (both + fell)/n before, p₂ = (both + rose)/n after, their Wilson
     * intervals (l₁, u₁) and (l₂, u₂), and the table's φ (A = both, B = fell, C = rose, D = neither, E…H its
     * margins): (AD − BC)/√(EFGH), or max(AD − BC − n/2, 0)/√(EFGH) when AD &gt; BC, and 0 when a margin is 0, the
     * interval is (θ − √((p₂ − l₂)² − 2φ(p₂ − l₂)(u₁ − p₁) + (u₁ − p₁)²), θ + √((u₂ − p₂)² − 2φ(u₂ − p₂)(p₁ − l₁) +
     * (p₁ − l₁)²)) with θ = p₂ − p₁.
     */
    public static double[] newcombePaired(long both, long fell, long rose, long neither) {
        long n = both + fell + rose + neither;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p1 = (double) (both + fell) / n;
        double p2 = (double) (both + rose) / n;
        double[] w1 = WilsonInterval.of(p1, (int) Math.min(Integer.MAX_VALUE, n));
        double[] w2 = WilsonInterval.of(p2, (int) Math.min(Integer.MAX_VALUE, n));
        double denominator = Math.sqrt((double) (both + fell) * (rose + neither) * (both + rose) * (fell + neither));
        double ad = (double) both * neither;
        double bc = (double) fell * rose;
        double phi;
        if (!(denominator > 0)) {
            phi = 0;
        } else if (ad > bc) {
            phi = Math.max(ad - bc - n / 2.0, 0) / denominator;
        } else {
            phi = (ad - bc) / denominator;
        }
        double theta = p2 - p1;
        double lowSide = Math.sqrt(Math.max(0, square(p2 - w2[0]) - 2 * phi * (p2 - w2[0]) * (w1[1] - p1)
                + square(w1[1] - p1)));
        double highSide = Math.sqrt(Math.max(0, square(w2[1] - p2) - 2 * phi * (w2[1] - p2) * (p1 - w1[0])
                + square(p1 - w1[0])));
        return new double[] {theta - lowSide, theta + highSide};
    }

    /**
     * The paired t-test of differences: their mean, its 95% t interval and the two-sided p-value of "mean 0".
     *
     * @param n the different rows the differences stand for (their standard error is s/√n, with n − 1 degrees of
     *     freedom)
     */
    public record MeanDifference(double mean, double low, double high, double pValue) { }

    /** {@link MeanDifference} of {@code differences}, standing for {@code rows} different rows (≥ 2). */
    public static MeanDifference pairedT(double[] differences, long rows) {
        int n = differences.length;
        if (n < 2 || rows < 2) {
            double mean = n == 0 ? Double.NaN : mean(differences);
            return new MeanDifference(mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(differences);
        double squares = 0;
        for (double d : differences) {
            squares += (d - mean) * (d - mean);
        }
        double se = Math.sqrt(squares / (n - 1) / rows);
        if (!(se > 0)) {
            return new MeanDifference(mean, mean, mean, mean == 0 ? 1 : 0);
        }
        double half = WelchTest.quantile(0.975, rows - 1) * se;
        return new MeanDifference(mean, mean - half, mean + half, WelchTest.twoSidedTail(mean / se, rows - 1));
    }

    /**
     * Wilcoxon's signed-rank two-sided p-value by the normal approximation: zero differences dropped, ranks of |d|
     * averaged over ties (magnitudes within {@value #TIE} of each other's size, so rounding does not break a tie),
     * T = min(R⁺, R⁻), z = (T − n(n+1)/4) / √((n(n+1)(2n+1) − ½Σ t(t² − 1)) / 24), p = erfc(|z|·√(rows / n) / √2).
     * 1 when every difference is 0.
     */
    public static double wilcoxon(double[] differences, long rows) {
        // Differences equal but for rounding are ties: a model's predictions all moved by the same amount change
        // many rows' absolute errors by exactly that amount, computed as a difference of two errors each.
        double[] magnitudes = java.util.Arrays.stream(differences).filter(d -> d != 0).map(Math::abs).toArray();
        double[] signs = java.util.Arrays.stream(differences).filter(d -> d != 0).toArray();
        int n = magnitudes.length;
        if (n == 0) {
            return 1;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(magnitudes[x], magnitudes[y]));
        double plus = 0;
        double minus = 0;
        double ties = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && magnitudes[order[end + 1]] - magnitudes[order[start]]
                    <= TIE * magnitudes[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            double t = end - start + 1;
            ties += t * (t * t - 1);
            for (int i = start; i <= end; i++) {
                if (signs[order[i]] > 0) {
                    plus += rank;
                } else {
                    minus += rank;
                }
            }
            start = end + 1;
        }
        double expected = n * (n + 1) / 4.0;
        double variance = (n * (n + 1.0) * (2.0 * n + 1) - 0.5 * ties) / 24;
        if (!(variance > 0)) {
            return 1;
        }
        double z = (Math.min(plus, minus) - expected) / Math.sqrt(variance);
        double scale = Math.sqrt(Math.min(1.0, (double) rows / n));
        return TwoProportionTest.erfc(Math.abs(z) * scale / Math.sqrt(2));
    }

    /** Magnitudes within this share of each other are one tie ({@link #wilcoxon}). */
    static final double TIE = 1e-9;

    /** P(X ≥ c) for X ~ Binomial(n, p), summed exactly in logs. */
    public static double binomialUpperTail(long c, long n, double p) {
        if (c <= 0) {
            return 1;
        }
        if (c > n) {
            return 0;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logChooseN = SpecialFunctions.logGamma(n + 1.0);
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[(int) (n - c + 1)];
        for (long j = c; j <= n; j++) {
            double term = logChooseN - SpecialFunctions.logGamma(j + 1.0) - SpecialFunctions.logGamma(n - j + 1.0)
                    + j * logP + (n - j) * logQ;
            terms[(int) (j - c)] = term;
            max = Math.max(max, term);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return Math.min(1, Math.exp(max) * sum);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double square(double x) {
        return x * x;
    }
}
