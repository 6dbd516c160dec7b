package org.twinbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.twinbench.data.CsvWriter;
import org.twinbench.data.SampleData;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunProvenance;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.SliceMetrics;

/**
 * Writes a run's four files into a folder, each through a temporary file renamed into place.
 * {@code steps.csv} depends only on the outcome (not on timing or threads), so the same scenario and
 * seed give the same bytes.
 */
public final class RunFiles {

    public static final String STEPS = "steps.csv";
    public static final String ALARMS = "alarms.csv";
    public static final String RUN_JSON = "run.json";
    public static final String REPORT = "report.html";

    private RunFiles() {
    }

    public static void write(Path dir, RunOutcome outcome, RunProvenance provenance, RunSummary summary) {
        try {
            SampleData.writeAtomically(dir.resolve(STEPS), out -> writeSteps(outcome, out));
            SampleData.writeAtomically(dir.resolve(ALARMS), out -> writeAlarms(outcome, out));
            RunSeries series = RunSeries.of(outcome);
            String json = RunJson.toJson(provenance, summary, series);
            SampleData.writeAtomically(dir.resolve(RUN_JSON), out -> out.write(json));
            String html = HtmlReport.render(outcome, series, provenance, summary);
            SampleData.writeAtomically(dir.resolve(REPORT), out -> out.write(html));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the run's files: " + e.getMessage(), e);
        }
    }

    /**
     * {@code replicate,step,slice,metric,value}: for every step the row count {@code n} and the
     * metrics overall, then per slice ({@code column=value}), then the step's other measures under
     * slice {@code overall}. An undefined value is an empty field; numbers as {@link Double#toString}.
     */
    public static void writeSteps(RunOutcome outcome, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("replicate", "step", "slice", "metric", "value");
        for (var replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                String r = Integer.toString(result.replicate());
                String s = Integer.toString(result.step());
                csv.row(r, s, RunSeries.OVERALL, "n", Integer.toString(result.overall().n()));
                for (var metric : result.overall().asMap().entrySet()) {
                    csv.row(r, s, RunSeries.OVERALL, metric.getKey(), number(metric.getValue()));
                }
                for (SliceMetrics slice : result.slices()) {
                    String name = slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value());
                    csv.row(r, s, name, "n", Integer.toString(slice.metrics().n()));
                    for (var metric : slice.metrics().asMap().entrySet()) {
                        csv.row(r, s, name, metric.getKey(), number(metric.getValue()));
                    }
                }
                for (var measure : result.measures().entrySet()) {
                    csv.row(r, s, RunSeries.OVERALL, measure.getKey(), number(measure.getValue()));
                }
            }
        }
    }

    /** {@code replicate,step,node,kind,detail}, in replicate and step order. */
    public static void writeAlarms(RunOutcome outcome, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("replicate", "step", "node", "kind", "detail");
        for (Alarm alarm : outcome.alarms()) {
            csv.row(Integer.toString(alarm.replicate()), Integer.toString(alarm.step()), alarm.nodeId(), alarm.kind(),
                    alarm.detail());
        }
    }

    static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
