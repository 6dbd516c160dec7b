package org.twinbench.sim;

import java.util.Locale;
import org.twinbench.stats.WilsonInterval;

/**
 * How a verdict's headline words the run's overall accuracy over every labelled row ({@link PooledAccuracy}): with its
 * interval (the replicates' band, or Wilson's over the different rows drawn), the note when a small file's rows were
 * drawn again and again, and a binary model's recall beside it. The {@link Verdict} judges; this only says.
 */
final class AccuracyWords {

    private AccuracyWords() {
    }

    /**
     * The overall accuracy over every labelled row with its interval and, when rows were drawn again and again, the
     * note: "accuracy 0.95 (95% interval 0.93–0.96) over 2000 labelled rows"; a GREEN headline's, binary or
     * multiclass.
     */
    static String heldAccuracy(RunOutcome outcome, int steps) {
        PooledAccuracy all = PooledAccuracy.of(outcome, StepResult.OVERALL, 0, steps);
        return String.format(Locale.ROOT, "accuracy %.2f (%s) over %d labelled rows%s", all.accuracy(),
                accuracyInterval(outcome, all, steps), all.n(), repeats(outcome, all));
    }

    /** The interval of the overall accuracy as the headline words it: the replicate band, or Wilson's. */
    static String accuracyInterval(RunOutcome outcome, PooledAccuracy all, int steps) {
        ReplicateBand band = ReplicateBand.of(PooledAccuracy.perReplicate(outcome, StepResult.OVERALL, 0, steps, 0, 0));
        if (band != null) {
            return band.describe("%.2f");
        }
        double[] ci = WilsonInterval.of(all.accuracy(), (int) outcome.foundOrNone().distinctRows(all.n()));
        return String.format(Locale.ROOT, "95%% interval %.2f–%.2f", ci[0], ci[1]);
    }

    /**
     * When the run drew the same rows again and again (a small file replayed for many steps), how many different
     * rows its labelled draws hold: the intervals count each once ({@link RunFindings#distinctShare}).
     */
    private static String repeats(RunOutcome outcome, PooledAccuracy all) {
        long distinct = outcome.foundOrNone().distinctRows(all.n());
        return distinct >= Verdict.REPEAT_NOTE * all.n() ? "" : String.format(Locale.ROOT, " (drawn again and again "
                + "from about %d different rows; the intervals count each once)", distinct);
    }

    /**
     * A binary model's recall beside its accuracy, where people read them ("; it catches 87% of 'yes' (95% interval
     * 84–90%)"); empty when the run has no positives or did not record them.
     */
    static String catches(RunOutcome outcome, PooledAccuracy all) {
        double recall = all.recall();
        if (all.positives() <= 0 || Double.isNaN(recall)) {
            return "";
        }
        RunFindings names = outcome.foundOrNone();
        double[] ci = WilsonInterval.of(recall, (int) names.distinctRows(all.positives()));
        return String.format(Locale.ROOT, "; it catches %.0f%% of %s (95%% interval %.0f–%.0f%%)", 100 * recall,
                names.positive() == null ? "the positives" : names.positiveOr("'positive'"), 100 * ci[0], 100 * ci[1]);
    }
}
