package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinbench.data.AtomicFiles;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.CsvWriter;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.TaskModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code score}: writes a table's rows plus, for a binary model, {@code score} (the positive class's
 * probability) and {@code prediction} (1 when score &ge; threshold, else 0); for other tasks see
 * {@link TaskScoring}. The model's columns are checked before
 * anything is scored, and the output is written through a temporary file: on any error nothing is
 * written.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a table with a .twinmodel or .onnx model; writes the rows plus score and prediction "
                + "(binary), prediction (regression) or prediction and p_<class> per class (multiclass).")
public final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M", description = "A .twinmodel bundle or an .onnx model.")
    Path model;

    @Mixin
    TableOptions.Data table;

    /** {@code --data}'s file. */
    Path data;

    @Option(names = "--out", required = true, paramLabel = "G", description = "Where to write the scored CSV.")
    Path out;

    @Mixin
    TableOptions.Threshold thresholdOption;

    /** {@code --threshold}, checked. */
    double threshold;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        data = table.file();
        threshold = thresholdOption.value();
        OutputPaths.refuseInputs("--out", out, List.of(model, Path.of(model + ".json"), data));
        TaskModel loaded = ModelFiles.loadAny(model);
        if (!(loaded instanceof BinaryClassifier classifier)) {
            new TaskScoring(loaded, model, data, out).run(json);
            return TwinBenchCommand.OK;
        }
        try {
            Dataset dataset = TableLoader.load(data);
            Frame frame = dataset.frame();
            Frame inputs = ModelInputs.conform(classifier, frame, data.toString());
            double[] scores = classifier.scorePositive(inputs);
            // Columns that look like personal data are written masked: an export never carries PII in clear.
            Schema schema = Schema.infer(dataset, null);
            int positives = write(Masking.masked(frame, schema), scores);
            List<String> masked = schema.columns().stream().filter(c -> c.pii() != null).map(c -> c.name()).toList();
            if (!masked.isEmpty()) {
                json.err().println("twinbench: note: masked personal data in " + masked);
                json.err().flush();
            }
            summarise(frame.rowCount(), scores, positives, classifier);
        } finally {
            if (classifier instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        return TwinBenchCommand.OK;
    }

    private int write(Frame frame, double[] scores) throws java.io.IOException {
        List<Column> columns = frame.columns().stream()
                .filter(c -> !c.name().equals("score") && !c.name().equals("prediction")).toList();
        int[] positives = {0};
        AtomicFiles.writeText(out, writer -> {
            CsvWriter csv = new CsvWriter(writer);
            List<String> header = new ArrayList<>(columns.stream().map(Column::name).toList());
            header.add("score");
            header.add("prediction");
            csv.row(header);
            List<String> row = new ArrayList<>(header.size());
            for (int i = 0; i < frame.rowCount(); i++) {
                row.clear();
                for (Column column : columns) {
                    row.add(BinaryLabels.text(column, i));
                }
                boolean positive = scores[i] >= threshold;
                positives[0] += positive ? 1 : 0;
                row.add(Double.isNaN(scores[i]) ? "" : Double.toString(scores[i]));
                row.add(positive ? "1" : "0");
                csv.row(row);
            }
        });
        return positives[0];
    }

    private void summarise(int rows, double[] scores, int positives, BinaryClassifier classifier) {
        PrintWriter printer = json.out();
        double mean = 0;
        for (double score : scores) {
            mean += score;
        }
        mean = rows == 0 ? Double.NaN : mean / rows;
        if (json.enabled()) {
            ObjectNode root = Json.object();
            root.put("model", model.toString());
            root.put("algorithm", classifier.card().algorithm());
            root.put("data", data.toString());
            root.put("out", out.toString());
            root.put("rows", rows);
            Json.putNumber(root, "mean_score", mean);
            root.put("predicted_positive", positives);
            root.put("positive_label", classifier.card().positiveLabel());
            json.print(root);
        } else {
            printer.printf(Locale.ROOT, "scored %d rows with %s (%s); mean score %.4f; %d predicted '%s'; wrote %s%n",
                    rows, model, classifier.card().algorithm(), mean, positives, classifier.card().positiveLabel(), out);
        }
        printer.flush();
    }
}
