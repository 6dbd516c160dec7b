package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;

class RunSeriesTest {

    @Test
    void quantileInterpolatesLikeRType7() {
        double[] sorted = {1, 2, 3, 4};
        // h = (n - 1) p: 0.15 -> 1 + 0.15 * (2 - 1); 2.85 -> 3 + 0.85 * (4 - 3)
        assertThat(RunSeries.quantile(sorted, 0.05)).isCloseTo(1.15, offset(1e-12));
        assertThat(RunSeries.quantile(sorted, 0.95)).isCloseTo(3.85, offset(1e-12));
        assertThat(RunSeries.quantile(new double[] {7}, 0.05)).isEqualTo(7);
    }

    @Test
    void replicateBandsContainTheMean(@TempDir Path dir) throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 3000, 3);
        SimulationPlan plan = ScenarioCompiler.compile(SampleScenarios.loansRecession(3), dir, new RunListener() { })
                .withSteps(8);
        RunOutcome outcome = Experiment.run(plan, 6, 2, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        for (RunSeries.Key key : series.keys()) {
            RunSeries.Band band = series.band(key);
            for (int s = 0; s < series.steps(); s++) {
                if (Double.isNaN(band.mean()[s])) {
                    continue;
                }
                assertThat(band.mean()[s]).as(key + " step " + s).isBetween(band.low()[s] - 1e-12, band.high()[s] + 1e-12);
            }
        }
        RunSeries.Band accuracy = series.band(new RunSeries.Key(StepResult.OVERALL, "accuracy"));
        assertThat(accuracy.high()[0]).isGreaterThan(accuracy.low()[0]);
    }
}
