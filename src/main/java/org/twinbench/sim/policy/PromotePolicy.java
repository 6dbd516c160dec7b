package org.twinbench.sim.policy;

import java.util.Locale;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.stats.TwoProportionTest;

/**
 * Promotes the challenger when it is better: on the labelled rows that have arrived so far, with at
 * least {@code minRows} labelled rows on each side, a one-sided test gives p &lt; {@code alpha}. The
 * challenger then takes all traffic.
 * <ul>
 *   <li>classifiers (binary at {@code scoreThreshold}, multiclass by the most probable class): the
 *       two-proportion z-test of "challenger accuracy &gt; champion accuracy";</li>
 *   <li>regression: the large-sample (Welch) z-test of "challenger mean absolute error &lt; champion's",
 *       {@code z = (mae₁ − mae₂) / sqrt(s₁²/n₁ + s₂²/n₂)} with the sample variances of the absolute
 *       errors, p = 1 − Φ(z).</li>
 * </ul>
 */
public record PromotePolicy(String nodeId, Challenger challenger, double alpha, int minRows, double scoreThreshold)
        implements Policy {

    @Override
    public Run start() {
        // Per arm (champion at 0, challenger at 3): rows right (or Σ|error|), rows, Σ error².
        double[] sums = new double[6];
        boolean[] promoted = {false};
        boolean[] regression = {false};
        return (step, arrived, current, out) -> {
            if (promoted[0]) {
                return current;
            }
            for (LabelledBatch batch : arrived) {
                regression[0] |= batch.amounts() != null;
                for (int i = 0; i < batch.labels().length; i++) {
                    if (batch.labels()[i] < 0) {
                        continue;
                    }
                    int arm = batch.byChallenger() != null && batch.byChallenger()[i] ? 3 : 0;
                    if (batch.amounts() != null) {
                        double error = Math.abs(batch.amounts()[i] - batch.scores()[i]);
                        sums[arm] += error;
                        sums[arm + 2] += error * error;
                    } else {
                        int predicted = batch.proba() != null ? (int) batch.scores()[i]
                                : batch.scores()[i] >= scoreThreshold ? 1 : 0;
                        sums[arm] += predicted == batch.labels()[i] ? 1 : 0;
                    }
                    sums[arm + 1]++;
                }
            }
            if (sums[1] < minRows || sums[4] < minRows) {
                return current;
            }
            double p = regression[0] ? smallerErrorPValue(sums) : TwoProportionTest.pValueGreater((long) sums[3],
                    (long) sums[4], (long) sums[0], (long) sums[1]);
            out.measure(nodeId + ".p_value", p);
            if (p < alpha) {
                promoted[0] = true;
                out.signal(nodeId, Alarm.PROMOTE, String.format(Locale.ROOT,
                        "challenger %s %.3f (%d rows) beats champion %.3f (%d rows), p = %.2g",
                        regression[0] ? "mean absolute error" : "accuracy", sums[3] / sums[4], (long) sums[4],
                        sums[0] / sums[1], (long) sums[1], p));
                return challenger.model();
            }
            return current;
        };
    }

    /** The one-sided p-value of "the challenger's mean absolute error is smaller", as described above. */
    static double smallerErrorPValue(double[] sums) {
        double[] mean = new double[2];
        double variance = 0;
        for (int arm = 0; arm < 2; arm++) {
            double n = sums[3 * arm + 1];
            mean[arm] = sums[3 * arm] / n;
            double var = (sums[3 * arm + 2] - n * mean[arm] * mean[arm]) / (n - 1);
            variance += Math.max(var, 0) / n;
        }
        double se = Math.sqrt(variance);
        return se == 0 ? (mean[1] < mean[0] ? 0 : 1) : 1 - TwoProportionTest.normalCdf((mean[0] - mean[1]) / se);
    }

    /** The current model after a promotion: nothing more to route. */
    public static boolean isPromoted(TaskModel current, Challenger challenger) {
        return challenger != null && current == challenger.model();
    }
}
