package org.twinbench.stats;

/**
 * Distances between two binned distributions given as counts per bin (the same bins on both sides):
 * population stability index, Jensen–Shannon distance and Hellinger distance. Each is NaN when a side
 * has no values.
 */
public final class BinnedDistances {

    /** A bin share of 0 is replaced by this before taking logarithms in the PSI (docs/cli.md). */
    public static final double PSI_FLOOR = 1e-4;

    private BinnedDistances() {
    }

    /** PSI = Σ_b (c_b − r_b) ln(c_b / r_b) over bin shares, a share of 0 counting as {@value #PSI_FLOOR}. */
    public static double psi(long[] reference, long[] current) {
        double[] p = shares(reference);
        double[] q = shares(current);
        if (p == null || q == null) {
            return Double.NaN;
        }
        double psi = 0;
        for (int b = 0; b < p.length; b++) {
            double r = Math.max(p[b], PSI_FLOOR);
            double c = Math.max(q[b], PSI_FLOOR);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /**
     * Jensen–Shannon distance in base 2: √(½ KL(p‖m) + ½ KL(q‖m)) with m = (p + q) / 2, as
     * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}; between 0 and 1.
     */
    public static double jensenShannon(long[] reference, long[] current) {
        double[] p = shares(reference);
        double[] q = shares(current);
        if (p == null || q == null) {
            return Double.NaN;
        }
        double divergence = 0;
        for (int b = 0; b < p.length; b++) {
            double m = (p[b] + q[b]) / 2;
            if (p[b] > 0) {
                divergence += p[b] * Math.log(p[b] / m);
            }
            if (q[b] > 0) {
                divergence += q[b] * Math.log(q[b] / m);
            }
        }
        // Natural-log divergence halved, then converted to base 2; rounding can make it a hair negative.
        return Math.sqrt(Math.max(0.0, divergence / 2 / Math.log(2)));
    }

    /** Hellinger distance √(½ Σ_b (√p_b − √q_b)²); between 0 and 1. */
    public static double hellinger(long[] reference, long[] current) {
        double[] p = shares(reference);
        double[] q = shares(current);
        if (p == null || q == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int b = 0; b < p.length; b++) {
            double d = Math.sqrt(p[b]) - Math.sqrt(q[b]);
            sum += d * d;
        }
        return Math.sqrt(sum / 2);
    }

    /** Counts divided by their total, or null when the total is 0. */
    private static double[] shares(long[] counts) {
        double total = total(counts);
        if (total == 0) {
            return null;
        }
        double[] out = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            out[b] = counts[b] / total;
        }
        return out;
    }

    static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
