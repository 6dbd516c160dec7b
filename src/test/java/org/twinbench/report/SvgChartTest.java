package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void escapesEveryHtmlSpecialCharacter() {
        assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void longSeriesAreDecimatedSoThePageStaysSmall() {
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i / 1000.0);
        }
        String svg = SvgChart.render("long", List.of(new SvgChart.Line("sin", values, null, null)));
        int start = svg.indexOf("points=\"") + "points=\"".length();
        String points = svg.substring(start, svg.indexOf('"', start));
        assertThat(points.strip().split(" ")).hasSizeLessThanOrEqualTo(SvgChart.MAX_POINTS);
        assertThat(svg.length()).isLessThan(20_000);
    }

    @Test
    void missingValuesBreakTheLineAndBandsAreShaded() {
        double[] values = {0.9, 0.8, Double.NaN, 0.7, 0.6};
        String svg = SvgChart.render("gap", List.of(new SvgChart.Line("mean", values, new double[] {0.8, 0.7, 0.6, 0.6,
                0.5}, new double[] {1, 0.9, 0.8, 0.8, 0.7})));
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("<polygon").contains("<title>gap</title>");
    }

    @Test
    void chartWithoutValuesSaysSo() {
        assertThat(SvgChart.render("empty", List.of(new SvgChart.Line("x", new double[] {Double.NaN}, null, null))))
                .contains("no values");
    }
}
