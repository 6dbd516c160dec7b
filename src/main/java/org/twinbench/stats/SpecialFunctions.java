package org.twinbench.stats;

/**
 * The special functions behind the p-values: the Kolmogorov survival function and the upper
 * regularized incomplete gamma function (chi-squared tail).
 */
public final class SpecialFunctions {

    /** Below this the theta-function form of the Kolmogorov distribution converges faster (as Cephes). */
    private static final double KOLMOGOROV_CUTOVER = 0.82;
    private static final double EPS = 1e-17;
    private static final int MAX_ITERATIONS = 1000;

    /** Lanczos coefficients, g = 7, n = 9 (Numerical Recipes 3rd ed., Godfrey's set). */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private SpecialFunctions() {
    }

    /**
     * Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}, the survival function of the Kolmogorov distribution (as
     * {@code scipy.special.kolmogorov}). For small λ the equivalent form
     * 1 − √(2π)/λ Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)} is used, because the alternating series converges slowly there.
     */
    public static double kolmogorovSurvival(double lambda) {
        if (Double.isNaN(lambda)) {
            return Double.NaN;
        }
        if (lambda <= 0) {
            return 1.0;
        }
        if (lambda < KOLMOGOROV_CUTOVER) {
            double w = -Math.PI * Math.PI / (8 * lambda * lambda);
            double sum = 0;
            for (int k = 1; k < MAX_ITERATIONS; k += 2) {
                double term = Math.exp(k * k * w);
                sum += term;
                if (term <= EPS * sum) {
                    break;
                }
            }
            return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
        }
        double sum = 0;
        double sign = 1;
        for (int k = 1; k < MAX_ITERATIONS; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += sign * term;
            if (term <= EPS * Math.abs(sum)) {
                break;
            }
            sign = -sign;
        }
        return Math.min(1.0, Math.max(0.0, 2 * sum));
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos approximation, relative error about 1e-15). */
    public static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /**
     * Q(a, x) = Γ(a, x) / Γ(a), the upper regularized incomplete gamma function: the series for P(a, x)
     * when x &lt; a + 1, otherwise Lentz's continued fraction for Q (Numerical Recipes §6.2).
     */
    public static double regularizedGammaQ(double a, double x) {
        if (Double.isNaN(a) || Double.isNaN(x) || a <= 0 || x < 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return 1.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        double logPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < MAX_ITERATIONS * 10; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return Math.max(0.0, 1 - sum * Math.exp(logPrefix));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS * 10; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(logPrefix) * h;
    }

    /** P(X ≥ statistic) for X chi-squared with {@code dof} degrees of freedom. */
    public static double chiSquaredSurvival(double statistic, int dof) {
        if (dof <= 0) {
            return 1.0;
        }
        return regularizedGammaQ(dof / 2.0, statistic / 2.0);
    }

    /**
     * P(D ≥ d) for the two-sample Kolmogorov–Smirnov statistic of samples of sizes n and m without ties,
     * exactly, by counting the lattice paths that stay strictly inside |i/n − j/m| &lt; d (the recursion
     * of R's {@code psmirnov2x}; as {@code scipy.stats.ks_2samp(method="exact")}). O(n·m).
     */
    public static double smirnovExactSurvival(double d, int n, int m) {
        if (n > m) {
            return smirnovExactSurvival(d, m, n);
        }
        double nd = n;
        double md = m;
        // Shrink d by half a lattice step so that paths reaching |i/n − j/m| = d count as "at least d".
        double q = (0.5 + Math.floor(d * nd * md - 1e-7)) / (nd * md);
        double[] u = new double[m + 1];
        for (int j = 0; j <= m; j++) {
            u[j] = j / md > q ? 0 : 1;
        }
        for (int i = 1; i <= n; i++) {
            double w = (double) i / (i + m);
            u[0] = i / nd > q ? 0 : w * u[0];
            for (int j = 1; j <= m; j++) {
                u[j] = Math.abs(i / nd - j / md) > q ? 0 : w * u[j] + u[j - 1];
            }
        }
        return Math.min(1.0, Math.max(0.0, 1 - u[m]));
    }
}
