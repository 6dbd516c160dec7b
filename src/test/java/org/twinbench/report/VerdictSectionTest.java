package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

class VerdictSectionTest {

    private static MetricSet accuracy(double a) {
        return new MetricSet(100, a, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    @Test
    void aColumnOfSevenSlicesIsDrawnAsItsFourWorstAndTheMeanOfTheOthers() {
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            List<SliceMetrics> slices = new ArrayList<>();
            for (int k = 1; k <= 7; k++) {
                slices.add(new SliceMetrics("dept", "d" + k, accuracy(k / 10.0)));
            }
            steps.add(new StepResult(0, step, accuracy(0.5), slices));
        }
        RunSeries series = RunSeries.of(new RunOutcome(List.of(steps), RunStatus.COMPLETED));
        List<SvgChart.Line> lines = VerdictSection.sliceLines(series, "dept", series.slices("accuracy"), "accuracy");
        assertThat(lines).extracting(SvgChart.Line::label)
                .containsExactly("d1", "d2", "d3", "d4", "others (3 slices, mean)");
        // (0.5 + 0.6 + 0.7) / 3 at every step.
        assertThat(lines.get(4).values()).containsExactly(new double[] {0.6, 0.6, 0.6}, offset(1e-12));
        // Five slices or fewer are all drawn.
        assertThat(VerdictSection.sliceLines(series, "dept", series.slices("accuracy").subList(0, 5), "accuracy")).hasSize(5);
    }
}
