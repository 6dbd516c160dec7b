package org.twinbench.stats;

/**
 * The one-sided two-proportion z-test: is success rate 1 (x1 of n1) higher than rate 2 (x2 of n2)?
 * With the pooled rate p̂ = (x1 + x2) / (n1 + n2),
 * {@code z = (x1/n1 − x2/n2) / sqrt(p̂ (1 − p̂) (1/n1 + 1/n2))} and the p-value is {@code 1 − Φ(z)}.
 */
public final class TwoProportionTest {

    private TwoProportionTest() {
    }

    public static double z(long x1, long n1, long x2, long n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return se == 0 ? 0 : ((double) x1 / n1 - (double) x2 / n2) / se;
    }

    public static double pValueGreater(long x1, long n1, long x2, long n2) {
        return 1 - normalCdf(z(x1, n1, x2, n2));
    }

    /** Φ(x) = erfc(−x / √2) / 2. */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** The complementary error function by the Chebyshev fit of Numerical Recipes ({@code erfcc}; error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
