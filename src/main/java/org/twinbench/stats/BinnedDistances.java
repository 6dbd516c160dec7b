package org.twinbench.stats;

/**
 * Distances between two binned distributions given as counts per bin (the same bins on both sides):
 * population stability index, Jensen–Shannon distance and Hellinger distance.
 */
public final class BinnedDistances {

    /** A bin share of 0 is replaced by this before taking logarithms in the PSI (CLI.md). */
    public static final double PSI_FLOOR = 1e-4;

    private BinnedDistances() {
    }

    /** PSI = Σ_b (c_b − r_b) ln(c_b / r_b) over bin shares, a share of 0 counting as {@value #PSI_FLOOR}. */
    public static double psi(long[] reference, long[] current) {
        double nRef = total(reference);
        double nCur = total(current);
        if (nRef == 0 || nCur == 0) {
            return Double.NaN;
        }
        double psi = 0;
        for (int b = 0; b < reference.length; b++) {
            double r = Math.max(reference[b] / nRef, PSI_FLOOR);
            double c = Math.max(current[b] / nCur, PSI_FLOOR);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /**
     * Jensen–Shannon distance in base 2: √(½ KL(p‖m) + ½ KL(q‖m)) with m = (p + q) / 2, as
     * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}; between 0 and 1.
     */
    public static double jensenShannon(long[] reference, long[] current) {
        double nRef = total(reference);
        double nCur = total(current);
        if (nRef == 0 || nCur == 0) {
            return Double.NaN;
        }
        double divergence = 0;
        for (int b = 0; b < reference.length; b++) {
            double p = reference[b] / nRef;
            double q = current[b] / nCur;
            double m = (p + q) / 2;
            if (p > 0) {
                divergence += p * Math.log(p / m);
            }
            if (q > 0) {
                divergence += q * Math.log(q / m);
            }
        }
        // Natural-log divergence halved, then converted to base 2; rounding can make it a hair negative.
        return Math.sqrt(Math.max(0.0, divergence / 2 / Math.log(2)));
    }

    /** Hellinger distance √(½ Σ_b (√p_b − √q_b)²); between 0 and 1. */
    public static double hellinger(long[] reference, long[] current) {
        double nRef = total(reference);
        double nCur = total(current);
        if (nRef == 0 || nCur == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int b = 0; b < reference.length; b++) {
            double d = Math.sqrt(reference[b] / nRef) - Math.sqrt(current[b] / nCur);
            sum += d * d;
        }
        return Math.sqrt(sum / 2);
    }

    static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
