package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.stats.MetricSet;

/**
 * The first and last tenths' means that run.json's summary ({@link RunSummary}), the report and the headlines quote
 * come from one place, with compensated summation. Expected values from Python 3.11 on the same series:
 * {@code math.fsum(x) / len(x)} (correctly rounded sum); numpy 1.24's and pandas 1.5's {@code mean} add naively
 * below eight values and differ in the last place where noted.
 */
class TenthMeansTest {

    private static MetricSet accuracy(double a) {
        return new MetricSet(1000, a, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /** One replicate of 30 steps (tenths of 3 steps): 0.1, 0.2, 0.3, then 0.5 …, then 0.7, no value, 0.1. */
    private static RunOutcome outcome() {
        double[] values = new double[30];
        java.util.Arrays.fill(values, 0.5);
        values[0] = 0.1;
        values[1] = 0.2;
        values[2] = 0.3;
        values[27] = 0.7;
        values[28] = Double.NaN;
        values[29] = 0.1;
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step < values.length; step++) {
            steps.add(new StepResult(0, step, accuracy(values[step]), List.of()));
        }
        return new RunOutcome(List.of(steps), RunStatus.COMPLETED);
    }

    @Test
    void tenthsAreCompensatedMeansLeavingOutStepsWithoutAValue() {
        TenthMeans tenths = TenthMeans.of(RunSeries.of(outcome()), StepResult.OVERALL, "accuracy");
        // math.fsum([0.1, 0.2, 0.3]) / 3 = 0.19999999999999998 (numpy.mean and pandas' mean: 0.20000000000000004)
        assertThat(tenths.start()).isEqualTo(0.19999999999999998);
        // numpy.nanmean([0.7, nan, 0.1]) = pandas.Series([0.7, None, 0.1]).mean() = math.fsum([0.7, 0.1]) / 2
        // = 0.39999999999999997
        assertThat(tenths.end()).isEqualTo(0.39999999999999997);
        assertThat(TenthMeans.meanOf(new double[] {Double.NaN, Double.NaN}, 0, 2)).isNaN();
        assertThat(TenthMeans.meanOf(new double[] {0.3, 0.6, 0.7}, 0, 3)).isEqualTo(0.5333333333333333);
    }

    @Test
    void runJsonSummaryQuotesTheSameTenths() {
        RunOutcome outcome = outcome();
        RunSeries series = RunSeries.of(outcome);
        RunSummary summary = RunSummary.of(outcome, series, List.of());
        TenthMeans tenths = TenthMeans.of(series, StepResult.OVERALL, "accuracy");
        assertThat(summary.accuracyStart()).isEqualTo(tenths.start());
        assertThat(summary.accuracyEnd()).isEqualTo(tenths.end());
        assertThat(summary.accuracyMin()).isEqualTo(0.1);
    }

    @Test
    void aSeriesTheRunDoesNotHaveHasNoTenths() {
        TenthMeans tenths = TenthMeans.of(RunSeries.of(outcome()), StepResult.OVERALL, "rmse");
        assertThat(tenths.start()).isNaN();
        assertThat(tenths.end()).isNaN();
    }
}
