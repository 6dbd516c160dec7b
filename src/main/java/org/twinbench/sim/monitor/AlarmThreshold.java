package org.twinbench.sim.monitor;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.twinbench.sim.Seeds;
import org.twinbench.stats.NullCalibration;

/**
 * When a drift monitor alarms: at a threshold the user set, or — without one — at the threshold that holds
 * a stated false-alarm rate per column and step for the step's batch size ({@link NullCalibration}),
 * calibrated from the reference once per column and batch size and shared by the replicates of a run.
 * Deterministic: the resamples draw from the run's seed, the node and the column.
 *
 * @param fixed the user's threshold, or NaN when calibrated
 * @param rate the stated false-alarm rate when calibrated (NaN for a user's threshold)
 */
public record AlarmThreshold(double fixed, double rate, long seed, String nodeId,
                             Map<String, Double> calibrated) {

    public AlarmThreshold {
        calibrated = calibrated == null ? new ConcurrentHashMap<>() : calibrated;
    }

    /** The threshold the user set. */
    public static AlarmThreshold fixed(double threshold) {
        return new AlarmThreshold(threshold, Double.NaN, 0, "", null);
    }

    /** Thresholds calibrated from the reference to the false-alarm rate. */
    public static AlarmThreshold calibrated(double rate, long seed, String nodeId) {
        NullCalibration.resamples(rate);
        return new AlarmThreshold(Double.NaN, rate, seed, nodeId, null);
    }

    /** Whether the threshold is calibrated to a stated rate (no user threshold). */
    public boolean isCalibrated() {
        return Double.isNaN(fixed);
    }

    /**
     * The threshold for {@code column} with {@code present} values in the step, against a reference of
     * {@code referenceCount} values; {@code statistic} computes the statistic between reference rows.
     */
    public double threshold(String column, int present, int referenceCount, NullCalibration.PairStatistic statistic) {
        if (!isCalibrated()) {
            return fixed;
        }
        int size = NullCalibration.calibrationSize(present);
        if (size <= 0) {
            return Double.NaN;
        }
        return calibrated.computeIfAbsent(column + "\u0000" + size, key -> NullCalibration.threshold(referenceCount,
                size, rate, statistic, Seeds.random(seed, nodeId + "/" + column, 0, size)));
    }

    /** The alarm's wording of the threshold crossed, e.g. {@code > 0.183 (1% false alarms at 250 rows)}. */
    String describe(double threshold, int present) {
        if (!isCalibrated()) {
            return String.format(Locale.ROOT, ">= %.3f", threshold);
        }
        return String.format(Locale.ROOT, ">= %.3f (the %s%% false-alarm threshold for %d rows)", threshold,
                percent(rate), NullCalibration.calibrationSize(present));
    }

    static String percent(double rate) {
        double p = rate * 100;
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2g", p);
    }
}
