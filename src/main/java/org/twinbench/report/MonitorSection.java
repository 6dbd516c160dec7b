package org.twinbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;

/**
 * The report's section on what the monitors, the deployment and the fairness metrics recorded
 * (every overall measure that is not a model metric). Measures of one node ({@code <node>.<name>})
 * share a chart with a line each and a table of first, last and highest step values: for a
 * feature-drift monitor that is the drift per feature. Latency percentiles share one chart. An extraction
 * attack's measures have a section of their own ({@link ExtractionSection}).
 */
final class MonitorSection {

    private MonitorSection() {
    }

    static void render(StringBuilder html, RunSeries series) {
        Map<String, List<RunSeries.Key>> byNode = new LinkedHashMap<>();
        List<SvgChart.Line> latency = new ArrayList<>();
        java.util.Set<String> attacks = ExtractionSection.nodes(series);
        for (RunSeries.Key key : series.keys()) {
            if (!key.slice().equals(StepResult.OVERALL) || MetricSet.isMetric(key.metric())
                    || ExtractionSection.shows(attacks, key.metric()) || DeploymentSection.shows(key.metric())) {
                continue;
            }
            if (key.metric().startsWith("latency_")) {
                latency.add(new SvgChart.Line(key.metric(), series.band(key).mean(), null, null));
            } else {
                int dot = key.metric().indexOf('.');
                byNode.computeIfAbsent(dot < 0 ? key.metric() : key.metric().substring(0, dot),
                        k -> new ArrayList<>()).add(key);
            }
        }
        if (byNode.isEmpty() && latency.isEmpty()) {
            return;
        }
        html.append("<h2>Monitors, latency and cost</h2>\n");
        for (Map.Entry<String, List<RunSeries.Key>> node : byNode.entrySet()) {
            if (node.getValue().size() == 1) {
                single(html, series, node.getValue().get(0));
            } else {
                group(html, series, node.getKey(), node.getValue());
            }
        }
        if (!latency.isEmpty()) {
            html.append("<h3>latency (ms)</h3>\n").append(SvgChart.render("latency percentiles", latency, series.windowStarts())).append('\n');
        }
    }

    private static void single(StringBuilder html, RunSeries series, RunSeries.Key key) {
        RunSeries.Band band = series.band(key);
        boolean bands = series.replicates() > 1;
        html.append("<h3>").append(Html.escape(key.metric())).append("</h3>\n")
                .append(SvgChart.render(key.metric(), List.of(new SvgChart.Line(key.metric(), band.mean(),
                        bands ? band.low() : null, bands ? band.high() : null)), series.windowStarts())).append('\n');
    }

    /** One chart with a line per measure of the node, then the table (means over replicates). */
    private static void group(StringBuilder html, RunSeries series, String node, List<RunSeries.Key> keys) {
        List<SvgChart.Line> lines = new ArrayList<>();
        StringBuilder table = new StringBuilder("<table><tr><th>").append(Html.escape(node))
                .append("</th><th>first step</th><th>last step</th><th>highest</th><th>at step</th></tr>");
        for (RunSeries.Key key : keys) {
            String name = key.metric().substring(node.length() + 1);
            double[] mean = series.band(key).mean();
            lines.add(new SvgChart.Line(name, mean, null, null));
            int highest = -1;
            int first = -1;
            int last = -1;
            for (int step = 0; step < mean.length; step++) {
                if (Double.isNaN(mean[step])) {
                    continue;
                }
                first = first < 0 ? step : first;
                last = step;
                highest = highest < 0 || mean[step] > mean[highest] ? step : highest;
            }
            table.append("<tr><td>").append(Html.escape(name)).append("</td><td>")
                    .append(first < 0 ? "" : HtmlReport.fmt(mean[first])).append("</td><td>")
                    .append(last < 0 ? "" : HtmlReport.fmt(mean[last])).append("</td><td>")
                    .append(highest < 0 ? "" : HtmlReport.fmt(mean[highest])).append("</td><td>")
                    .append(highest < 0 ? "" : Integer.toString(highest)).append("</td></tr>");
        }
        html.append("<h3>").append(Html.escape(node)).append(", per feature or measure</h3>\n")
                .append(SvgChart.render(node, lines, series.windowStarts())).append('\n').append(table).append("</table>\n");
    }
}
