package org.twinbench.ui;

/**
 * One row of the slice table: a slice's latest value of the shown metric, its change from the mean
 * of the first steps, a 95% confidence interval where one is defined, and whether it is among the
 * worst slices.
 */
public record SliceRow(String slice, int n, double latest, double change, double ciLow, double ciHigh,
                       boolean worst) {

    /** Steps averaged for the baseline that "change" is measured from. */
    public static final int BASELINE_STEPS = 5;

    /**
     * Wilson score interval at 95% for a proportion {@code p} observed on {@code n} rows (Wilson,
     * 1927); unlike the normal approximation it stays inside [0, 1] for small slices.
     */
    public static double[] wilson(double p, int n) {
        if (n <= 0 || Double.isNaN(p)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = 1.959963984540054;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }
}
