package org.twinbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.sim.RobustnessProfile;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunRobustness;

/**
 * The report's "Robustness" section ({@code metrics.robustness}): how many rows the model serving at the end was
 * profiled on and its limit, a bar chart of each numeric feature's smallest shift (in sd, the smaller of up and
 * down) that takes the accuracy below the limit, a feature that holds up to the largest shift searched drawn as a
 * pale full bar, and a table of the smallest shift (or category swap share) per feature, for all rows and for each
 * slice. Nothing for a run without the node.
 */
final class RobustnessSection {

    private static final int WIDTH = 720;
    private static final int LABEL = 200;
    private static final int BAR_HEIGHT = 16;
    private static final int GAP = 6;
    private static final int MAX_LABEL = 30;

    private RobustnessSection() {
    }

    static void render(StringBuilder html, RunOutcome outcome) {
        RunRobustness found = outcome.robustness();
        if (found == null) {
            return;
        }
        RobustnessProfile all = found.overall();
        boolean accuracy = RobustnessProfile.ACCURACY.equals(all.metric());
        String metric = accuracy ? "accuracy" : all.metric().toUpperCase(Locale.ROOT);
        html.append("<h2>Robustness</h2>\n<p>").append(String.format(Locale.ROOT,
                "How little it takes to hurt the %s model on the last %,d labelled rows it scored (from step %d on): "
                        + "its %s there is %s; the limit is %s (%s). For each feature, the smallest "
                        + "shift of its values (in its sd, up or down) or scale, or the smallest share of rows "
                        + "swapped to one category, that takes the %s %s the limit (node %s).",
                found.retrained() ? "retrained" : "deployed", all.rows(), found.fromStep(), metric,
                HtmlReport.fmt(all.level()), HtmlReport.fmt(all.limit()), accuracy ? "a drop of "
                        + HtmlReport.fmt(found.drop()) : "a rise of " + HtmlReport.fmt(100 * found.drop()) + "%",
                metric, accuracy ? "below" : "above", Html.escape(found.node()))).append("</p>\n");
        html.append(chart("smallest shift that hurts, all rows", all)).append('\n');
        for (RobustnessProfile slice : found.slices()) {
            html.append(chart("smallest shift that hurts, " + slice.column() + " = " + slice.value(), slice))
                    .append('\n');
        }
        table(html, found);
    }

    /** A horizontal bar per numeric feature, in the profile's order (smallest shift first). */
    static String chart(String title, RobustnessProfile profile) {
        List<RobustnessProfile.Feature> numeric = profile.features().stream().filter(f -> f.swapTo() == null)
                .toList();
        double max = 0;
        for (RobustnessProfile.Feature f : numeric) {
            max = Math.max(max, Double.isNaN(f.smallestShift()) ? 0 : f.smallestShift());
        }
        max = max == 0 ? 1 : max * 1.1;
        int height = 28 + numeric.size() * (BAR_HEIGHT + GAP) + 20;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-label=\"%s\"><text x=\"4\" y=\"16\" font-size=\"13\">%s</text>",
                WIDTH, height, Html.escape(title), Html.escape(title)));
        double plot = WIDTH - LABEL - 70;
        int y = 28;
        for (RobustnessProfile.Feature f : numeric) {
            double shift = f.smallestShift();
            boolean holds = Double.isNaN(shift);
            double length = holds ? plot : plot * shift / max;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s"
                            + "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>",
                    LABEL - 6, y + BAR_HEIGHT - 4, Html.escape(f.feature().length() > MAX_LABEL
                            ? f.feature().substring(0, MAX_LABEL - 1) + "…" : f.feature()),
                    LABEL, y, Math.max(1, length), BAR_HEIGHT, holds ? "#d9d9d9" : "#d62728",
                    LABEL + Math.max(1, length) + 4, y + BAR_HEIGHT - 4,
                    holds ? "holds" : String.format(Locale.ROOT, "%.3g sd", shift)));
            y += BAR_HEIGHT + GAP;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void table(StringBuilder html, RunRobustness found) {
        List<RobustnessProfile> groups = new ArrayList<>();
        groups.add(found.overall());
        groups.addAll(found.slices());
        html.append("<table><tr><th>feature</th>");
        for (RobustnessProfile g : groups) {
            html.append("<th>").append(g.column() == null ? "all rows"
                    : Html.escape(g.column() + " = " + g.value())).append(" (").append(g.rows()).append(")</th>");
        }
        html.append("</tr>");
        for (RobustnessProfile.Feature f : found.overall().features()) {
            html.append("<tr><td>").append(Html.escape(f.feature())).append("</td>");
            for (RobustnessProfile g : groups) {
                html.append("<td>").append(Html.escape(cell(g, f.feature()))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>\n<p>Shift: the smaller of up and down, in the feature's sd on that group's rows; "
                + "swap: the share of rows whose category becomes the one named; – : the limit holds.</p>\n");
    }

    private static String cell(RobustnessProfile group, String feature) {
        for (RobustnessProfile.Feature f : group.features()) {
            if (f.feature().equals(feature)) {
                if (f.swapTo() != null) {
                    return Double.isNaN(f.swapShare()) ? "–"
                            : String.format(Locale.ROOT, "swap %.3g to %s", f.swapShare(), f.swapTo());
                }
                return Double.isNaN(f.smallestShift()) ? "–" : String.format(Locale.ROOT, "%.3g sd", f.smallestShift());
            }
        }
        return "–";
    }
}
