package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tick labels made once read as the chart's formatting makes them, and are not made again. */
class TickLabelsTest {

    @Test
    void aLabelReadsAsFormattedAndIsMadeOnce() {
        // Round ticks as the axes step them, with the rounding error of adding a spacing (never "-0.00").
        double[][] ticks = {{0.8, 0.05}, {0.1 + 0.2 - 0.3, 0.05}, {2500, 500}, {1e-7, 1e-6}, {-0.25, 0.05}};
        assertThat(TickLabels.of(ticks[0][0], ticks[0][1])).isEqualTo("0.80");
        assertThat(TickLabels.of(ticks[1][0], ticks[1][1])).isEqualTo("0.00");
        assertThat(TickLabels.of(ticks[2][0], ticks[2][1])).isEqualTo("2500");
        for (double[] tick : ticks) {
            String first = TickLabels.of(tick[0], tick[1]);
            assertThat(first).isEqualTo(MetricPlot.format(tick[0], tick[1]));
            assertThat(TickLabels.of(tick[0], tick[1])).isSameAs(first);
        }
    }
}
