package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.stats.MetricSet;

/**
 * With replicates, the headline's intervals are the band across replicates (2.5th–97.5th percentile, numpy's
 * linear rule), not an interval of the pooled rows. Expected bands from numpy.percentile on the same values.
 */
class ReplicateBandVerdictTest {

    private static final int ROWS = 5000;

    private static MetricSet accuracy(double a) {
        return new MetricSet(ROWS, a, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /** Four replicates of 10 steps: replicate r at accuracy first[r] for steps 0–8, last[r] at step 9. */
    private static RunOutcome outcome(double[] first, double[] last) {
        List<List<StepResult>> replicates = new ArrayList<>();
        for (int r = 0; r < first.length; r++) {
            List<StepResult> steps = new ArrayList<>();
            for (int step = 0; step < 10; step++) {
                steps.add(new StepResult(r, step, accuracy(step < 9 ? first[r] : last[r]), List.of()));
            }
            replicates.add(steps);
        }
        return new RunOutcome(replicates, RunStatus.COMPLETED);
    }

    @Test
    void theFallIsJudgedOnItsBandAcrossReplicates() {
        RunOutcome outcome = outcome(new double[] {0.90, 0.88, 0.91, 0.89}, new double[] {0.80, 0.85, 0.78, 0.86});
        // numpy.percentile([0.10, 0.03, 0.13, 0.03], [2.5, 97.5]) = [0.03, 0.12775]
        ReplicateBand band = ReplicateBand.of(new double[] {0.10, 0.03, 0.13, 0.03});
        assertThat(band.low()).isCloseTo(0.03, within(1e-12));
        assertThat(band.high()).isCloseTo(0.12775, within(1e-12));
        Verdict verdict = Verdict.of(outcome, RunSeries.of(outcome));
        assertThat(verdict.light()).isEqualTo(RunSummary.Light.RED);
        assertThat(verdict.headline()).startsWith("Accuracy falls by 0.073 (0.90 → 0.82; 95% band over 4 "
                + "replicates 0.030–0.12");
    }

    @Test
    void replicatesThatDisagreeAboutAFallDoNotMakeOneThoughTheirPooledRowsWould() {
        double[] first = {0.90, 0.88, 0.91, 0.89};
        double[] last = {0.84, 0.90, 0.86, 0.89};
        RunOutcome outcome = outcome(first, last);
        // Pooled, 20,000 rows a tenth: Newcombe's interval of the fall 0.0225 excludes 0 ...
        assertThat(Verdict.newcombe(Math.round(0.895 * 4 * ROWS), 4 * ROWS, Math.round(0.8725 * 4 * ROWS),
                4 * ROWS)[0]).isPositive();
        // ... but one replicate rises and one holds: numpy.percentile([0.06, -0.02, 0.05, 0.0], 2.5) = -0.0185.
        Verdict verdict = Verdict.of(outcome, RunSeries.of(outcome));
        assertThat(verdict.light()).isEqualTo(RunSummary.Light.GREEN);
        // Each replicate's accuracy (9 first + last) / 10 = 0.894, 0.882, 0.905, 0.890:
        // numpy.percentile(..., [2.5, 97.5]) = [0.8826, 0.904175].
        assertThat(verdict.headline()).startsWith("The model holds: accuracy 0.89 (95% band over 4 replicates "
                + "0.88–0.90) over 200000 labelled rows");
    }

    @Test
    void oneReplicateKeepsTheBinomialInterval() {
        RunOutcome outcome = outcome(new double[] {0.90}, new double[] {0.80});
        assertThat(Verdict.of(outcome, RunSeries.of(outcome)).headline()).contains("95% interval of the fall");
        assertThat(ReplicateBand.of(new double[] {0.5, Double.NaN})).isNull();
    }
}
