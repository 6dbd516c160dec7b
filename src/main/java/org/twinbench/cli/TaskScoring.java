package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.AtomicFiles;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.CsvWriter;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;

/**
 * {@code score} with a regression or multiclass model: the table's rows (personal data masked) plus
 * {@code prediction} — the amount, or the most probable class — and for a multiclass model one column
 * {@code p_<class>} per class with its probability. Columns of those names already in the table are
 * replaced. Written through a temporary file: on any error nothing is written.
 */
final class TaskScoring {

    private final TaskModel model;
    private final Path modelFile;
    private final Path data;
    private final Path out;

    TaskScoring(TaskModel model, Path modelFile, Path data, Path out) {
        this.model = model;
        this.modelFile = modelFile;
        this.data = data;
        this.out = out;
    }

    void run(JsonOption json) throws IOException {
        Dataset dataset = TableLoader.load(data);
        Frame frame = dataset.frame();
        Frame inputs = ModelInputs.conform(model, frame, data.toString());
        List<String> added = new ArrayList<>();
        added.add("prediction");
        String[][] cells;
        double summary;
        if (model instanceof Regressor regressor) {
            double[] predicted = regressor.predict(inputs);
            cells = new String[frame.rowCount()][1];
            double sum = 0;
            for (int i = 0; i < predicted.length; i++) {
                cells[i][0] = Double.isNaN(predicted[i]) ? "" : Double.toString(predicted[i]);
                sum += predicted[i];
            }
            summary = predicted.length == 0 ? Double.NaN : sum / predicted.length;
        } else {
            MulticlassClassifier classifier = (MulticlassClassifier) model;
            List<String> classes = classifier.classes();
            classes.forEach(c -> added.add("p_" + c));
            double[][] proba = classifier.probabilities(inputs);
            int[] best = MulticlassClassifier.mostProbable(proba);
            cells = new String[frame.rowCount()][1 + classes.size()];
            for (int i = 0; i < proba.length; i++) {
                cells[i][0] = classes.get(best[i]);
                for (int c = 0; c < classes.size(); c++) {
                    cells[i][1 + c] = Double.toString(proba[i][c]);
                }
            }
            summary = Double.NaN;
        }
        Schema schema = Schema.infer(dataset, null);
        write(Masking.masked(frame, schema), added, cells);
        List<String> masked = schema.columns().stream().filter(c -> c.pii() != null).map(c -> c.name()).toList();
        if (!masked.isEmpty()) {
            json.err().println("twinbench: note: masked personal data in " + masked);
            json.err().flush();
        }
        summarise(json.out(), json.enabled(), frame.rowCount(), summary, cells);
    }

    private void write(Frame frame, List<String> added, String[][] cells) throws IOException {
        List<Column> columns = frame.columns().stream().filter(c -> !added.contains(c.name())).toList();
        AtomicFiles.writeText(out, writer -> {
            CsvWriter csv = new CsvWriter(writer);
            List<String> header = new ArrayList<>(columns.stream().map(Column::name).toList());
            header.addAll(added);
            csv.row(header);
            List<String> row = new ArrayList<>(header.size());
            for (int i = 0; i < frame.rowCount(); i++) {
                row.clear();
                for (Column column : columns) {
                    row.add(BinaryLabels.text(column, i));
                }
                row.addAll(List.of(cells[i]));
                csv.row(row);
            }
        });
    }

    private void summarise(PrintWriter printer, boolean json, int rows, double meanPrediction, String[][] cells) {
        int[] counts = new int[model.card().classes().size()];
        for (String[] row : cells) {
            int c = model.card().classes().indexOf(row[0]);
            if (c >= 0) {
                counts[c]++;
            }
        }
        if (json) {
            ObjectNode root = Json.object();
            root.put("model", modelFile.toString());
            root.put("task", model.task().id());
            root.put("algorithm", model.card().algorithm());
            root.put("data", data.toString());
            root.put("out", out.toString());
            root.put("rows", rows);
            if (model instanceof Regressor) {
                Json.putNumber(root, "mean_prediction", meanPrediction);
            } else {
                ObjectNode predicted = root.putObject("predicted");
                for (int c = 0; c < counts.length; c++) {
                    predicted.put(model.card().classes().get(c), counts[c]);
                }
                ArrayNode classes = root.putArray("classes");
                model.card().classes().forEach(classes::add);
            }
            printer.println(Json.write(root));
        } else if (model instanceof Regressor) {
            printer.printf(Locale.ROOT, "scored %d rows with %s (%s regression); mean prediction %.6g; wrote %s%n", rows,
                    modelFile, model.card().algorithm(), meanPrediction, out);
        } else {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < counts.length; c++) {
                parts.add(counts[c] + " '" + model.card().classes().get(c) + "'");
            }
            printer.printf(Locale.ROOT, "scored %d rows with %s (%s multiclass); predicted %s; wrote %s%n", rows, modelFile,
                    model.card().algorithm(), String.join(", ", parts), out);
        }
        printer.flush();
    }
}
