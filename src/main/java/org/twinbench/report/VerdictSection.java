package org.twinbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.Verdict;
import org.twinbench.stats.ReliabilityBins;

/**
 * The parts of {@code report.html} that explain the verdict: its reasons at the top, the slice charts cut to a
 * handful of curves, a calibration section (the reliability bins of the first and last tenth of the run) and
 * a fairness section (the parity ratio of every slice column a fairness node measured, as the verdict reads
 * it). docs/verdicts.md, "The report".
 */
final class VerdictSection {

    /** Slices drawn on their own in one chart; the rest become one "others" curve. */
    static final int TOP_SLICES = SliceColours.TOP_SLICES;

    private VerdictSection() {
    }

    /** The verdict's findings, as a list under the headline (nothing when the headline says it all). */
    static void reasons(StringBuilder html, RunOutcome outcome, RunSeries series, boolean gated) {
        List<String> reasons = gated ? List.of() : Verdict.of(outcome, series).reasons();
        if (reasons.size() < 2) {
            return;
        }
        html.append("<ul class=\"reasons\">");
        reasons.forEach(r -> html.append("<li>").append(Html.escape(r)).append("</li>"));
        html.append("</ul>\n");
    }

    /**
     * The curves of one slice column: the {@value #TOP_SLICES} slices with the lowest mean accuracy over the
     * run, and when there are more, one curve of the mean of the others at each step.
     */
    static List<SvgChart.Line> sliceLines(RunSeries series, String column, List<String> slices, String metric) {
        List<String> ranked = new ArrayList<>(slices);
        // Worst first: the lowest accuracy, or the highest error of a regression.
        double sign = metric.equals("accuracy") ? 1 : -1;
        ranked.sort(Comparator.comparingDouble(s -> sign * meanOrInfinity(sign, series.band(new RunSeries.Key(s,
                metric)).mean())));
        int shown = ranked.size() <= TOP_SLICES + 1 ? ranked.size() : TOP_SLICES;
        List<SvgChart.Line> lines = new ArrayList<>();
        for (String slice : ranked.subList(0, shown)) {
            lines.add(new SvgChart.Line(slice.substring(column.length() + 1),
                    series.band(new RunSeries.Key(slice, metric)).mean(), null, null));
        }
        List<String> rest = ranked.subList(shown, ranked.size());
        if (!rest.isEmpty()) {
            double[] mean = new double[series.steps()];
            for (int t = 0; t < mean.length; t++) {
                double sum = 0;
                int n = 0;
                for (String slice : rest) {
                    double v = series.band(new RunSeries.Key(slice, metric)).mean()[t];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
                mean[t] = n == 0 ? Double.NaN : sum / n;
            }
            lines.add(new SvgChart.Line(SliceColours.othersLabel(rest.size()), mean, null, null));
        }
        return lines;
    }

    /** The mean of the present values; without any, infinitely bad ({@code sign} times infinity) so it sorts last. */
    private static double meanOrInfinity(double sign, double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? sign * Double.POSITIVE_INFINITY : sum / n;
    }

    /** The pooled reliability bins of the first and the last tenth: mean score against positive share. */
    static void calibration(StringBuilder html, RunOutcome outcome, int steps) {
        int window = Math.max(1, steps / 10);
        ReliabilityBins first = Verdict.pooledBins(outcome, 0, window);
        ReliabilityBins last = Verdict.pooledBins(outcome, steps - window, steps);
        if (first.total() == 0 && last.total() == 0) {
            return;
        }
        html.append("<h2>Calibration</h2>\n<p>Mean predicted probability against the share of positives, per score "
                + "bin, over the first and the last tenth of the steps (all replicates).</p>\n<table><tr><th>bin</th>"
                + "<th>first tenth: n</th><th>predicted</th><th>observed</th><th>last tenth: n</th><th>predicted</th>"
                + "<th>observed</th></tr>");
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            if (first.count(b) == 0 && last.count(b) == 0) {
                continue;
            }
            html.append(String.format(Locale.ROOT, "<tr><td>%.1f–%.1f</td>", ReliabilityBins.lowerEdge(b),
                    ReliabilityBins.upperEdge(b)));
            for (ReliabilityBins bins : List.of(first, last)) {
                html.append("<td>").append(bins.count(b)).append("</td><td>")
                        .append(HtmlReport.fmt(bins.count(b) == 0 ? Double.NaN : bins.predicted(b)))
                        .append("</td><td>").append(HtmlReport.fmt(bins.count(b) == 0 ? Double.NaN : bins.observed(b)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>\n");
    }

    /** The parity ratio of every slice column a fairness node measured, first tenth against last. */
    static void fairness(StringBuilder html, RunOutcome outcome, RunSeries series) {
        List<String[]> rows = new ArrayList<>();
        int steps = series.steps();
        int window = Math.max(1, steps / 10);
        for (Verdict.ParityColumn measured : Verdict.parityColumns(outcome, series)) {
            rows.add(new String[] {measured.column(),
                    HtmlReport.fmt(Verdict.parityRatio(outcome, measured.node(), measured.column(), 0, window)),
                    HtmlReport.fmt(Verdict.parityRatio(outcome, measured.node(), measured.column(), steps - window,
                            steps))});
        }
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h2>Fairness</h2>\n<p>Parity ratio (lowest share predicted positive over the highest, between "
                + "the slices of one column with at least ").append(Verdict.MIN_ROWS).append(" labelled rows; "
                + "below 0.8 fails the four-fifths rule), over the first and the last tenth of the steps.</p>\n"
                + "<table><tr><th>column</th><th>first tenth</th><th>last tenth</th></tr>");
        for (String[] row : rows) {
            html.append("<tr><td>").append(Html.escape(row[0])).append("</td><td>").append(row[1]).append("</td><td>")
                    .append(row[2]).append("</td></tr>");
        }
        html.append("</table>\n");
    }
}
