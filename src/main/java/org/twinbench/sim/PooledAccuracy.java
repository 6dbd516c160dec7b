package org.twinbench.sim;

import java.util.List;
import org.twinbench.stats.ReliabilityBins;
import org.twinbench.stats.SliceMetrics;

/**
 * Labelled rows of a slice over a span of steps, every replicate, as the {@link Verdict} judges them: correct answers,
 * and (overall, from the reliability bins) positives and true positives; −1 positives when the bins were not
 * recorded. Also each replicate's accuracy, for the replicates' band ({@link #perReplicate}).
 */
record PooledAccuracy(long n, long correct, long positives, double truePositives) {

    static PooledAccuracy of(RunOutcome outcome, String slice, int from, int to) {
        long n = 0;
        long correct = 0;
        long positives = 0;
        double truePositives = 0;
        boolean bins = true;
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                if (result.step() < from || result.step() >= to) {
                    continue;
                }
                org.twinbench.stats.MetricSet m = metrics(result, slice);
                if (m == null || m.n() == 0 || Double.isNaN(m.accuracy())) {
                    continue;
                }
                n += m.n();
                correct += Math.round(m.accuracy() * m.n());
                long p = result.calibration().total() == m.n() ? positives(result.calibration()) : -1;
                bins &= p >= 0;
                if (p > 0) {
                    positives += p;
                    truePositives += Double.isNaN(m.recall()) ? 0 : m.recall() * p;
                }
            }
        }
        return new PooledAccuracy(n, correct, bins && StepResult.OVERALL.equals(slice) ? positives : -1, truePositives);
    }

    /**
     * Overall and every slice's labelled rows in the first and the last tenth of the steps (at least one step each),
     * as the binary and multiclass verdicts compare them.
     */
    static JudgedGroups<PooledAccuracy> tenths(RunOutcome outcome, RunSeries series) {
        int steps = series.steps();
        int window = Math.max(1, steps / 10);
        List<String> groups = new java.util.ArrayList<>();
        groups.add(StepResult.OVERALL);
        groups.addAll(series.slices("accuracy"));
        return JudgedGroups.of(groups, steps, window, g -> of(outcome, g, 0, window),
                g -> of(outcome, g, steps - window, steps), PooledAccuracy::n, e -> true);
    }

    /** A step's figures of one slice (or overall), or null when the step has none for it. */
    static org.twinbench.stats.MetricSet metrics(StepResult result, String slice) {
        if (StepResult.OVERALL.equals(slice)) {
            return result.overall();
        }
        for (SliceMetrics s : result.slices()) {
            if (StepRows.sliceName(s).equals(slice)) {
                return s.metrics();
            }
        }
        return null;
    }

    private static long positives(ReliabilityBins bins) {
        long p = 0;
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            p += bins.positives(b);
        }
        return p;
    }

    /**
     * Each replicate's accuracy of a slice over steps {@code [from, to)}, minus its accuracy over
     * {@code [from2, to2)} when that span is not empty (a fall); NaN for a replicate without rows in a span.
     * Empty for a run of one replicate.
     */
    static double[] perReplicate(RunOutcome outcome, String slice, int from, int to, int from2, int to2) {
        int replicates = outcome.replicates().size();
        if (replicates < 2) {
            return new double[0];
        }
        double[] out = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            RunOutcome one = new RunOutcome(List.of(outcome.replicates().get(r)), outcome.status());
            double value = PooledAccuracy.of(one, slice, from, to).accuracy();
            out[r] = from2 < to2 ? value - PooledAccuracy.of(one, slice, from2, to2).accuracy() : value;
        }
        return out;
    }

    double accuracy() {
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    double majority() {
        return n == 0 || positives < 0 ? Double.NaN : Math.max(positives, n - positives) / (double) n;
    }

    double recall() {
        return positives <= 0 ? Double.NaN : truePositives / positives;
    }
}
