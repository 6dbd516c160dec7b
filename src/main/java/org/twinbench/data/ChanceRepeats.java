package org.twinbench.data;

import java.util.Arrays;
import java.util.List;

/**
 * How many rows would repeat an earlier row by chance alone: the expected number of rows minus the expected number of
 * distinct value combinations when each column's values are drawn independently with the column's own shares (a
 * missing value counts as a value). Columns with few distinct values — a sex, a class, an age in years — make many
 * repeats expected, which are then no sign of copied rows; continuous columns make any repeat unlikely.
 *
 * <p>With at most {@value #ENUMERATED} combinations the expectation is exact under independence:
 * {@code n − Σ_c (1 − (1 − p_c)^n)}; beyond, it is the pair approximation {@code n(n−1)/2 · Π_j Σ_v p_jv²}, at most
 * {@code n − 1}. Independence understates repeats when columns go together, so {@link #byChance} allows half as many
 * again.
 */
public final class ChanceRepeats {

    static final int ENUMERATED = 200_000;
    static final double ALLOWANCE = 1.5;

    private ChanceRepeats() {
    }

    /** The expected number of rows that repeat an earlier row among {@code n} rows of these columns. */
    public static double expected(List<Column> columns, int n) {
        if (n < 2 || columns.isEmpty()) {
            return 0;
        }
        double[][] shares = new double[columns.size()][];
        double combinations = 1;
        for (int j = 0; j < shares.length; j++) {
            shares[j] = shares(columns.get(j), n);
            combinations *= shares[j].length;
        }
        if (combinations <= ENUMERATED) {
            double[] joint = {1.0};
            for (double[] column : shares) {
                double[] next = new double[joint.length * column.length];
                int k = 0;
                for (double a : joint) {
                    for (double b : column) {
                        next[k++] = a * b;
                    }
                }
                joint = next;
            }
            double distinct = 0;
            for (double p : joint) {
                distinct += -Math.expm1(n * Math.log1p(-p));
            }
            return Math.max(0, n - distinct);
        }
        double collision = 1;
        for (double[] column : shares) {
            collision *= Arrays.stream(column).map(p -> p * p).sum();
        }
        return Math.min(n - 1.0, n * (n - 1.0) / 2 * collision);
    }

    /** Whether {@code observed} repeats are no more than chance explains (with the allowance for related columns). */
    public static boolean byChance(int observed, double expected) {
        return observed <= ALLOWANCE * expected;
    }

    private static double[] shares(Column column, int n) {
        int[] counts = DataQuality.valueCounts(column);
        int missing = column.missingCount();
        double[] out = new double[counts.length + (missing > 0 ? 1 : 0)];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (double) counts[i] / n;
        }
        if (missing > 0) {
            out[counts.length] = (double) missing / n;
        }
        return out;
    }
}
