package org.twinbench.sim.policy;

import java.util.Locale;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.stats.TwoProportionTest;

/**
 * Promotes the challenger when it is better: on the labelled rows that have arrived so far, the
 * one-sided two-proportion z-test of "challenger accuracy &gt; champion accuracy" gives p &lt; {@code alpha},
 * with at least {@code minRows} labelled rows on each side. The challenger then takes all traffic.
 */
public record PromotePolicy(String nodeId, Challenger challenger, double alpha, int minRows, double scoreThreshold)
        implements Policy {

    @Override
    public Run start() {
        long[] counts = new long[4]; // champion correct, champion rows, challenger correct, challenger rows
        boolean[] promoted = {false};
        return (step, arrived, current, out) -> {
            if (promoted[0]) {
                return current;
            }
            for (LabelledBatch batch : arrived) {
                for (int i = 0; i < batch.labels().length; i++) {
                    if (batch.labels()[i] < 0) {
                        continue;
                    }
                    int arm = batch.byChallenger() != null && batch.byChallenger()[i] ? 2 : 0;
                    counts[arm] += (batch.scores()[i] >= scoreThreshold ? 1 : 0) == batch.labels()[i] ? 1 : 0;
                    counts[arm + 1]++;
                }
            }
            if (counts[1] < minRows || counts[3] < minRows) {
                return current;
            }
            double p = TwoProportionTest.pValueGreater(counts[2], counts[3], counts[0], counts[1]);
            out.measure(nodeId + ".p_value", p);
            if (p < alpha) {
                promoted[0] = true;
                out.signal(nodeId, Alarm.PROMOTE, String.format(Locale.ROOT,
                        "challenger accuracy %.3f (%d rows) beats champion %.3f (%d rows), p = %.2g",
                        (double) counts[2] / counts[3], counts[3], (double) counts[0] / counts[1], counts[1], p));
                return challenger.model();
            }
            return current;
        };
    }

    /** The current model after a promotion: nothing more to route. */
    public static boolean isPromoted(BinaryClassifier current, Challenger challenger) {
        return challenger != null && current == challenger.model();
    }
}
