package org.twinbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.StepResult;

/**
 * The report's "Model extraction" section, one part per {@code attack.extraction} node (a node recording
 * {@code <id>.queries}, {@code <id>.fidelity} and {@code <id>.surrogate_accuracy}): a chart of fidelity and the
 * surrogate's accuracy (shares, 0 to 1) over the steps, the answers the attacker has had on a chart of its own
 * (a count, whose scale would flatten the shares), and a table of both shares after a quarter, half, three
 * quarters and all of the run's queries (means over replicates). {@link MonitorSection} leaves these measures out.
 */
final class ExtractionSection {

    static final String QUERIES = ".queries";
    private static final String[] SHARES = {".fidelity", ".surrogate_accuracy"};
    /** A copy of a model of amounts records these in place of the surrogate's accuracy. */
    private static final String FIDELITY_MAE = ".fidelity_mae";
    private static final String SURROGATE_MAE = ".surrogate_mae";

    private ExtractionSection() {
    }

    /** The ids of the run's extraction nodes, in the order their measures were recorded. */
    static Set<String> nodes(RunSeries series) {
        Set<String> out = new LinkedHashSet<>();
        for (RunSeries.Key key : series.keys()) {
            String m = key.metric();
            if (key.slice().equals(StepResult.OVERALL) && m.endsWith(QUERIES)) {
                String node = m.substring(0, m.length() - QUERIES.length());
                if (series.values(new RunSeries.Key(StepResult.OVERALL, node + SHARES[0])).isPresent()) {
                    out.add(node);
                }
            }
        }
        return out;
    }

    /** Whether a measure is one this section shows. */
    static boolean shows(Set<String> nodes, String metric) {
        for (String node : nodes) {
            if (metric.equals(node + QUERIES) || metric.equals(node + SHARES[0]) || metric.equals(node + SHARES[1])
                    || metric.equals(node + FIDELITY_MAE) || metric.equals(node + SURROGATE_MAE)) {
                return true;
            }
        }
        return false;
    }

    static void render(StringBuilder html, RunSeries series) {
        Set<String> nodes = nodes(series);
        if (nodes.isEmpty()) {
            return;
        }
        html.append("<h2>Model extraction</h2>\n<p>Fidelity: the share of each step's rows (never queried) on which "
                + "the attacker's surrogate decides as the deployed model does; surrogate accuracy: the share of "
                + "the step's labelled rows it gets right; queries: the answers it has had so far (docs/attacks.md)."
                + "</p>\n");
        for (String node : nodes) {
            double[] queries = mean(series, node + QUERIES);
            boolean amounts = series.values(new RunSeries.Key(StepResult.OVERALL, node + SURROGATE_MAE)).isPresent();
            List<SvgChart.Line> shares = new ArrayList<>();
            for (String share : amounts ? new String[] {SHARES[0]} : SHARES) {
                shares.add(new SvgChart.Line(share.substring(1), mean(series, node + share), null, null));
            }
            html.append("<h3>").append(Html.escape(node)).append("</h3>\n")
                    .append(SvgChart.render(node + (amounts ? ": fidelity (R² of the copy's amounts against the "
                            + "model's)" : ": fidelity and surrogate accuracy"), shares,
                            series.windowStarts())).append('\n')
                    .append(SvgChart.render(node + ": queries answered so far", List.of(new SvgChart.Line("queries",
                            queries, null, null)), series.windowStarts())).append('\n');
            html.append("<table><tr><th>queries answered</th><th>at step</th><th>fidelity</th>"
                    + (amounts ? "<th>mean difference from the model</th><th>surrogate MAE</th>"
                    : "<th>surrogate accuracy</th>") + "</tr>");
            double[] fidelity = shares.get(0).values();
            double[][] others = amounts ? new double[][] {mean(series, node + FIDELITY_MAE),
                mean(series, node + SURROGATE_MAE)} : new double[][] {shares.get(1).values()};
            int previous = -1;
            for (int quarter = 1; quarter <= 4; quarter++) {
                int step = Math.max(0, (int) Math.ceil(queries.length * quarter / 4.0) - 1);
                if (step == previous || step >= queries.length) {
                    continue;
                }
                previous = step;
                html.append("<tr><td>").append(HtmlReport.fmt(queries[step])).append("</td><td>").append(step)
                        .append("</td><td>").append(HtmlReport.fmt(fidelity[step]));
                for (double[] other : others) {
                    html.append("</td><td>").append(HtmlReport.fmt(other[step]));
                }
                html.append("</td></tr>");
            }
            html.append("</table>\n");
        }
    }

    private static double[] mean(RunSeries series, String metric) {
        return series.band(new RunSeries.Key(StepResult.OVERALL, metric)).mean();
    }
}
