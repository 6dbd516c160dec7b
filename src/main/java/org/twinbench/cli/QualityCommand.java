package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ColumnSchema;
import org.twinbench.data.DataQuality;
import org.twinbench.data.Dataset;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Schema;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.data.Task;
import org.twinbench.model.AmountErrors;
import org.twinbench.model.ConfidentLearning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quality}: every data-quality finding of a table (the checks the window's data panel runs, the columns of
 * personal data) and, for a classification outcome, the rows confident learning thinks mislabelled (docs/cli.md).
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "List a table's data-quality findings and the rows whose label looks wrong.")
public final class QualityCommand implements Callable<Integer> {

    @Mixin
    TableOptions.Data table;

    /** {@code --data}'s file. */
    Path data;

    @Option(names = "--target", paramLabel = "COL", description = "The outcome column (default: the column that "
            + "reads as the outcome, if the choice is clear; without one, label checks are skipped).")
    String target;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the folds of the label check (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption json;

    /** Text output lists at most this many suspected labels; --json lists them all. */
    static final int LISTED_LABELS = 50;

    @Override
    public Integer call() {
        data = table.file();
        Dataset dataset = table.load();
        String outcome = target;
        String why = "given with --target";
        if (outcome != null && !dataset.frame().has(outcome)) {
            throw new UserInputException(data + ": no column '" + outcome + "' (given with --target); columns are "
                    + String.join(", ", dataset.frame().columnNames()));
        }
        if (outcome == null) {
            OutcomeColumn.Inference inference = OutcomeColumn.infer(dataset);
            outcome = inference.column().orElse(null);
            why = outcome == null ? "no clear outcome column; give it with --target COL"
                    : "chosen as the outcome: " + inference.chosen().reason();
        }
        Schema schema = Schema.infer(dataset, outcome);
        List<QualityFinding> findings = new ArrayList<>(DataQuality.check(dataset.frame(), schema));
        for (ColumnSchema column : schema.columns()) {
            if (column.role() == ColumnRole.PII) {
                findings.add(new QualityFinding(QualityFinding.Severity.INFO, "personal-data", "column '"
                        + column.name() + "' " + column.reason() + "; never a feature, masked in every output",
                        List.of(column.name()), new int[0], 0));
            }
        }
        String[] skipped = {null};
        ConfidentLearning.Result labels = null;
        AmountErrors.Result amounts = null;
        Task task = outcome == null ? null : Task.of(dataset.frame().column(outcome)).orElse(null);
        Schema training = TrainingLeaks.without(schema, TrainingLeaks.columns(findings), LabelQuality.LEAK_REASON);
        if (task == Task.BINARY || task == Task.MULTICLASS) {
            labels = LabelQuality.labelErrors(dataset.frame(), training, seed, skipped);
        } else if (task == Task.REGRESSION) {
            amounts = LabelQuality.amountErrors(dataset.frame(), training, skipped);
        } else {
            skipped[0] = outcome == null ? "no outcome column" : "'" + outcome + "' holds no classes or amounts "
                    + "to check";
        }
        PrintWriter out = json.out();
        if (json.enabled()) {
            ObjectNode root = toJson(dataset, outcome, why, findings, labels, amounts == null ? skipped[0] : null);
            if (amounts != null) {
                LabelQuality.amountsJson((ObjectNode) root.get("label_errors"), amounts);
            }
            json.print(root);
        } else {
            printText(out, dataset, outcome, why, findings, labels, amounts == null ? skipped[0] : null);
            if (amounts != null) {
                LabelQuality.printAmounts(out, amounts, LISTED_LABELS);
            }
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    private ObjectNode toJson(Dataset dataset, String outcome, String why, List<QualityFinding> findings,
                              ConfidentLearning.Result labels, String skipped) {
        ObjectNode root = Json.object();
        root.put("file", data.toString());
        root.put("rows", dataset.frame().rowCount());
        root.put("columns", dataset.frame().columnNames().size());
        if (outcome != null) {
            root.put("target", outcome);
        }
        root.put("target_reason", why);
        ArrayNode array = root.putArray("findings");
        for (QualityFinding finding : findings) {
            ObjectNode node = array.addObject();
            node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            node.put("check", finding.check());
            node.put("message", finding.message());
            node.set("columns", Json.MAPPER.valueToTree(finding.columns()));
            ArrayNode rows = node.putArray("rows");
            for (int row : finding.rows()) {
                rows.add(row + 1);
            }
            node.put("row_count", finding.rowCount());
        }
        ObjectNode label = root.putObject("label_errors");
        if (labels == null) {
            if (skipped != null) {
                label.put("skipped", skipped);
            }
            return root;
        }
        label.put("method", "confident_learning");
        label.put("folds", ConfidentLearning.FOLDS);
        label.put("labelled_rows", labels.labelledRows());
        label.put("count", labels.issues().size());
        Json.putNumber(label, "out_of_fold_accuracy", labels.outOfFoldAccuracy());
        Json.putNumber(label, "majority_share", labels.majorityShare());
        Json.putNumber(label, "share", labels.issueShare());
        ObjectNode thresholds = label.putObject("thresholds");
        for (int c = 0; c < labels.classes().size(); c++) {
            Json.putNumber(thresholds, labels.classes().get(c), labels.thresholds()[c]);
        }
        ArrayNode rows = label.putArray("rows");
        for (ConfidentLearning.Issue issue : labels.issues()) {
            ObjectNode node = rows.addObject();
            node.put("row", issue.row() + 1);
            node.put("given", issue.given());
            node.put("suspected", issue.suspected());
            Json.putNumber(node, "self_confidence", issue.selfConfidence());
        }
        return root;
    }

    private void printText(PrintWriter out, Dataset dataset, String outcome, String why,
                           List<QualityFinding> findings, ConfidentLearning.Result labels, String skipped) {
        out.printf(Locale.ROOT, "%s: %d rows, %d columns; outcome: %s%n", TerminalText.oneLine(data.toString()),
                dataset.frame().rowCount(), dataset.frame().columnNames().size(), TerminalText.oneLine(
                        outcome == null ? "none (" + why + ")" : "'" + outcome + "' (" + why + ")"));
        if (findings.isEmpty()) {
            out.println("no data-quality findings");
        }
        for (QualityFinding finding : findings) {
            out.printf(Locale.ROOT, "%-7s %-18s %s%n", finding.severity().name().toLowerCase(Locale.ROOT),
                    finding.check(), TerminalText.oneLine(finding.message()));
        }
        if (labels == null) {
            if (skipped != null) {
                out.println("label errors: not checked (" + skipped + ")");
            }
            return;
        }
        out.printf(Locale.ROOT, "label errors: %d of %d labelled rows (%.1f%%) look mislabelled (confident learning, "
                + "%d folds)%n", labels.issues().size(), labels.labelledRows(), 100 * labels.issueShare(),
                ConfidentLearning.FOLDS);
        String open = labels.informative() ? LabelQuality.openOutcome(labels, outcome) : null;
        if (open != null) {
            out.println("  note: " + open.substring(", but ".length()));
        }
        if (!labels.informative()) {
            out.printf(Locale.ROOT, "  note: the fold models are right %.1f%% of the time, no better than always "
                    + "answering the most frequent class (%.1f%%): these doubts are noise%n",
                    100 * labels.outOfFoldAccuracy(), 100 * labels.majorityShare());
        }
        List<ConfidentLearning.Issue> issues = labels.issues();
        for (ConfidentLearning.Issue issue : issues.subList(0, Math.min(LISTED_LABELS, issues.size()))) {
            out.printf(Locale.ROOT, "  row %d: labelled '%s', suspected '%s' (probability of the label %.3f)%n",
                    issue.row() + 1, TerminalText.oneLine(issue.given()), TerminalText.oneLine(issue.suspected()),
                    issue.selfConfidence());
        }
        if (issues.size() > LISTED_LABELS) {
            out.printf(Locale.ROOT, "  ... and %d more (--json lists them all)%n", issues.size() - LISTED_LABELS);
        }
    }
}
