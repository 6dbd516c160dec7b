package org.twinbench.report;

import java.util.List;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.SliceBaselines;

/**
 * The report's slice table: every slice's main metric (accuracy, or a regression's RMSE) over the first and the
 * last tenth of the steps beside the naive baseline on the same rows ({@link SliceBaselines}), and a mark on a
 * slice where the model is no better than that baseline at the end.
 */
final class SliceTableSection {

    private SliceTableSection() {
    }

    static void render(StringBuilder html, RunSeries series) {
        List<SliceBaselines> slices = SliceBaselines.of(series);
        if (slices.isEmpty()) {
            return;
        }
        String metric = SliceBaselines.metric(series);
        String answer = metric.equals("rmse") ? "the reference's mean" : "the reference's most frequent class";
        html.append("<h2>Slices beside the naive baseline</h2>\n<p>").append(metric).append(" of each slice over the "
                + "first and the last tenth of the steps, and the ").append(metric).append(" of always answering ")
                .append(answer).append(" on the same rows.</p>\n<table><tr><th>slice</th><th>").append(metric)
                .append(", first tenth</th><th>").append(metric).append(", last tenth</th><th>baseline ")
                .append(metric).append(", first tenth</th><th>baseline ").append(metric)
                .append(", last tenth</th><th></th></tr>");
        for (SliceBaselines slice : slices) {
            html.append("<tr><td>").append(Html.escape(slice.slice())).append("</td><td>").append(fmt(slice.start()))
                    .append("</td><td>").append(fmt(slice.end())).append("</td><td>").append(fmt(slice.baselineStart()))
                    .append("</td><td>").append(fmt(slice.baselineEnd())).append("</td><td>")
                    .append(slice.noBetterAtEnd() ? "no better than the baseline" : "").append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static String fmt(double value) {
        return HtmlReport.fmt(value);
    }
}
