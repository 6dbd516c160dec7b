package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The live chart's legend never runs past the chart: figures by hand with text 6 px a character, rows
 * of 16 px from 10 px down (the legend's own constants), a label's room two fifths of the width.
 */
class PlotLegendTest {

    private static final ToDoubleFunction<String> SIX_PX = text -> 6.0 * text.length();

    private static List<ChartCurve> curves(String... names) {
        return Stream.of(names).map(n -> new ChartCurve(n, 0, new int[] {0}, new double[] {1}, false)).toList();
    }

    private final List<ChartCurve> six = curves("overall", "referring_site=Hill Street Practice",
            "referring_site=University Hospital Annex", "referring_site=Northgate Oncology Centre",
            "scanner_model=Hologic 3Dimensions", "others (8 slices, mean)");

    @Test
    void aLowChartGetsASecondColumnAndShortenedLabels() {
        PlotLegend legend = new PlotLegend();
        // 95 px high: (95 - 10 - 8) / 16 = 4 rows, so 2 columns; room 660 * 0.4 / 2 - 34 = 98 px a label.
        legend.layout(six, 660, 95, SIX_PX);
        assertThat(legend.rows()).isEqualTo(4);
        assertThat(legend.width()).isEqualTo(2 * (98 + 34));
        assertThat(legend.label("overall", SIX_PX)).isEqualTo("overall");
        // Without its column "Hill Street Practice" is 120 px, still too wide: 15 characters and the ellipsis, 96 px.
        assertThat(legend.label("referring_site=Hill Street Practice", SIX_PX)).isEqualTo("Hill Str…ractice");
        for (ChartCurve curve : six) {
            assertThat(SIX_PX.applyAsDouble(legend.label(curve.name(), SIX_PX))).isLessThanOrEqualTo(98);
        }
    }

    @Test
    void aTallWideChartShowsEveryLabelWholeInOneColumn() {
        PlotLegend legend = new PlotLegend();
        // 200 px high: 11 rows; the widest label (40 characters, 240 px) fits in 1400 * 0.4 - 34.
        legend.layout(six, 1400, 200, SIX_PX);
        assertThat(legend.rows()).isEqualTo(11);
        assertThat(legend.width()).isEqualTo(240 + 34);
        assertThat(legend.label("referring_site=Northgate Oncology Centre", SIX_PX))
                .isEqualTo("referring_site=Northgate Oncology Centre");
        legend.layout(List.of(), 1400, 200, SIX_PX);
        assertThat(legend.width()).isZero();
    }
}
