package org.twinbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.Verdict;
import org.twinbench.sim.whatif.FairnessWords;
import org.twinbench.sim.whatif.GroupCounts;
import org.twinbench.sim.whatif.GroupFairness;
import org.twinbench.stats.FairnessGaps;

/**
 * The report's fairness table per group, for every sliced run, over the last tenth of the steps
 * ({@link RunGroupCounts}): per slice column, each group's figures beside the naive baseline on the same rows — a
 * yes/no model's accuracy and recall of the positive class with their 95% Wilson intervals, its share answered
 * positive and that share over the column's highest (the four-fifths rule); a regression's mean absolute error with
 * its 95% t interval and its ratio to all rows'; a multiclass model's accuracy with its Wilson interval — then the
 * guided check's table ({@link GroupFairness}, {@link FairnessWords#cells}): the group each column serves worst
 * against the rest of that column, with the interval of the gap or ratio, p and verdict. docs/verdicts.md.
 */
final class GroupFairnessSection {

    private GroupFairnessSection() {
    }

    static void render(StringBuilder html, RunOutcome outcome, RunSeries series) {
        RunGroupCounts.Kind kind = RunGroupCounts.kind(outcome);
        if (kind == null) {
            return;
        }
        Map<String, GroupCounts> counts = RunGroupCounts.of(outcome, series.steps(), kind);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        counts.keySet().stream().filter(k -> k.indexOf('=') > 0).forEach(k -> columns.computeIfAbsent(k.substring(0,
                k.indexOf('=')), c -> new ArrayList<>()).add(k));
        if (columns.isEmpty()) {
            return;
        }
        boolean baseline = series.keys().stream().anyMatch(k -> k.metric().startsWith(
                org.twinbench.sim.monitor.BaselineMonitor.ID + "."));
        GroupCounts everyone = counts.get(RunGroupCounts.EVERYONE);
        html.append("<h2>Fairness per group</h2>\n<p>Over the last tenth of the steps (").append(everyone == null ? 0
                : everyone.rows()).append(" labelled rows), each group of a slice column beside the naive baseline on "
                + "the same rows (always answering the reference's ").append(kind == RunGroupCounts.Kind.REGRESSION
                ? "mean" : "most frequent class").append("); 95% intervals ").append(kind == RunGroupCounts.Kind
                .REGRESSION ? "by Student's t on the absolute errors" : "by Wilson's score").append(".")
                .append(kind == RunGroupCounts.Kind.BINARY ? " The four-fifths ratio is a group's share answered "
                + "positive over the highest share among the column's groups of at least " + Verdict.MIN_ROWS
                + " rows; below 0.8 the rule is broken." : "").append("</p>\n");
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
            html.append("<h3>").append(Html.escape(column.getKey())).append("</h3>\n<table class=\"groups\">")
                    .append(header(kind));
            double highest = highestSelection(counts, column.getValue());
            for (String group : column.getValue()) {
                html.append(row(kind, group.substring(column.getKey().length() + 1), counts.get(group), everyone,
                        highest, baseline));
            }
            if (everyone != null) {
                html.append(row(kind, "all rows", everyone, everyone, Double.NaN, baseline));
            }
            html.append("</table>\n");
        }
        compared(html, counts);
    }

    private static String header(RunGroupCounts.Kind kind) {
        return switch (kind) {
            case BINARY -> "<tr><th>group</th><th>rows</th><th>accuracy (95%)</th><th>baseline accuracy</th>"
                    + "<th>recall of the positive class (95%)</th><th>positives</th><th>share answered positive</th>"
                    + "<th>four-fifths ratio</th><th></th></tr>";
            case MULTICLASS -> "<tr><th>group</th><th>rows</th><th>accuracy (95%)</th><th>baseline accuracy</th>"
                    + "<th></th></tr>";
            case REGRESSION -> "<tr><th>group</th><th>rows</th><th>MAE (95%)</th><th>MAE over all rows' MAE</th>"
                    + "<th>baseline MAE</th><th></th></tr>";
        };
    }

    private static String row(RunGroupCounts.Kind kind, String group, GroupCounts c, GroupCounts everyone,
                              double highest, boolean baseline) {
        StringBuilder row = new StringBuilder("<tr><td>").append(Html.escape(group)).append("</td><td>")
                .append(c.rows()).append("</td>");
        String mark = !baseline ? "" : c.beatsGuess() ? "" : "no better than the baseline";
        if (kind == RunGroupCounts.Kind.REGRESSION) {
            cell(row, withInterval(c.mae(), c.maeInterval()));
            cell(row, HtmlReport.fmt(c.mae() / everyone.mae()));
            cell(row, baseline ? HtmlReport.fmt(c.guessMae()) : "–");
        } else {
            cell(row, withInterval(c.accuracy(), c.accuracyInterval()));
            cell(row, baseline ? HtmlReport.fmt(c.guessAccuracy()) : "–");
            if (kind == RunGroupCounts.Kind.BINARY) {
                double selection = selection(c);
                cell(row, withInterval(c.recall(), c.recallInterval()));
                // A run read back from steps.csv kept no confusion counts: its positives are not known, not none.
                cell(row, Double.isNaN(selection) ? "–" : Long.toString(c.positiveRows()));
                cell(row, HtmlReport.fmt(selection));
                double ratio = c.rows() >= Verdict.MIN_ROWS ? selection / highest : Double.NaN;
                cell(row, HtmlReport.fmt(ratio));
                if (ratio < FairnessGaps.FOUR_FIFTHS) {
                    mark = mark.isEmpty() ? "below four-fifths" : mark + "; below four-fifths";
                }
            }
        }
        cell(row, mark);
        return row.append("</tr>").toString();
    }

    /** A yes/no model's share of the group's rows answered positive (NaN when the steps kept no confusion counts). */
    static double selection(GroupCounts c) {
        long[][] confusion = c.confusion();
        long answered = confusion[0][1] + confusion[1][1];
        long all = answered + confusion[0][0] + confusion[1][0];
        return all == 0 ? Double.NaN : (double) answered / all;
    }

    /** The highest share answered positive among the column's groups with enough rows. */
    private static double highestSelection(Map<String, GroupCounts> counts, List<String> groups) {
        double highest = Double.NaN;
        for (String group : groups) {
            GroupCounts c = counts.get(group);
            if (!c.amounts() && c.kinds().size() == 2 && c.rows() >= Verdict.MIN_ROWS) {
                double share = selection(c);
                highest = Double.isNaN(highest) || share > highest ? share : highest;
            }
        }
        return highest;
    }

    /** The guided check's comparison: per column and measure the group served worst against the rest. */
    private static void compared(StringBuilder html, Map<String, GroupCounts> counts) {
        List<GroupFairness> worst = GroupFairness.of(counts);
        if (worst.isEmpty()) {
            return;
        }
        html.append("<p>The group each column serves worst against the rest of that column (groups of at least ")
                .append(Verdict.MIN_ROWS).append(" rows; gaps of shares with Newcombe's interval and the two-proportion"
                + " z-test, ratios of mean absolute errors with the delta-method interval and Welch's t-test; "
                + "Bonferroni over the column's groups), as the guided check's table.</p>\n<table class=\"fairness\">"
                + "<tr><th>column</th>");
        FairnessWords.HEADERS.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>");
        for (GroupFairness f : worst) {
            html.append("<tr><td>").append(Html.escape(f.column())).append("</td>");
            FairnessWords.cells(f).forEach(c -> html.append("<td>").append(Html.escape(c)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>\n");
    }

    private static String withInterval(double value, double[] interval) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Double.isNaN(interval[0]) ? HtmlReport.fmt(value) : String.format(Locale.ROOT, "%s (%s–%s)",
                HtmlReport.fmt(value), HtmlReport.fmt(interval[0]), HtmlReport.fmt(interval[1]));
    }

    private static void cell(StringBuilder row, String text) {
        row.append("<td>").append(Html.escape(text)).append("</td>");
    }
}
