package org.twinbench.sim.monitor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.stats.TwoProportionTest;

/**
 * Performance as an operator would see it: on the labels that have arrived (so {@code k} steps late
 * with a label delay of k), over the last {@code windowSteps} labelled steps. For a classifier it records
 * {@code <id>.observed_accuracy} every step once labels exist and raises an alarm when it falls below
 * {@code threshold}; for a regression it records {@code <id>.observed_mae}, {@code <id>.observed_rmse} and
 * {@code <id>.observed_r2} (R² = 1 − SS_res / SS_tot over the window's rows) and alarms when R² falls below
 * {@code threshold}. Once per crossing: it re-arms when the figure is back at or above the threshold. Without a
 * threshold ({@link #calibrated}) it alarms when the figure is worse than its first window's beyond chance.
 */
public record PerformanceMonitor(String nodeId, int windowSteps, double threshold, double scoreThreshold,
                                 double falseAlarmRate) implements Monitor {

    /** A monitor alarming below the user's {@code threshold}. */
    public PerformanceMonitor(String nodeId, int windowSteps, double threshold, double scoreThreshold) {
        this(nodeId, windowSteps, threshold, scoreThreshold, Double.NaN);
    }

    /**
     * Without a threshold: the level is the monitor's first full window of labelled steps, and a later window that no
     * longer shares a step with it alarms when its figure is worse beyond chance at {@code falseAlarmRate} (one test
     * a step): accuracy lower (one-sided two-proportion z-test, pooled), or the mean absolute error higher (one-sided
     * Welch z-test on the rows' absolute errors). A fixed 0.8 alarmed on untouched data at every step for any model
     * right less often than that (credit scoring: 0.79; a regression's R² of 0.5).
     */
    public static PerformanceMonitor calibrated(String nodeId, int windowSteps, double scoreThreshold, double rate) {
        return new PerformanceMonitor(nodeId, windowSteps, Double.NaN, scoreThreshold, rate);
    }

    @Override
    public Watch start() {
        // Per labelled step: rows right, rows (classifier); or rows, Σ|e|, Σe², Σy, Σy² (regression).
        ArrayDeque<double[]> window = new ArrayDeque<>();
        boolean[] below = {false};
        int[] labelledSteps = {0};
        double[][] level = {null};
        return (arrived, current, out) -> {
            for (LabelledBatch batch : arrived) {
                window.addLast(batch.amounts() != null ? errorSums(batch)
                        : new double[] {batch.labelled() - batch.errors(scoreThreshold), batch.labelled()});
                while (window.size() > windowSteps) {
                    window.removeFirst();
                }
                labelledSteps[0]++;
            }
            if (window.isEmpty()) {
                return;
            }
            double[] sums = new double[window.peekFirst().length];
            for (double[] counts : window) {
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += counts[j];
                }
            }
            boolean regression = sums.length > 2;
            double total = regression ? sums[0] : sums[1];
            if (total == 0) {
                return;
            }
            String metric;
            double value;
            if (regression) {
                double n = sums[0];
                double totalSquares = sums[4] - sums[3] * sums[3] / n;
                value = totalSquares <= 0 ? Double.NaN : 1 - sums[2] / totalSquares;
                out.measure(nodeId + ".observed_mae", sums[1] / n);
                out.measure(nodeId + ".observed_rmse", Math.sqrt(sums[2] / n));
                out.measure(nodeId + ".observed_r2", value);
                metric = "R²";
            } else {
                value = sums[0] / sums[1];
                out.measure(nodeId + ".observed_accuracy", value);
                metric = "accuracy";
            }
            if (Double.isNaN(threshold)) {
                if (level[0] == null && labelledSteps[0] >= windowSteps) {
                    level[0] = sums;
                }
                String worse = level[0] == null || labelledSteps[0] < 2 * windowSteps ? null
                        : worseBeyondChance(level[0], sums, regression);
                if (worse != null && !below[0] && !arrived.isEmpty()) {
                    out.signal(nodeId, Alarm.ALARM, worse);
                }
                below[0] = worse != null;
                return;
            }
            if (value < threshold && !below[0] && !arrived.isEmpty()) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT,
                        "%s %.3f < %.3f over the last %d labelled steps", metric, value, threshold, window.size()));
            }
            below[0] = value < threshold;
        };
    }

    /**
     * The alarm's words when the window's figure ({@code now}'s sums) is worse than the level's beyond chance at the
     * false-alarm rate, else null.
     */
    private String worseBeyondChance(double[] first, double[] now, boolean regression) {
        double p;
        String words;
        if (regression) {
            double n0 = first[0];
            double n = now[0];
            if (n0 < 2 || n < 2) {
                return null;
            }
            double mae0 = first[1] / n0;
            double mae = now[1] / n;
            double v0 = Math.max(0, (first[2] - n0 * mae0 * mae0) / (n0 - 1));
            double v = Math.max(0, (now[2] - n * mae * mae) / (n - 1));
            double se = Math.sqrt(v0 / n0 + v / n);
            p = se == 0 ? (mae > mae0 ? 0 : 1) : 1 - TwoProportionTest.normalCdf((mae - mae0) / se);
            words = String.format(Locale.ROOT, "mean absolute error %.4g over the last %d labelled steps, above the"
                    + " first %d steps' %.4g beyond chance (one-sided Welch z-test on the absolute errors, p = %.2g <"
                    + " %s)", mae, windowSteps, windowSteps, mae0, p, rate());
        } else {
            long right0 = Math.round(first[0]);
            long rows0 = Math.round(first[1]);
            long right = Math.round(now[0]);
            long rows = Math.round(now[1]);
            p = TwoProportionTest.pValueGreater(right0, rows0, right, rows);
            words = String.format(Locale.ROOT, "accuracy %.3f over the last %d labelled steps, below the first %d"
                    + " steps' %.3f beyond chance (one-sided two-proportion z-test, p = %.2g < %s)",
                    (double) right / rows, windowSteps, windowSteps, (double) right0 / rows0, p, rate());
        }
        return p < falseAlarmRate ? words : null;
    }

    private String rate() {
        return new java.math.BigDecimal(Double.toString(falseAlarmRate)).stripTrailingZeros().toPlainString();
    }

    /** A regression step's rows with a true amount: n, Σ|e|, Σe², Σy, Σy². */
    private static double[] errorSums(LabelledBatch batch) {
        double[] sums = new double[5];
        for (int i = 0; i < batch.labels().length; i++) {
            if (batch.labels()[i] >= 0) {
                double y = batch.amounts()[i];
                double e = y - batch.scores()[i];
                sums[0]++;
                sums[1] += Math.abs(e);
                sums[2] += e * e;
                sums[3] += y;
                sums[4] += y * y;
            }
        }
        return sums;
    }

    static List<String> measureNames(String nodeId) {
        return List.of(nodeId + ".observed_accuracy");
    }
}
