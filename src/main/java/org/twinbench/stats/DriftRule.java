package org.twinbench.stats;

/** A drift decision rule for one column: a method and its threshold. */
public record DriftRule(DriftMethod method, double threshold) {

    /** Reference tables up to this many rows are judged by tests, larger ones by distances (docs/cli.md). */
    public static final long SMALL_REFERENCE_ROWS = 1000;

    public static DriftRule of(DriftMethod method) {
        return new DriftRule(method, method.defaultThreshold());
    }

    /**
     * The default of docs/cli.md: with a reference of at most 1000 rows, KS p &lt; 0.05 (numeric) or chi-squared p &lt;
     * 0.05 (categorical); with more rows, {@code wasserstein_normed} ≥ 0.1 or {@code jensen_shannon} ≥ 0.1.
     */
    public static DriftRule defaultFor(String kind, long referenceRows) {
        boolean numeric = "numeric".equals(kind);
        if (referenceRows <= SMALL_REFERENCE_ROWS) {
            return of(numeric ? DriftMethod.KS : DriftMethod.CHI2);
        }
        return of(numeric ? DriftMethod.WASSERSTEIN : DriftMethod.JENSEN_SHANNON);
    }

    /** Drift when a p-value is below the threshold or a distance is at or above it; NaN is no drift. */
    public boolean drifted(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return method.isPValue() ? value < threshold : value >= threshold;
    }
}
