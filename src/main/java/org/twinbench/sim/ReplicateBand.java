package org.twinbench.sim;

import java.util.Arrays;

/**
 * The verdict's interval when a run has replicates: the spread of one figure across the replicates rather
 * than a binomial interval of their pooled rows (replicates resample the same production rows, so pooling
 * them overstates what the data knows). The band is the 2.5th to 97.5th percentile of the replicates' values
 * (linear interpolation between order statistics, R type 7 — numpy's default — as the charts' 90% band), so
 * 95% of the replicates fall inside it; with 2 to 40 replicates it is close to their range.
 */
public record ReplicateBand(double low, double high, int replicates) {

    /** The band of the present (non-NaN) values; null with fewer than two. */
    public static ReplicateBand of(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length < 2) {
            return null;
        }
        return new ReplicateBand(RunSeries.quantile(present, 0.025), RunSeries.quantile(present, 0.975),
                present.length);
    }

    /** The words of the headline: {@code 95% band over 5 replicates 0.81–0.84}, with the given number format. */
    public String describe(String format) {
        return String.format(java.util.Locale.ROOT, "95%% band over %d replicates " + format + "–" + format,
                replicates, low, high);
    }
}
