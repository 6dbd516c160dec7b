package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ColumnSchema;
import org.twinbench.data.Dataset;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Task;
import org.twinbench.model.BaselineJson;
import org.twinbench.model.HoldoutIntervals;
import org.twinbench.model.ModelCard;
import org.twinbench.stats.MulticlassMetrics;

/**
 * What {@code train} prints about the model it wrote, for every task: the model card (task, target and
 * why it was chosen, classes, features, columns left out, training data), the holdout figures beside the
 * naive baseline on the same rows (called out when the model is no better), the per-class figures of a
 * multiclass model, and the data-quality findings — as text or as JSON.
 */
record TrainCard(Path out, Path data, ModelCard card, OutcomeChoice outcome, List<ColumnSchema> left,
                 List<QualityFinding> findings, Dataset dataset, MulticlassMetrics classDetail,
                 java.util.Map<String, double[]> amountIntervals) {

    /** Every holdout interval: the card's shares (Wilson) and a regression's MAE and RMSE (bootstrap). */
    private java.util.Map<String, double[]> intervals() {
        java.util.Map<String, double[]> all = new java.util.LinkedHashMap<>(HoldoutIntervals.of(card));
        all.putAll(amountIntervals);
        return all;
    }


    void print(PrintWriter printer, boolean json) {
        if (json) {
            printer.println(Json.write(toJson()));
        } else {
            printText(printer);
        }
        printer.flush();
    }

    private ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("model", out.toString());
        root.put("task", card.task().id());
        root.put("algorithm", card.algorithm());
        root.put("target", card.target());
        root.put("target_reason", outcome.why());
        if (card.task() == Task.BINARY) {
            root.put("positive_label", card.positiveLabel());
        }
        if (card.task() == Task.MULTICLASS) {
            ArrayNode classes = root.putArray("classes");
            card.classes().forEach(classes::add);
        }
        ArrayNode features = root.putArray("features");
        card.features().forEach(features::add);
        ArrayNode excluded = root.putArray("excluded");
        for (ColumnSchema column : left) {
            ObjectNode node = excluded.addObject();
            node.put("column", column.name());
            node.put("role", column.role().name().toLowerCase(Locale.ROOT));
            node.put("reason", column.reason());
        }
        ObjectNode training = root.putObject("training_data");
        training.put("file", dataset.provenance().file());
        training.put("sha256", card.trainingDataSha256());
        training.put("rows", dataset.provenance().rows());
        training.put("schema_hash", dataset.provenance().schemaHash());
        root.put("training_rows", card.trainingRows());
        ObjectNode holdout = root.putObject("holdout_metrics");
        Json.putAll(holdout, card.holdoutMetrics());
        if (classDetail != null) {
            TaskJson.putClassDetail(holdout, classDetail);
        }
        if (card.holdoutRows() > 0) {
            root.put("holdout_rows", card.holdoutRows());
            ObjectNode intervals = root.putObject("holdout_intervals");
            intervals().forEach((name, interval) -> {
                ObjectNode bounds = intervals.putObject(name);
                Json.putNumber(bounds, "lower", interval[0]);
                Json.putNumber(bounds, "upper", interval[1]);
                bounds.put("method", amountIntervals.containsKey(name) ? "bootstrap" : "wilson");
            });
            if (!amountIntervals.isEmpty()) {
                root.put("holdout_resamples", HoldoutIntervals.RESAMPLES);
            }
        }
        if (card.baseline() != null) {
            BaselineJson.put(root.putObject("baseline"), card.baseline());
            String verdict = card.baseline().noBetter(card.holdoutMetrics());
            if (verdict != null) {
                root.put("no_better_than_baseline", verdict);
            }
            String indistinct = HoldoutIntervals.indistinctFromBaseline(card);
            if (indistinct != null) {
                root.put("indistinct_from_baseline", indistinct);
            }
        }
        ArrayNode quality = root.putArray("quality");
        for (QualityFinding finding : findings) {
            ObjectNode node = quality.addObject();
            node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            node.put("check", finding.check());
            node.put("message", finding.message());
        }
        return root;
    }

    private void printText(PrintWriter printer) {
        String what = switch (card.task()) {
            case BINARY -> "(positive: " + card.positiveLabel() + ")";
            case MULTICLASS -> "(multiclass: " + card.classes().size() + " classes)";
            case REGRESSION -> "(regression)";
        };
        printer.printf(Locale.ROOT, "%s model of '%s' %s written to %s%n", card.algorithm(), card.target(), what, out);
        printer.printf(Locale.ROOT, "outcome '%s': %s; task %s%n", card.target(), outcome.why(), card.task().id());
        if (card.task() == Task.MULTICLASS) {
            printer.println("classes: " + String.join(", ", card.classes()));
        }
        printer.println("features: " + String.join(", ", card.features()));
        for (ColumnSchema column : left) {
            printer.printf(Locale.ROOT, "left out: %s (%s: %s)%n", column.name(),
                    column.role().name().toLowerCase(Locale.ROOT), column.reason());
        }
        printer.printf(Locale.ROOT, "trained on %d rows of %s (sha256 %s)%n", card.trainingRows(), data,
                card.trainingDataSha256());
        if (card.holdoutRows() > 0) {
            printer.printf(Locale.ROOT, "holdout: %d rows%s%n", card.holdoutRows(),
                    card.holdoutRows() < HoldoutIntervals.FEW_ROWS ? " (few: its figures are rough)" : "");
        }
        java.util.Map<String, double[]> intervals = intervals();
        card.holdoutMetrics().forEach((name, value) -> {
            Double base = card.baseline() == null ? null : card.baseline().metrics().get(name);
            double[] interval = intervals.get(name);
            printer.printf(Locale.ROOT, "holdout %-17s %.4f%s%s%n", name, value, base == null || base.isNaN() ? ""
                    : String.format(Locale.ROOT, "   baseline %.4f", base), interval == null ? ""
                    : String.format(Locale.ROOT, "   95%% interval %.4f–%.4f", interval[0], interval[1]));
        });
        if (card.baseline() != null) {
            printer.printf(Locale.ROOT, "baseline: always %s%n", card.baseline().kind().equals("mean")
                    ? "predicting the training mean " + card.baseline().answer()
                    : "answering the training majority '" + card.baseline().answer() + "'");
            String verdict = card.baseline().noBetter(card.holdoutMetrics());
            if (verdict != null) {
                printer.println("warning: the model is " + verdict);
            }
            String indistinct = HoldoutIntervals.indistinctFromBaseline(card);
            if (indistinct != null) {
                printer.println("warning: " + indistinct);
            }
        }
        if (classDetail != null) {
            TaskJson.printClassDetail(printer, classDetail, "  ");
        }
        for (QualityFinding finding : findings) {
            printer.printf(Locale.ROOT, "data %s: %s%n", finding.severity().name().toLowerCase(Locale.ROOT),
                    finding.message());
        }
    }

    /** The columns of a schema that are neither features nor the target. */
    static List<ColumnSchema> leftOut(org.twinbench.data.Schema schema) {
        return schema.columns().stream()
                .filter(c -> c.role() != ColumnRole.FEATURE && c.role() != ColumnRole.TARGET).toList();
    }
}
