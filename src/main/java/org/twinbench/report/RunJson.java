package org.twinbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinbench.sim.AlarmCount;
import org.twinbench.sim.ChangeSchedule;
import org.twinbench.sim.RunAssertion;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunRobustness;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.SliceBaselines;
import org.twinbench.sim.TaskFairness;
import org.twinbench.sim.TaskFigures;
import org.twinbench.sim.store.RunProvenance;

/**
 * {@code run.json}: provenance (scenario, data and model with SHA-256, seed, versions) and the
 * {@code window_starts} of a calendar replay (the first day of each step's window), and the
 * serving figures of a run with a deployment ({@link DeploymentSection}: {@code deployment}), and the
 * summary (verdict, accuracy at start and end, the worst slice beside its naive baseline, events, gates, and per
 * series the mean over all steps and replicates). NaN and infinities are written as {@code null}.
 */
public final class RunJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    public static ObjectNode toTree(RunProvenance p, RunSummary summary, RunSeries series) {
        return toTree(p, summary, series, null);
    }

    /**
     * As {@link #toTree(RunProvenance, RunSummary, RunSeries)}, with {@code alarms}: the alarms of checks with
     * a stated false-alarm rate against the number expected by chance ({@link AlarmCount}).
     */
    public static ObjectNode toTree(RunProvenance p, RunSummary summary, RunSeries series, RunOutcome outcome) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "twinbench.run");
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("file", p.scenarioFile());
        scenario.put("name", p.scenarioName());
        scenario.put("sha256", p.scenarioSha256());
        ObjectNode data = root.putObject("dataset");
        data.put("file", p.dataFile());
        data.put("sha256", p.dataSha256());
        data.put("rows", p.dataRows());
        ObjectNode model = root.putObject("model");
        model.put("algorithm", p.modelAlgorithm());
        model.put("file", p.modelFile());
        model.put("sha256", p.modelSha256());
        model.put("trained_on_sha256", p.modelTrainingDataSha256());
        model.put("replays_training_rows", p.replaysTrainingRows());
        if (!Double.isNaN(p.notes().trainingRowsShare())) {
            model.put("training_rows_share", Math.round(p.notes().trainingRowsShare() * 1000) / 1000.0);
        }
        root.put("seed", p.seed());
        root.put("steps", p.steps());
        if (!series.windowStarts().isEmpty()) {
            ArrayNode windows = root.putArray("window_starts");
            series.windowStarts().forEach(windows::add);
        }
        root.put("replicates", p.replicates());
        ObjectNode versions = root.putObject("versions");
        versions.put("twinbench", p.twinbenchVersion());
        versions.put("java", p.javaVersion());
        root.put("created", p.createdAt());
        ArrayNode notes = root.putArray("notes");
        p.notes().notes().forEach(notes::add);

        if (outcome != null) {
            AlarmCount count = AlarmCount.of(p.alarmRates(), outcome);
            ObjectNode alarms = root.putObject("alarms");
            alarms.put("fired", count.fired());
            alarms.put("expected_false", Math.round(count.expectedFalse() * 1000) / 1000.0);
            alarms.put("checks", count.checks());
            alarms.put("other", count.other());
            SliceJson.addFindings(root, outcome.findings());
            if (outcome.robustness() != null) {
                RunRobustness r = outcome.robustness();
                ObjectNode profile = root.putObject("robustness");
                profile.put("node", r.node());
                profile.put("from_step", r.fromStep());
                profile.put("retrained", r.retrained());
                profile.put("drop", r.drop());
                RobustnessJson.write(profile, r.overall(), r.slices());
            }
            if (!p.schedule().changePoints().isEmpty()) {
                ArrayNode changes = root.putArray("change_points");
                p.schedule().changePoints().forEach(changes::add);
                ArrayNode detectors = root.putArray("detectors");
                for (ChangeSchedule.Score score : p.schedule().score(outcome)) {
                    ObjectNode d = detectors.addObject();
                    d.put("node", score.node());
                    d.put("detected", score.detected());
                    d.put("missed", score.missed());
                    d.put("false_alarms", score.falseAlarms());
                    number(d, "mean_delay", score.meanDelay());
                }
            }
        }
        DeploymentSection.json(root, series);
        ObjectNode out = root.putObject("summary");
        out.put("verdict", summary.light().name().toLowerCase(java.util.Locale.ROOT));
        out.put("headline", summary.headline());
        TaskFigures task = TaskFigures.of(series, outcome);
        if (task != null) {
            out.put("task", task.task());
        }
        if (task == null || !"regression".equals(task.task())) {
            number(out, "accuracy_start", summary.accuracyStart());
            number(out, "accuracy_end", summary.accuracyEnd());
            number(out, "accuracy_min", summary.accuracyMin());
        }
        if (task != null) {
            task.figures().forEach((key, value) -> {
                if (!key.startsWith("worst_slice")) {
                    number(out, key, value);
                }
            });
        }
        if (task != null && "regression".equals(task.task())) {
            out.put("worst_slice", task.worstSlice());
            number(out, "worst_slice_rmse_start", task.figures().get("worst_slice_rmse_start"));
            number(out, "worst_slice_rmse_end", task.figures().get("worst_slice_rmse_end"));
        } else {
            out.put("worst_slice", summary.worstSlice());
            number(out, "worst_slice_accuracy_start", summary.worstSliceStart());
            number(out, "worst_slice_accuracy_end", summary.worstSliceEnd());
        }
        String worst = task != null && "regression".equals(task.task()) ? task.worstSlice() : summary.worstSlice();
        String metric = SliceBaselines.metric(series);
        SliceBaselines naive = worst == null ? null : SliceBaselines.of(series, worst);
        number(out, "worst_slice_baseline_" + metric + "_start", naive == null ? Double.NaN : naive.baselineStart());
        number(out, "worst_slice_baseline_" + metric + "_end", naive == null ? Double.NaN : naive.baselineEnd());
        if (task != null && !task.fairness().isEmpty()) {
            fairness(out.putArray("fairness"), task.fairness());
        }
        out.put("alarms", summary.alarms());
        out.put("retrains", summary.retrains());
        out.put("rollbacks", summary.rollbacks());
        ArrayNode gates = out.putArray("assertions");
        for (RunAssertion.Verdict gate : summary.gates()) {
            ObjectNode g = gates.addObject();
            g.put("expression", gate.assertion().expression());
            number(g, "actual", gate.actual());
            g.put("passed", gate.passed());
        }
        ObjectNode means = out.putObject("means");
        for (RunSeries.Key key : series.keys()) {
            double sum = 0;
            long n = 0;
            for (double[] row : series.values(key).orElseThrow()) {
                for (double v : row) {
                    if (!Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
            }
            number(means, key.toString(), n == 0 ? Double.NaN : sum / n);
        }
        return root;
    }

    /** A regression's or multiclass run's fairness figures, pooled over the first and the last tenth. */
    private static void fairness(ArrayNode array, java.util.List<TaskFairness> figures) {
        for (TaskFairness figure : figures) {
            ObjectNode f = array.addObject();
            f.put("node", figure.node());
            f.put("column", figure.column());
            if (figure.subject() != null) {
                f.put("class", figure.subject());
            }
            f.put("metric", figure.metric());
            number(f, "start", figure.start());
            number(f, "end", figure.end());
            f.put("worst_group", figure.worst());
            f.put("best_group", figure.best());
            f.put("flagged", figure.flagged());
        }
    }

    public static String toJson(RunProvenance provenance, RunSummary summary, RunSeries series) {
        return toJson(provenance, summary, series, null);
    }

    /** {@code run.json} with its {@code alarms} counted in {@code outcome}. */
    public static String toJson(RunProvenance provenance, RunSummary summary, RunSeries series, RunOutcome outcome) {
        try {
            return MAPPER.writeValueAsString(toTree(provenance, summary, series, outcome)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run.json always serialises", e);
        }
    }

    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
