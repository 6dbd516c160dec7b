package org.twinbench.report;

import java.util.List;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.TaskFairness;
import org.twinbench.sim.Verdict;

/**
 * The report's fairness section for a multiclass or regression run: every figure of {@link TaskFairness} — per
 * class the parity ratio between the groups of a column, or the ratio of the worst group's RMSE to the best's —
 * over the first and the last tenth of the steps, with the worst group and whether it breaks the four-fifths rule.
 */
final class TaskFairnessSection {

    private TaskFairnessSection() {
    }

    static void render(StringBuilder html, RunOutcome outcome, RunSeries series) {
        List<TaskFairness> figures = TaskFairness.of(outcome, series);
        if (figures.isEmpty()) {
            return;
        }
        boolean regression = "rmse_ratio".equals(figures.get(0).metric());
        html.append("<h2>Fairness</h2>\n<p>").append(regression
                ? "RMSE of the worst group over the best group of the same column (above "
                + HtmlReport.fmt(TaskFairness.RMSE_RATIO_LIMIT) + " the best group's error is under four-fifths of "
                + "the worst's)"
                : "Parity ratio per class (the lowest share of a group predicted that class over the highest, "
                + "between the groups of one column; below 0.8 fails the four-fifths rule) and recall gap per class "
                + "(the highest group's recall of the class minus the lowest's, each pooled over the group's rows "
                + "of the class; above " + HtmlReport.fmt(TaskFairness.RECALL_GAP_LIMIT) + " it is flagged)")
                .append(", groups with at least ").append(Verdict.MIN_ROWS)
                .append(" labelled rows, over the first and the last tenth of the steps.</p>\n<table><tr><th>column</th>")
                .append(regression ? "" : "<th>class</th><th>figure</th>")
                .append("<th>first tenth</th><th>last tenth</th><th>worst group</th><th>best group</th><th></th></tr>");
        for (TaskFairness figure : figures) {
            html.append("<tr><td>").append(Html.escape(figure.column())).append("</td>");
            if (!regression) {
                html.append("<td>").append(Html.escape(figure.subject())).append("</td><td>")
                        .append(figure.metric().equals("recall_gap") ? "recall gap" : "parity ratio").append("</td>");
            }
            html.append("<td>").append(HtmlReport.fmt(figure.start())).append("</td><td>")
                    .append(HtmlReport.fmt(figure.end())).append("</td><td>")
                    .append(figure.worst() == null ? "–" : Html.escape(figure.worst())).append("</td><td>")
                    .append(figure.best() == null ? "–" : Html.escape(figure.best())).append("</td><td>")
                    .append(!figure.flagged() ? "" : figure.metric().equals("recall_gap") ? "gap above "
                            + HtmlReport.fmt(TaskFairness.RECALL_GAP_LIMIT) : "beyond four-fifths").append("</td></tr>");
        }
        html.append("</table>\n");
    }
}
