package org.twinbench.stats;

/**
 * The k-sample Anderson–Darling test of Scholz and Stephens (1987, JASA 82:918), in its mid-rank
 * form for data with ties (their A²_akN), standardised and with the p-value interpolated from their
 * table of critical values — as {@code scipy.stats.anderson_ksamp} (whose p-value is floored at 0.001
 * and capped at 0.25, because the table covers only that range).
 */
public final class AndersonDarling {

    static final double P_FLOOR = 0.001;
    static final double P_CAP = 0.25;
    private static final double[] SIGNIFICANCE = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
    private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};

    /** The standardised statistic (A²_akN − (k − 1)) / σ_N and its interpolated p-value. */
    public record Result(double statistic, double pValue) {
    }

    private AndersonDarling() {
    }

    /**
     * h = Σ_{i=1}^{N−1} 1/i and g = Σ_{i=1}^{N−2} Σ_{j=i+1}^{N−1} 1/((N−i) j), summed in O(N) as scipy does;
     * the last N is remembered, because a monitor compares windows of one size again and again.
     */
    private record HarmonicSums(long n, double g, double h) {

        private static volatile HarmonicSums last = new HarmonicSums(0, 0, 0);

        static HarmonicSums of(long n) {
            HarmonicSums cached = last;
            if (cached.n == n) {
                return cached;
            }
            double cumulative = 0;
            double g = 0;
            for (long i = 2; i < n; i++) {
                cumulative += 1.0 / (n - i + 1);
                g += cumulative / i;
            }
            HarmonicSums sums = new HarmonicSums(n, g, cumulative + 1);
            last = sums;
            return sums;
        }
    }

    /**
     * Standardises a raw mid-rank statistic A²_akN of k samples of the given sizes (formulae 4–7 of
     * Scholz and Stephens) and interpolates the p-value: a quadratic fitted to ln(α) over the critical
     * values of k − 1, evaluated at the statistic. NaN when there are fewer than four observations.
     */
    public static Result standardise(double rawStatistic, long... sizes) {
        int k = sizes.length;
        double n = 0;
        double harmonicSizes = 0;
        for (long size : sizes) {
            n += size;
            harmonicSizes += 1.0 / size;
        }
        if (n < 4 || Double.isNaN(rawStatistic)) {
            return new Result(Double.NaN, Double.NaN);
        }
        HarmonicSums sums = HarmonicSums.of((long) n);
        double g = sums.g();
        double h = sums.h();
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * harmonicSizes;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * harmonicSizes - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * harmonicSizes + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        double variance = (a * n * n * n + b * n * n + c * n + d) / ((n - 1) * (n - 2) * (n - 3));
        int m = k - 1;
        double statistic = (rawStatistic - m) / Math.sqrt(variance);
        return new Result(statistic, pValue(statistic, m));
    }

    static double pValue(double statistic, int m) {
        if (Double.isNaN(statistic)) {
            return Double.NaN;
        }
        double[] critical = new double[SIGNIFICANCE.length];
        double[] logSignificance = new double[SIGNIFICANCE.length];
        for (int i = 0; i < critical.length; i++) {
            critical[i] = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
            logSignificance[i] = Math.log(SIGNIFICANCE[i]);
        }
        if (statistic < critical[0]) {
            return P_CAP;
        }
        if (statistic > critical[critical.length - 1]) {
            return P_FLOOR;
        }
        double[] q = quadraticFit(critical, logSignificance);
        return Math.exp(q[0] * statistic * statistic + q[1] * statistic + q[2]);
    }

    /** Least-squares y ≈ q0 x² + q1 x + q2 via the 3 × 3 normal equations (as {@code numpy.polyfit(x, y, 2)}). */
    static double[] quadraticFit(double[] x, double[] y) {
        double[][] a = new double[3][4];
        for (int i = 0; i < x.length; i++) {
            double[] basis = {x[i] * x[i], x[i], 1};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    a[r][c] += basis[r] * basis[c];
                }
                a[r][3] += basis[r] * y[i];
            }
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < 3; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 4; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }
}
