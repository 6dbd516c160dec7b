package org.twinbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.DataQuality;
import org.twinbench.data.Dataset;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Schema;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train}: fits a model on a table and writes a {@code .twinmodel} bundle. The outcome is
 * {@code --target} or the column {@link OutcomeChoice} finds; the task follows from it or from
 * {@code --task}. Features are every column the schema proposes as a feature (ids, timestamps and
 * personal data are left out, with the reason printed) minus {@code --exclude} and, unless {@code --keep-leaky},
 * minus the columns that give the outcome away (for a yes/no outcome the ROC AUC of the feature alone, for several classes
 * or an amount the one-feature tree, R² or Spearman check of {@code DataQuality.leakage}). A classification warns when confident learning doubts at least
 * {@link LabelQuality#WARN_SHARE} of the labels, a regression when that share of its amounts are residual outliers.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a table and save it as a .twinmodel bundle; prints the model card.")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    TableOptions.Data table;

    /** {@code --data}'s file. */
    Path data;

    @Option(names = "--target", paramLabel = "COL", description = "The outcome column (default: the column that "
            + "reads as the outcome, if the choice is clear).")
    String target;

    @Option(names = "--task", defaultValue = "auto", paramLabel = "TASK", description = "auto, binary, multiclass or "
            + "regression (default: ${DEFAULT-VALUE}: two values binary, 3-50 classes multiclass, amounts regression).")
    String task;

    @Option(names = "--algo", paramLabel = "ALGO", description = "logistic (classes) or linear (amounts: ridge), "
            + "random-forest or gradient-boosting (default: logistic, or linear for a regression).")
    String algorithm;

    @Option(names = "--exclude", split = ",", paramLabel = "COL", description = "Columns to leave out of the features.")
    List<String> exclude = new ArrayList<>();

    @Mixin
    TableOptions.Positive positiveOption;

    /** {@code --positive}'s value, or null. */
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

    @Option(names = "--keep-leaky", description = "Keep columns that give the outcome away (the data-quality check "
            + "'leakage', for any task: yes/no, several classes or amounts) among the features; by default they are left out.")
    boolean keepLeaky;

    @Option(names = "--out", required = true, paramLabel = "M.twinmodel", description = "Where to write the model.")
    Path out;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        data = table.file();
        positive = positiveOption.value();
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
        Dataset dataset = table.load();
        OutcomeChoice outcome = OutcomeChoice.resolve(dataset, data, target, task);
        String target = outcome.target();
        Algorithm algo;
        try {
            algo = algorithm == null ? Algorithm.LOGISTIC : Algorithm.of(algorithm, outcome.task());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--algo: " + e.getMessage());
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
        // The table's check judged the column by its own values; a task given with --task is judged as given.
        List<QualityFinding> findings = new ArrayList<>(TrainingLeaks.forTask(dataset.frame(), target,
                schema.features(), outcome.task(), DataQuality.check(dataset.frame(), schema)));
        if (!keepLeaky) {
            schema = TrainingLeaks.without(schema, TrainingLeaks.columns(findings), LabelQuality.LEAK_REASON);
        }
        List<String> features = schema.features();
        if (features.isEmpty()) {
            throw new UserInputException(data + ": no feature columns are left to train on");
        }
        if (positive != null && outcome.task() != Task.BINARY) {
            throw new UserInputException("--positive is for a binary task; '" + target + "' is " + outcome.task().id());
        }
        if (positive != null && !BinaryLabels.distinctValues(dataset.frame().column(target)).contains(positive)) {
            throw new UserInputException(data + ": column '" + target + "' never holds '" + positive
                    + "' (given with --positive)");
        }
        TaskTrainer.Result trained = TaskTrainer.train(dataset.frame(), new TrainingOptions(algo, target, features,
                positive, seed, trees, dataset.provenance().sha256(), holdout), outcome.task(), TrainingProgress.NONE);
        ModelBundle.write(trained.model(), out);
        QualityFinding labels = outcome.task() == Task.REGRESSION
                ? LabelQuality.amountWarning(LabelQuality.amountErrors(dataset.frame(), schema, new String[1]),
                        data.toString(), target)
                : LabelQuality.warning(LabelQuality.labelErrors(dataset.frame(), schema, seed, new String[1]),
                        data.toString(), target);
        if (labels != null) {
            findings.add(labels);
        }
        new TrainCard(out, data, trained.model().card(), outcome, TrainCard.leftOut(schema), findings, dataset,
                trained.holdoutClasses(), trained.amountIntervals()).print(json.out(), json.enabled());
        return TwinBenchCommand.OK;
    }
}
