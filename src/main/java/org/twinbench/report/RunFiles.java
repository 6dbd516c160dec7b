package org.twinbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.AtomicFiles;
import org.twinbench.data.CsvWriter;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.ReliabilityRows;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.StepRows;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.store.RunStore;
import org.twinbench.sim.sweep.Sweep;
import org.twinbench.stats.ReliabilityBins;

/**
 * Writes a run's five files into a folder, complete or not at all (see {@link AtomicFiles}).
 * {@code steps.csv} depends only on the outcome (not on timing or threads), so the same scenario and
 * seed give the same bytes.
 */
public final class RunFiles {

    public static final String STEPS = "steps.csv";
    public static final String ALARMS = "alarms.csv";
    public static final String RELIABILITY = "reliability.csv";
    /** The columns of {@value #RELIABILITY}; n, mean_score and positive_share as in {@code metrics --reliability}. */
    public static final List<String> RELIABILITY_HEADER = List.of("replicate", "step", "bin", "lower", "upper", "n",
            "positives", "score_sum", "mean_score", "positive_share");
    public static final String RUN_JSON = "run.json";
    public static final String REPORT = "report.html";

    private RunFiles() {
    }

    /**
     * Writes the five files so that the folder is complete or absent: they are written into a staging
     * folder beside {@code dir}, which is moved into place only once the report is written too (see
     * {@link AtomicFiles#writeFolder}); a failure leaves no file of this run behind.
     */
    public static void write(Path dir, RunOutcome outcome, RunProvenance provenance, RunSummary summary) {
        try {
            RunSeries series = RunSeries.of(outcome);
            String json = RunJson.toJson(provenance, summary, series, outcome);
            String html = HtmlReport.render(outcome, series, provenance, summary);
            AtomicFiles.writeFolder(dir, staging -> {
                AtomicFiles.writeText(staging.resolve(STEPS), out -> writeSteps(outcome, out));
                AtomicFiles.writeText(staging.resolve(ALARMS), out -> writeAlarms(outcome, out));
                AtomicFiles.writeText(staging.resolve(RELIABILITY), out -> writeReliability(outcome, out));
                AtomicFiles.writeString(staging.resolve(RUN_JSON), json);
                AtomicFiles.writeString(staging.resolve(REPORT), html);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the run's files: " + e.getMessage(), e);
        }
    }

    /** {@code replicate,step,slice,metric,value}: the rows of {@link StepRows}. */
    public static void writeSteps(RunOutcome outcome, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("replicate", "step", "slice", "metric", "value");
        StepRows.forEach(outcome, (replicate, step, slice, metric, value) ->
                csv.row(Integer.toString(replicate), Integer.toString(step), slice, metric, value));
    }

    /**
     * {@code reliability.csv}: the rows of {@link ReliabilityRows} (bins with rows only), each with its
     * bin's edges, its mean score (score_sum / n) and positive share (positives / n).
     */
    public static void writeReliability(RunOutcome outcome, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(RELIABILITY_HEADER);
        ReliabilityRows.forEach(outcome, reliabilityRow(csv));
    }

    private static ReliabilityRows.Sink reliabilityRow(CsvWriter csv) {
        return (replicate, step, bin, n, positives, scoreSum) -> csv.row(Integer.toString(replicate),
                Integer.toString(step), Integer.toString(bin), StepRows.text(ReliabilityBins.lowerEdge(bin)),
                StepRows.text(ReliabilityBins.upperEdge(bin)), Long.toString(n), Long.toString(positives),
                StepRows.text(scoreSum), StepRows.text(scoreSum / n), StepRows.text((double) positives / n));
    }

    /**
     * Writes a stored run's {@code steps.csv}, {@code alarms.csv}, {@code reliability.csv},
     * {@code run.json} and the scenario ({@code scenario.twin.json}) into a folder; {@code steps.csv}
     * and {@code reliability.csv} are byte for byte the original (a run stored before the store kept
     * reliability bins gets the header only).
     */
    public static void export(RunStore store, long id, Path dir) {
        export(store, id, dir, "");
    }

    /**
     * As {@link #export(RunStore, long, Path)}; a run that has no {@code run.json} (one interrupted before
     * it finished) gets {@code runJsonIfNone} instead.
     */
    public static void export(RunStore store, long id, Path dir, String runJsonIfNone) {
        try {
            AtomicFiles.writeFolder(dir, staging -> {
                AtomicFiles.writeText(staging.resolve(STEPS), out -> {
                    CsvWriter csv = new CsvWriter(out);
                    csv.row("replicate", "step", "slice", "metric", "value");
                    store.forEachStepRow(id, (replicate, step, slice, metric, value) ->
                            csv.row(Integer.toString(replicate), Integer.toString(step), slice, metric, value));
                });
                AtomicFiles.writeText(staging.resolve(ALARMS), out -> {
                    CsvWriter csv = new CsvWriter(out);
                    csv.row("replicate", "step", "node", "kind", "detail");
                    for (RunStore.StoredAlarm a : store.alarms(id)) {
                        csv.row(Integer.toString(a.replicate()), Integer.toString(a.step()), a.node(), a.kind(),
                                a.detail());
                    }
                });
                AtomicFiles.writeText(staging.resolve(RELIABILITY), out -> {
                    CsvWriter csv = new CsvWriter(out);
                    csv.row(RELIABILITY_HEADER);
                    store.forEachReliabilityRow(id, reliabilityRow(csv));
                });
                AtomicFiles.writeString(staging.resolve(RUN_JSON), store.text(id, "run_json").orElse(runJsonIfNone));
                AtomicFiles.writeString(staging.resolve("scenario.twin.json"), store.text(id, "scenario_json").orElse(""));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the run's files: " + e.getMessage(), e);
        }
    }

    /**
     * {@code sweep.csv}: one row per grid point, the swept parameters first, then the means over the
     * point's replicates of accuracy (over all steps, at the last step, the lowest step) and of the
     * numbers of alarms, retrains and rollbacks per replicate.
     */
    public static void writeSweep(Path file, List<Sweep.Point> points) {
        try {
            AtomicFiles.writeText(file, out -> {
                CsvWriter csv = new CsvWriter(out);
                List<String> header = new ArrayList<>(points.get(0).values().keySet());
                header.addAll(List.of("accuracy_mean", "accuracy_last", "accuracy_min", "alarms", "retrains",
                        "rollbacks"));
                csv.row(header);
                for (Sweep.Point p : points) {
                    List<String> row = new ArrayList<>();
                    p.values().values().forEach(v -> row.add(String.valueOf(v)));
                    for (double v : new double[] {p.accuracyMean(), p.accuracyLast(), p.accuracyMin(), p.alarms(),
                            p.retrains(), p.rollbacks()}) {
                        row.add(StepRows.text(v));
                    }
                    csv.row(row);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
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
}
