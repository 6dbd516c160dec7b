package org.twinbench.report;

import java.util.List;
import java.util.Locale;
import org.twinbench.data.PlainWords;
import org.twinbench.data.Task;
import org.twinbench.sim.whatif.FairnessWords;
import org.twinbench.sim.whatif.GroupCounts;
import org.twinbench.sim.whatif.GroupFairness;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfRun;
import org.twinbench.sim.whatif.WhatIfVerdict;

/**
 * The wizard's plain-language report: one self-contained HTML page (no scripts, no network) with a
 * traffic light and a sentence per change and per group, in the words of the model's task (yes/no, kinds, amounts),
 * and the results page's fairness table (how evenly the model serves each group column after each change).
 * Every text from the data is escaped. Its title, given by the wizard, names the data file, the model and the date.
 */
public final class WhatIfReport {

    private WhatIfReport() {
    }

    public static String html(String title, List<WhatIfChange> changes, WhatIfRun.Result result) {
        return html(title, changes, result, false);
    }

    /**
     * The same for a model of amounts when {@code amounts}: a verdict's before and after are how far off the
     * model is on average (its mean absolute error), shown as "about 45", not as shares right.
     */
    public static String html(String title, List<WhatIfChange> changes, WhatIfRun.Result result, boolean amounts) {
        return html(title, changes, result, amounts ? Task.REGRESSION : null);
    }

    /**
     * The same, saying first what the model answers as its {@code task} asks (null: not said): "The model answers yes
     * or no: is “churned” “yes”? It is judged on how often it is right and how many “yes” it catches.", "The model
     * picks one of 3 kinds of “cultivar”. It is judged on how often it picks the right kind.", "The model predicts an
     * amount, “target”. It is judged on how far off it is on average." — so a report of kinds or amounts never speaks
     * of cases caught.
     */
    public static String html(String title, List<WhatIfChange> changes, WhatIfRun.Result result, Task task) {
        boolean amounts = task == Task.REGRESSION;
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#223}")
                .append("td,th{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left}")
                .append(".light{display:inline-block;width:1em;height:1em;border-radius:50%;vertical-align:middle}")
                .append(".GREEN{background:#2e9e4f}.AMBER{background:#e5a000}.RED{background:#c9302c}")
                .append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        String answers = answers(task, result);
        if (!answers.isEmpty()) {
            html.append("<p>").append(escape(answers)).append("</p>\n");
        }
        html.append("<h2>In short</h2>\n<ul>\n");
        for (WhatIfChange change : changes) {
            WhatIfVerdict.Light light = WhatIfVerdict.worst(change, result.verdicts());
            html.append("<li><span class=\"light ").append(light).append("\" title=\"").append(light.name()
                    .toLowerCase(Locale.ROOT)).append("\"></span> ")
                    .append(escape(result.summary(change))).append("</li>\n");
        }
        html.append("</ul>\n<h2>Group by group</h2>\n<table><tr><th></th><th>Change</th><th>Group</th>")
                .append(amounts ? "<th>Off by before</th><th>Off by after</th>" : "<th>Right before</th><th>Right after</th>")
                .append("<th>What it means</th></tr>\n");
        for (WhatIfVerdict verdict : result.verdicts()) {
            html.append("<tr><td><span class=\"light ").append(verdict.light()).append("\"></span></td><td>")
                    .append(escape(verdict.change().kind().words())).append("</td><td>")
                    .append(escape(verdict.group())).append("</td><td>")
                    .append(figure(verdict.before(), amounts)).append("</td><td>")
                    .append(figure(verdict.after(), amounts)).append("</td><td>")
                    .append(escape(verdict.sentence())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        fairness(html, changes, result);
        html.append("<p><small>Made by TwinBench's guided wizard: each change was simulated on its own, ")
                .append("with the same random draws as the unchanged baseline, and compared once fully in place, ")
                .append("on the same rows before and after the change.")
                .append("</small></p>\n</body></html>\n");
        return html.toString();
    }

    /**
     * The results page's fairness table: per tried change, group column and measure, the group the model serves worst
     * after the change against the rest of its column ({@link FairnessWords#cells}: share right, and share caught for
     * yes/no; for amounts the error and its ratio, also for the size of the amounts), with its 95% interval, p and
     * verdict. Nothing when no column could be judged.
     */
    static void fairness(StringBuilder html, List<WhatIfChange> changes, WhatIfRun.Result result) {
        StringBuilder rows = new StringBuilder();
        for (WhatIfChange change : changes) {
            for (GroupFairness f : result.fairnessFor(change)) {
                rows.append("<tr><td>").append(escape(PlainWords.capitalised(change.kind().words()))).append("</td>");
                for (String cell : FairnessWords.cells(f)) {
                    rows.append("<td>").append(escape(cell)).append("</td>");
                }
                rows.append("</tr>\n");
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h2>How evenly it serves each group</h2>\n<p>For each group column, the group the model serves ")
                .append("worst once the change is in place, against the rest of that column.</p>\n<table ")
                .append("class=\"fairness\"><tr><th>If…</th>");
        for (String header : FairnessWords.HEADERS) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr>\n").append(rows).append("</table>\n");
    }

    /** What the model answers and how it is judged, in the words of its task ("" when the task is not known). */
    static String answers(Task task, WhatIfRun.Result result) {
        if (task == null || result.target().isEmpty()) {
            return "";
        }
        String column = "“" + PlainWords.column(result.target()) + "”";
        return switch (task) {
            case BINARY -> {
                GroupCounts counts = result.everyone().values().stream().findFirst().orElse(null);
                String yes = counts == null || counts.kinds().size() != 2 ? "yes"
                        : PlainWords.value(result.target(), counts.kinds().get(1));
                yield "The model answers yes or no: is " + column + " “" + yes + "”? It is judged on how often it is "
                        + "right and how many “" + yes + "” it catches.";
            }
            case MULTICLASS -> {
                GroupCounts counts = result.everyone().values().stream().findFirst().orElse(null);
                yield "The model picks one of " + (counts == null ? "several" : Integer.toString(counts.kinds().size()))
                        + " kinds of " + column + ". It is judged on how often it picks the right kind.";
            }
            case REGRESSION -> "The model predicts an amount, " + column + ". It is judged on how far off it is on "
                    + "average.";
        };
    }

    private static String figure(double value, boolean amounts) {
        return amounts ? String.format(Locale.ROOT, "about %,.4g", value) : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
