package org.twinbench.sim.monitor;

import java.util.Locale;
import org.twinbench.sim.Alarm;
import org.twinbench.stats.TwoProportionTest;

/**
 * Compares the share of positive labels that arrive at each step with the reference's, as every run does
 * (it needs no node): a prior shift — often only a file sorted by its outcome and replayed in order — is
 * reported as such, with the way out. Alarms (detail starting with {@value #PREFIX}) in the step the share
 * starts to differ and again only after it has recovered, when the two-sided two-proportion z-test of the
 * step's labels against the reference's has p below {@value #ALPHA} and the shares differ by at least
 * {@value #MIN_DIFFERENCE}.
 *
 * @param nodeId the source node, under whose id the alarm is raised
 * @param positives positive labels among the reference's {@code labelled} rows
 */
public record OutcomeShareMonitor(String nodeId, String positiveLabel, long positives, long labelled)
        implements Monitor {

    /** The start of every outcome-share alarm's detail. */
    public static final String PREFIX = "outcome share: ";
    static final double ALPHA = 0.001;
    static final double MIN_DIFFERENCE = 0.10;

    /** The monitor of reference labels coded 1 (positive), 0 or −1 (missing). */
    public static OutcomeShareMonitor of(String nodeId, String positiveLabel, int[] referenceLabels) {
        long positives = 0;
        long labelled = 0;
        for (int label : referenceLabels) {
            positives += label == 1 ? 1 : 0;
            labelled += label >= 0 ? 1 : 0;
        }
        return new OutcomeShareMonitor(nodeId, positiveLabel, positives, labelled);
    }

    @Override
    public AlarmRate alarmRate() {
        return new AlarmRate(nodeId, 1, ALPHA, true);
    }

    @Override
    public Watch start() {
        boolean[] differs = new boolean[1];
        return (arrived, current, out) -> {
            if (arrived.isEmpty() || labelled == 0) {
                return;
            }
            long k = 0;
            long n = 0;
            for (var batch : arrived) {
                for (int label : batch.labels()) {
                    k += label == 1 ? 1 : 0;
                    n += label >= 0 ? 1 : 0;
                }
            }
            if (n == 0) {
                return;
            }
            double share = (double) k / n;
            double reference = (double) positives / labelled;
            double z = TwoProportionTest.z(k, n, positives, labelled);
            double p = Double.isNaN(z) ? 1 : 2 * (1 - TwoProportionTest.normalCdf(Math.abs(z)));
            boolean now = p < ALPHA && Math.abs(share - reference) >= MIN_DIFFERENCE;
            if (now && !differs[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, PREFIX + "%.0f%% '%s' in the %d labels "
                        + "that arrived, against %.0f%% in the reference: a prior shift; if the file is sorted by "
                        + "its outcome, shuffle it (source sampling per-step) or replay it by a time column",
                        100 * share, positiveLabel, n, 100 * reference));
            }
            differs[0] = now;
        };
    }
}
