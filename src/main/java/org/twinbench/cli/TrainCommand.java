package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ColumnSchema;
import org.twinbench.data.DataQuality;
import org.twinbench.data.Dataset;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelCard;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: fits a model on a table and writes a {@code .twinmodel} bundle. Features are every
 * column the schema proposes as a feature (ids, timestamps and personal data are left out, with the
 * reason printed) minus {@code --exclude}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a table and save it as a .twinmodel bundle; prints the model card.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV/TSV or .xlsx table.")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The label column.")
    String target;

    @Option(names = "--algo", defaultValue = "logistic", paramLabel = "ALGO",
            description = "logistic, random-forest or gradient-boosting (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--exclude", split = ",", paramLabel = "COL", description = "Columns to leave out of the features.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The positive label (default: 1, true, yes or positive if present, else the last value).")
    String positive;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the train/holdout split "
            + "and of the trees (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--trees", defaultValue = "0", paramLabel = "N",
            description = "Trees of a forest or boosting (default: 100 for random-forest, 300 for gradient-boosting).")
    int trees;

    @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Share of the labelled rows held out to measure the model, 0 to 0.9 (default: ${DEFAULT-VALUE}; "
                    + "0 trains on every row and reports no holdout metrics).")
    double holdout;

    @Option(names = "--out", required = true, paramLabel = "M.twinmodel", description = "Where to write the model.")
    Path out;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Algorithm algo;
        try {
            algo = Algorithm.of(algorithm);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--algo: " + e.getMessage());
        }
        if (trees < 0) {
            throw new UserInputException("--trees must be positive, not " + trees);
        }
        CountLimits.trees(trees);
        if (!(holdout >= 0 && holdout <= 0.9)) {
            throw new UserInputException("--holdout must be a share from 0 to 0.9, not " + holdout);
        }
        if (!out.getFileName().toString().endsWith(".twinmodel")) {
            throw new UserInputException(out + ": --out must name a .twinmodel file");
        }
        OutputPaths.refuseInputs("--out", out, List.of(data));
        Dataset dataset = TableLoader.load(data);
        if (dataset.frame().rowCount() == 0) {
            throw new UserInputException(data + ": has a header but no data rows");
        }
        if (!dataset.frame().has(target)) {
            throw new UserInputException(data + ": no column '" + target + "' (given with --target); columns are "
                    + String.join(", ", dataset.frame().columnNames()));
        }
        Schema schema = Schema.infer(dataset, target);
        for (String name : exclude) {
            if (!dataset.frame().has(name)) {
                throw new UserInputException(data + ": no column '" + name + "' (given with --exclude); columns are "
                        + String.join(", ", dataset.frame().columnNames()));
            }
            if (!name.equals(target)) {
                schema = schema.withRole(name, ColumnRole.IGNORE);
            }
        }
        List<String> features = schema.features();
        if (features.isEmpty()) {
            throw new UserInputException(data + ": no feature columns are left to train on");
        }
        int classes = BinaryLabels.distinctValues(dataset.frame().column(target)).size();
        if (classes < 2) {
            throw new UserInputException(data + ": column '" + target + "' holds " + (classes == 0 ? "no values"
                    : "one value only") + "; a classifier needs two classes");
        }
        if (positive != null && !BinaryLabels.distinctValues(dataset.frame().column(target)).contains(positive)) {
            throw new UserInputException(data + ": column '" + target + "' never holds '" + positive
                    + "' (given with --positive)");
        }
        BinaryClassifier model = ModelTrainer.train(dataset.frame(), new TrainingOptions(algo, target, features,
                positive, seed, trees, dataset.provenance().sha256(), holdout));
        ModelBundle.write(model, out);
        List<QualityFinding> findings = DataQuality.check(dataset.frame(), schema);
        print(model.card(), schema, findings, dataset);
        return TwinBenchCommand.OK;
    }

    private void print(ModelCard card, Schema schema, List<QualityFinding> findings, Dataset dataset) {
        PrintWriter printer = spec.commandLine().getOut();
        List<ColumnSchema> left = schema.columns().stream()
                .filter(c -> c.role() != ColumnRole.FEATURE && c.role() != ColumnRole.TARGET).toList();
        if (json) {
            ObjectNode root = Json.object();
            root.put("model", out.toString());
            root.put("algorithm", card.algorithm());
            root.put("target", card.target());
            root.put("positive_label", card.positiveLabel());
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
            Json.putAll(root.putObject("holdout_metrics"), card.holdoutMetrics());
            ArrayNode quality = root.putArray("quality");
            for (QualityFinding finding : findings) {
                ObjectNode node = quality.addObject();
                node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
                node.put("check", finding.check());
                node.put("message", finding.message());
            }
            printer.println(Json.write(root));
        } else {
            printer.printf(Locale.ROOT, "%s model of '%s' (positive: %s) written to %s%n", card.algorithm(),
                    card.target(), card.positiveLabel(), out);
            printer.println("features: " + String.join(", ", card.features()));
            for (ColumnSchema column : left) {
                printer.printf(Locale.ROOT, "left out: %s (%s: %s)%n", column.name(),
                        column.role().name().toLowerCase(Locale.ROOT), column.reason());
            }
            printer.printf(Locale.ROOT, "trained on %d rows of %s (sha256 %s)%n", card.trainingRows(), data,
                    card.trainingDataSha256());
            card.holdoutMetrics().forEach((name, value) -> printer.printf(Locale.ROOT, "holdout %-10s %.4f%n", name,
                    value));
            for (QualityFinding finding : findings) {
                printer.printf(Locale.ROOT, "data %s: %s%n", finding.severity().name().toLowerCase(Locale.ROOT),
                        finding.message());
            }
        }
        printer.flush();
    }
}
