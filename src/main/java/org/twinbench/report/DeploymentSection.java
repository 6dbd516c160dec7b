package org.twinbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.StepResult;

/**
 * What serving cost and gave in a run with a {@code deployment.endpoint}: the {@code deployment} object of
 * {@code run.json} and the report's "Serving" section. Both put the served model's accuracy beside its latency,
 * cost and file size, so that runs of the same model at the edge and in the cloud, or of a distilled student and
 * its teacher, compare figure by figure. With a student (docs/scenarios.md, distillation) they add its teacher's
 * accuracy and size on the same rows, the student's agreement with the teacher, both measured scoring times and
 * the distillation's time; the report charts the three shares over the steps. Figures are means over steps and
 * replicates; sizes and timings are those of the last step (a retrain distils and times again).
 */
final class DeploymentSection {

    /** Step measures that are means over the run. */
    private static final List<String> MEANS = List.of("latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "cost",
            "teacher_accuracy", "student_fidelity");
    /** Step measures that are read at the last step. */
    private static final List<String> LAST = List.of("model_bytes", "teacher_bytes", "student_us_per_row",
            "teacher_us_per_row", "distil_ms");
    private static final Set<String> SHOWN = Set.of("teacher_accuracy", "student_fidelity", "model_bytes",
            "teacher_bytes", "student_us_per_row", "teacher_us_per_row", "distil_ms");

    private DeploymentSection() {
    }

    /** Whether {@link MonitorSection} leaves a measure to this section. */
    static boolean shows(String metric) {
        return SHOWN.contains(metric);
    }

    private static boolean deployed(RunSeries series) {
        return series.values(key("latency_p95_ms")).isPresent();
    }

    private static boolean distilled(RunSeries series) {
        return series.values(key("student_fidelity")).isPresent();
    }

    /** Adds {@code deployment} to {@code run.json}'s root when the run served through a deployment node. */
    static void json(ObjectNode root, RunSeries series) {
        if (!deployed(series)) {
            return;
        }
        ObjectNode out = root.putObject("deployment");
        out.put("served", distilled(series) ? "student" : "model");
        if (series.values(key("accuracy")).isPresent()) {
            RunJson.number(out, "accuracy", mean(series, "accuracy"));
        }
        for (String measure : MEANS) {
            if (series.values(key(measure)).isPresent()) {
                RunJson.number(out, measure.equals("cost") ? "cost_per_step" : measure, mean(series, measure));
            }
        }
        for (String measure : LAST) {
            if (series.values(key(measure)).isPresent()) {
                RunJson.number(out, measure, last(series, measure));
            }
        }
    }

    static void render(StringBuilder html, RunSeries series) {
        if (!deployed(series)) {
            return;
        }
        boolean student = distilled(series);
        html.append("<h2>Serving</h2>\n<p>").append(student
                ? "The endpoint served a student distilled from the model (its teacher), measured beside it on the "
                + "same rows; sizes and scoring times were measured when it was distilled (docs/scenarios.md)."
                : "The endpoint served the model itself.").append("</p>\n");
        if (student) {
            List<SvgChart.Line> shares = new ArrayList<>();
            shares.add(new SvgChart.Line("student accuracy", series.band(key("accuracy")).mean(), null, null));
            shares.add(new SvgChart.Line("teacher accuracy", series.band(key("teacher_accuracy")).mean(), null,
                    null));
            shares.add(new SvgChart.Line("student fidelity", series.band(key("student_fidelity")).mean(), null,
                    null));
            html.append(SvgChart.render("student and teacher", shares, series.windowStarts())).append('\n');
        }
        html.append("<table><tr><th>figure</th><th>").append(student ? "student" : "model").append("</th>")
                .append(student ? "<th>teacher</th>" : "").append("</tr>");
        row(html, "accuracy (mean)", series, "accuracy", student ? "teacher_accuracy" : null, true, student);
        if (student) {
            row(html, "agreement with the teacher (mean)", series, "student_fidelity", null, true, true);
        }
        row(html, "latency p50 (ms, mean)", series, "latency_p50_ms", null, true, student);
        row(html, "latency p95 (ms, mean)", series, "latency_p95_ms", null, true, student);
        row(html, "latency p99 (ms, mean)", series, "latency_p99_ms", null, true, student);
        row(html, "cost per step (mean)", series, "cost", null, true, student);
        row(html, "file size (bytes)", series, "model_bytes", student ? "teacher_bytes" : null, false, student);
        if (student) {
            row(html, "scoring time per row (µs, measured)", series, "student_us_per_row", "teacher_us_per_row",
                    false, true);
            row(html, "distillation time (ms)", series, "distil_ms", null, false, true);
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String label, RunSeries series, String measure, String teacher,
                            boolean mean, boolean twoColumns) {
        if (series.values(key(measure)).isEmpty()) {
            return;
        }
        html.append("<tr><td>").append(Html.escape(label)).append("</td><td>")
                .append(HtmlReport.fmt(mean ? mean(series, measure) : last(series, measure))).append("</td>");
        if (twoColumns) {
            html.append("<td>").append(teacher == null || series.values(key(teacher)).isEmpty() ? ""
                    : HtmlReport.fmt(mean ? mean(series, teacher) : last(series, teacher))).append("</td>");
        }
        html.append("</tr>");
    }

    private static RunSeries.Key key(String metric) {
        return new RunSeries.Key(StepResult.OVERALL, metric);
    }

    private static double mean(RunSeries series, String metric) {
        double sum = 0;
        long n = 0;
        for (double[] row : series.values(key(metric)).orElseThrow()) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The mean over replicates of the last step that has the measure. */
    private static double last(RunSeries series, String metric) {
        double[] means = series.band(key(metric)).mean();
        for (int step = means.length - 1; step >= 0; step--) {
            if (!Double.isNaN(means[step])) {
                return means[step];
            }
        }
        return Double.NaN;
    }
}
