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
    @Test
    void theLegendIsNeverCutAndASliceKeepsItsColourInEveryChart() {
        String longName = "a department name that is much longer than the legend column of the chart";
        List<SvgChart.Line> many = new java.util.ArrayList<>();
        for (int k = 0; k < 20; k++) {
            many.add(new SvgChart.Line(k == 0 ? longName : "slice " + k, new double[] {0.5, 0.6}, null, null));
        }
        String svg = SvgChart.render("many", many);
        int width = Integer.parseInt(svg.replaceFirst("(?s).*? width=\"(\\d+)\".*", "$1"));
        int height = Integer.parseInt(svg.replaceFirst("(?s).*? height=\"(\\d+)\".*", "$1"));
        // 20 legend rows of 16 px below a 12 px top margin, and a 40-character label at about 6.2 px a character.
        assertThat(height).isGreaterThanOrEqualTo(12 + 16 * 20);
        assertThat(width).isGreaterThanOrEqualTo(720 - 150 + 26 + 40 * 6);
        assertThat(svg).contains("<title>" + longName + "</title>").contains(SvgChart.shortened(longName));
        assertThat(SvgChart.shortened(longName)).hasSize(SvgChart.MAX_LABEL).contains("…");
        // The same slice gets the same colour whatever else the chart holds; others are grey.
        SvgChart.Line west = new SvgChart.Line("west", new double[] {1}, null, null);
        String alone = SvgChart.colours(List.of(west)).get(0);
        assertThat(SvgChart.colours(List.of(new SvgChart.Line("north", new double[] {1}, null, null), west)))
                .element(1).isEqualTo(alone);
        assertThat(SvgChart.colours(List.of(new SvgChart.Line(SvgChart.OTHERS + " (3 slices, mean)",
                new double[] {1}, null, null)))).containsExactly("#7f7f7f");
        assertThat(SvgChart.colours(many.subList(0, 9))).doesNotHaveDuplicates();
    }
}
