package org.twinbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.RunAssertion;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.TenthMeans;
import org.twinbench.sim.store.RunProvenance;

/**
 * {@code report.html}: one self-contained page (no script, no network) with the verdict, the gates,
 * accuracy over time overall (mean and 90% band over replicates) and per slice, each slice beside its naive
 * baseline, fairness per group beside the same baseline ({@link GroupFairnessSection}), the other measures
 * (monitors, latency, cost), the alarms and the provenance. All text from the scenario or data is
 * escaped.
 */
public final class HtmlReport {

    /** Alarms listed in full up to this many; beyond it the table is cut and says so. */
    static final int MAX_ALARM_ROWS = 200;

    private HtmlReport() {
    }

    public static String render(RunOutcome outcome, RunSeries series, RunProvenance p, RunSummary summary) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>TwinBench report: ").append(Html.escape(p.scenarioName())).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:980px;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;")
                .append("text-align:left;font-size:13px}.light{display:inline-block;padding:4px 12px;border-radius:12px;")
                .append("color:#fff;font-weight:bold}.GREEN{background:#2e7d32}.AMBER{background:#f9a825}")
                .append(".RED{background:#c62828}code{font-size:12px}</style></head><body>\n");
        html.append("<h1>").append(Html.escape(p.scenarioName())).append("</h1>\n");
        html.append("<p><span class=\"light ").append(summary.light()).append("\">").append(summary.light())
                .append("</span> ").append(Html.escape(summary.headline())).append("</p>\n");
        if (p.replaysTrainingRows()) {
            html.append("<p><strong>Optimistic:</strong> ").append(Html.escape(p.trainingRowsWarning()))
                    .append("</p>\n");
        }
        for (String note : p.notes().notes()) {
            html.append("<p class=\"note\"><strong>Note:</strong> ").append(Html.escape(note)).append("</p>\n");
        }
        // A regression is followed by its RMSE (lower is better), classifiers by their accuracy.
        String metric = series.metricNames().contains("rmse") ? "rmse" : "accuracy";
        // The verdict's reasons are a binary run's; a regression or multiclass headline says its own.
        VerdictSection.reasons(html, outcome, series, !summary.gates().isEmpty()
                || series.metricNames().contains("rmse") || series.metricNames().contains("macro_f1"));
        summaryTable(html, summary, p, series, metric, org.twinbench.sim.AlarmCount.of(p.alarmRates(), outcome));
        gates(html, summary.gates());

        html.append(metric.equals("rmse") ? "<h2>RMSE over time</h2>\n" : "<h2>Accuracy over time</h2>\n");
        RunSeries.Key overall = new RunSeries.Key(StepResult.OVERALL, metric);
        if (series.values(overall).isPresent()) {
            RunSeries.Band band = series.band(overall);
            html.append(SvgChart.render(metric + ", all rows", List.of(new SvgChart.Line(
                    series.replicates() > 1 ? "mean, 90% band" : "all rows", band.mean(),
                    series.replicates() > 1 ? band.low() : null, series.replicates() > 1 ? band.high() : null)),
                    series.windowStarts())).append('\n');
        }
        for (Map.Entry<String, List<String>> group : slicesByColumn(outcome, series, metric).entrySet()) {
            List<SvgChart.Line> lines = VerdictSection.sliceLines(series, group.getKey(), group.getValue(), metric);
            html.append("<h3>").append(metric).append(" by ").append(Html.escape(group.getKey())).append("</h3>\n")
                    .append(SvgChart.render(metric + " by " + group.getKey(), lines, series.windowStarts())).append('\n');
        }
        SliceTableSection.render(html, series);
        TopSlicesSection.render(html, outcome);
        RobustnessSection.render(html, outcome);
        VerdictSection.calibration(html, outcome, series.steps());
        int beforeFairness = html.length();
        VerdictSection.fairness(html, outcome, series);
        TaskFairnessSection.render(html, outcome, series);
        if (html.length() == beforeFairness) {
            // A reader looks for the section: say why it is empty and how to fill it.
            html.append("<h2>Fairness</h2>\n<p>Not measured step by step in this run: set <code>fairness</code> on a "
                    + "<code>monitor.slice-metrics</code> node with slice columns to follow their groups (the "
                    + "four-fifths rule, with groups of at least ").append(org.twinbench.sim.Verdict.MIN_ROWS)
                    .append(" labelled rows) over the run.</p>\n");
        }
        GroupFairnessSection.render(html, outcome, series);
        DeploymentSection.render(html, series);
        MonitorSection.render(html, series);
        ExtractionSection.render(html, series);
        detectors(html, p, outcome);
        alarms(html, outcome.alarms());
        provenance(html, p);
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void summaryTable(StringBuilder html, RunSummary s, RunProvenance p, RunSeries series,
                                     String metric, org.twinbench.sim.AlarmCount count) {
        html.append("<table>");
        row(html, "steps × replicates", p.steps() + " × " + p.replicates());
        if (!metric.equals("accuracy")) {
            for (String name : List.of("rmse", "mae")) {
                tenths(html, series, name, name + ", first tenth → last tenth");
            }
        } else {
            row(html, "accuracy, first tenth → last tenth", fmt(s.accuracyStart()) + " → " + fmt(s.accuracyEnd()));
            if (series.metricNames().contains("recall")) {
                tenths(html, series, "recall", "recall of the positive class, first tenth → last tenth");
            }
            row(html, "lowest mean accuracy of a step", fmt(s.accuracyMin()));
        }
        for (String name : metric.equals("accuracy") ? List.of("accuracy") : List.of("mae", "rmse")) {
            tenths(html, series, org.twinbench.sim.monitor.BaselineMonitor.ID + "." + name, "naive baseline "
                    + (metric.equals("accuracy") ? "(the reference's most frequent class) accuracy"
                    : "(the reference's mean) " + name) + ", first tenth → last tenth");
        }
        if (s.worstSlice() != null) {
            row(html, "slice that lost most (" + s.worstSlice() + ")",
                    fmt(s.worstSliceStart()) + " → " + fmt(s.worstSliceEnd()));
        }
        row(html, "alarms / retrains / rollbacks", s.alarms() + " / " + s.retrains() + " / " + s.rollbacks());
        if (count.checks() > 0) {
            row(html, "alarms of checks with a stated false-alarm rate: fired / expected by chance",
                    count.fired() + " / " + String.format(Locale.ROOT, "%.1f", count.expectedFalse()) + " (of "
                            + count.checks() + " column-step checks)");
        }
        html.append("</table>\n");
    }

    /** A row with an overall series' mean over the first and the last tenth of the steps, when the run has it. */
    private static void tenths(StringBuilder html, RunSeries series, String name, String label) {
        RunSeries.Key key = new RunSeries.Key(StepResult.OVERALL, name);
        if (series.values(key).isEmpty()) {
            return;
        }
        TenthMeans tenths = TenthMeans.of(series, StepResult.OVERALL, name);
        row(html, label, fmt(tenths.start()) + " → " + fmt(tenths.end()));
    }

    private static void gates(StringBuilder html, List<RunAssertion.Verdict> gates) {
        if (gates.isEmpty()) {
            return;
        }
        html.append("<h2>Gates</h2>\n<table><tr><th>gate</th><th>actual</th><th>result</th></tr>");
        for (RunAssertion.Verdict gate : gates) {
            html.append("<tr><td><code>").append(Html.escape(gate.assertion().expression())).append("</code></td><td>")
                    .append(fmt(gate.actual())).append("</td><td>").append(gate.passed() ? "pass" : "FAIL")
                    .append("</td></tr>");
        }
        html.append("</table>\n");
    }

    /**
     * Slices grouped by their column, e.g. region → [region=north, region=south]. The column is taken
     * from the slice's own record, not cut out of its name: a column may itself contain '=' ({@code =cmd}).
     */
    private static Map<String, List<String>> slicesByColumn(RunOutcome outcome, RunSeries series, String metric) {
        Map<String, String> columnOf = new java.util.HashMap<>();
        for (List<org.twinbench.sim.StepResult> replicate : outcome.replicates()) {
            for (org.twinbench.sim.StepResult result : replicate) {
                for (org.twinbench.stats.SliceMetrics slice : result.slices()) {
                    columnOf.putIfAbsent(org.twinbench.sim.StepRows.sliceName(slice), slice.column());
                }
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String slice : series.slices(metric)) {
            String column = columnOf.getOrDefault(slice, slice.substring(0, Math.max(0, slice.indexOf('='))));
            groups.computeIfAbsent(column, k -> new ArrayList<>()).add(slice);
        }
        return groups;
    }

    /** Each monitor scored against the steps where the scenario's scheduled changes start. */
    private static void detectors(StringBuilder html, RunProvenance p, RunOutcome outcome) {
        List<org.twinbench.sim.ChangeSchedule.Score> scores = p.schedule().score(outcome);
        if (scores.isEmpty()) {
            return;
        }
        html.append("<h2>Monitors against the schedule</h2>\n<p>Changes start at step ")
                .append(Html.escape(p.schedule().changePoints().toString().replaceAll("[\\[\\]]", "")))
                .append(" (over ").append(outcome.replicates().size()).append(" replicate(s)).</p>\n")
                .append("<table><tr><th>monitor</th><th>detected</th><th>missed</th><th>false alarms</th>")
                .append("<th>mean delay (steps)</th></tr>");
        for (org.twinbench.sim.ChangeSchedule.Score score : scores) {
            html.append("<tr><td>").append(Html.escape(score.node())).append("</td><td>").append(score.detected())
                    .append("</td><td>").append(score.missed()).append("</td><td>").append(score.falseAlarms())
                    .append("</td><td>").append(fmt(score.meanDelay())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void alarms(StringBuilder html, List<Alarm> alarms) {
        html.append("<h2>Alarms and actions</h2>\n");
        if (alarms.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<table><tr><th>replicate</th><th>step</th><th>node</th><th>kind</th><th>detail</th></tr>");
        for (Alarm alarm : alarms.subList(0, Math.min(alarms.size(), MAX_ALARM_ROWS))) {
            html.append("<tr><td>").append(alarm.replicate()).append("</td><td>").append(alarm.step())
                    .append("</td><td>").append(Html.escape(alarm.nodeId())).append("</td><td>")
                    .append(Html.escape(alarm.kind())).append("</td><td>").append(Html.escape(alarm.detail()))
                    .append("</td></tr>");
        }
        html.append("</table>\n");
        if (alarms.size() > MAX_ALARM_ROWS) {
            html.append("<p>… and ").append(alarms.size() - MAX_ALARM_ROWS).append(" more in alarms.csv.</p>\n");
        }
    }

    private static void provenance(StringBuilder html, RunProvenance p) {
        html.append("<h2>Provenance</h2>\n<table>");
        row(html, "scenario", p.scenarioFile());
        row(html, "scenario SHA-256", p.scenarioSha256());
        row(html, "dataset", p.dataFile());
        row(html, "dataset SHA-256", p.dataSha256());
        row(html, "model", p.modelFile() == null ? p.modelAlgorithm() + ", trained in the run" : p.modelFile());
        row(html, "model SHA-256", p.modelSha256() == null ? "(no model file)" : p.modelSha256());
        row(html, "model trained on (SHA-256)", p.modelTrainingDataSha256());
        row(html, "seed", Long.toString(p.seed()));
        row(html, "TwinBench / Java", p.twinbenchVersion() + " / " + p.javaVersion());
        row(html, "created", p.createdAt());
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>");
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4g", v);
    }
}
