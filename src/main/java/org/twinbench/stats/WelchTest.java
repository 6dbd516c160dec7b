package org.twinbench.stats;

/**
 * Welch's unequal-variances t-test of two means, two-sided, and the Student t distribution it needs (as
 * scipy's {@code ttest_ind(a, b, equal_var=False)} and {@code t.ppf}):
 * {@code t = (m1 − m2) / sqrt(v1/n1 + v2/n2)} with the sample variances (n − 1 in the denominator) and the
 * Welch–Satterthwaite degrees of freedom {@code (v1/n1 + v2/n2)² / ((v1/n1)²/(n1 − 1) + (v2/n2)²/(n2 − 1))}.
 * The t distribution's tail is the regularized incomplete beta function, {@code P(|T| ≥ t) = I_x(df/2, 1/2)}
 * with {@code x = df / (df + t²)}, by the continued fraction of Numerical Recipes ({@code betacf}).
 */
public final class WelchTest {

    private static final int MAX_ITERATIONS = 1000;
    private static final double EPS = 3e-16;
    private static final double TINY = 1e-300;

    private WelchTest() {
    }

    /**
     * The two-sided p-value of "mean 1 = mean 2" from each sample's size, mean and sample variance; 1 when the
     * means are equal and both variances are 0, 0 when only the variances are.
     */
    public static double pValue(long n1, double mean1, double var1, long n2, double mean2, double var2) {
        double a = var1 / n1;
        double b = var2 / n2;
        double se = Math.sqrt(a + b);
        if (!(se > 0)) {
            return mean1 == mean2 ? 1 : 0;
        }
        double t = (mean1 - mean2) / se;
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        return twoSidedTail(t, df);
    }

    /** P(|T| ≥ |t|) for T with {@code df} degrees of freedom. */
    public static double twoSidedTail(double t, double df) {
        if (Double.isInfinite(df)) {
            return TwoProportionTest.erfc(Math.abs(t) / Math.sqrt(2));
        }
        return regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** The q-quantile of the t distribution with {@code df} degrees of freedom, 0 &lt; q &lt; 1 (by bisection). */
    public static double quantile(double q, double df) {
        if (q == 0.5) {
            return 0;
        }
        double tail = 2 * Math.min(q, 1 - q);
        double low = 0;
        double high = 1;
        while (twoSidedTail(high, df) > tail) {
            high *= 2;
        }
        for (int i = 0; i < 100 && high - low > 1e-12 * high; i++) {
            double mid = (low + high) / 2;
            if (twoSidedTail(mid, df) > tail) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double t = (low + high) / 2;
        return q < 0.5 ? -t : t;
    }

    /** I_x(a, b), the regularized incomplete beta function, 0 ≤ x ≤ 1. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(SpecialFunctions.logGamma(a + b) - SpecialFunctions.logGamma(a)
                - SpecialFunctions.logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); else use the symmetry.
        if (x < (a + 1) / (a + b + 2)) {
            return front * fraction(x, a, b) / a;
        }
        return 1 - front * fraction(1 - x, b, a) / b;
    }

    /** The continued fraction of the incomplete beta function by the modified Lentz method. */
    private static double fraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return h;
    }
}
