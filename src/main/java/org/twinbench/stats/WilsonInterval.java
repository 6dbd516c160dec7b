package org.twinbench.stats;

/**
 * The Wilson score interval at 95% for a proportion {@code p} observed on {@code n} rows (Wilson, 1927);
 * unlike the normal approximation it stays inside [0, 1] for small samples.
 */
public final class WilsonInterval {

    private WilsonInterval() {
    }

    /** {low, high}; NaN for no rows or no proportion. */
    public static double[] of(double p, int n) {
        if (n <= 0 || Double.isNaN(p)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = 1.959963984540054;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // Exactly 0 (or 1) at p = 0 (or 1) in arithmetic; rounding could leave -1e-17, which prints as "-0%".
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
