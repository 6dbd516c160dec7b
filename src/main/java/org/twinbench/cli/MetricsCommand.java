package org.twinbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;
import org.twinbench.stats.SliceColumn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metrics}: the metrics of a scored table, overall and per slice — binary classification from a
 * label and a score column; regression and multiclass ({@code --task}) by {@link TaskMetrics}.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Metrics overall and per slice: binary from a label and a score column; with --task regression "
                + "or multiclass from a label and a prediction column.",
        footer = {"",
            "--task regression: mae, rmse, r2, mape; --task multiclass: accuracy, balanced_accuracy, macro_f1,",
            "weighted_f1, log_loss (with probabilities), per_class and confusion_matrix; each group also has",
            "\"baseline\" (the rows' own mean or majority class). Definitions as scikit-learn's: docs/tasks.md.",
            "Every metrics object holds n, accuracy, precision, recall, f1, roc_auc, log_loss, brier, ece,",
            "balanced_accuracy (mean of TPR and TNR) and pr_auc (average precision, as scikit-learn).",
            "Every group also has \"baseline\": always answering its most frequent label ({kind: majority, class,",
            "accuracy, balanced_accuracy, macro_f1}), and no_better_than_baseline when the model's accuracy is not above it.",
            "With --slice or --intersect, \"fairness\" has one entry per slicing column, over its slices",
            "(rows missing the column left out):",
            "  demographic_parity_difference  max - min share predicted positive (score >= threshold)",
            "  demographic_parity_ratio       min / max share predicted positive",
            "  fails_four_fifths_rule         true when that ratio is below 0.8 (EEOC four-fifths rule)",
            "  true_positive_rate_gap         max - min TPR (equal opportunity), slices with positives",
            "  false_positive_rate_gap        max - min FPR, slices with negatives",
            "  groups                         value, n, selection_rate, true/false_positive_rate per slice",
            "With --bootstrap N each metrics object has \"ci\": {metric: {lower, upper}}, the percentile",
            "interval of N resamples of its rows (seeded; metric undefined on a resample: resample left out)."})
public final class MetricsCommand implements Callable<Integer> {

    @Mixin
    TableOptions.Data table;

    /** {@code --data}'s file. */
    Path data;

    @Mixin
    TableOptions.Label labelOption;

    /** {@code --label}'s column. */
    String label;

    @Option(names = "--score", paramLabel = "COL",
            description = "Predicted probability of the positive class, in [0, 1] (binary task).")
    String score;

    @Option(names = "--task", defaultValue = "binary", paramLabel = "TASK",
            description = "binary, multiclass or regression (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--prediction", paramLabel = "COL",
            description = "The predicted class (multiclass) or amount (regression).")
    String prediction;

    @Option(names = "--proba-prefix", paramLabel = "PREFIX", description = "Multiclass: probability columns are "
            + "PREFIX<class>, one per class (default: p_<class> when every class has one; else no log_loss).")
    String probaPrefix;

    @Mixin
    TableOptions.Positive positiveOption;

    /** {@code --positive}'s value, or null. */
    String positive;

    @Mixin
    TableOptions.Threshold thresholdOption;

    /** {@code --threshold}, checked. */
    double threshold;

    @Option(names = "--slice", paramLabel = "COL", description = "Also report metrics per value of this column; "
            + "a numeric column with more distinct values than --bins is cut into --bins quantile bins, "
            + "named like [18, 31) (the last bin closed).")
    List<String> slices = new ArrayList<>();

    @Option(names = "--intersect", paramLabel = "A,B", description = "Also report metrics per pair of values of "
            + "two columns: column \"A&B\", value \"x&y\" (rows missing either left out). Repeatable.")
    List<String> intersections = new ArrayList<>();

    @Option(names = "--bins", defaultValue = "5", paramLabel = "N",
            description = "Quantile bins for a numeric slicing column (default: ${DEFAULT-VALUE}; at least 2).")
    int bins;

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Add a bootstrap confidence interval (\"ci\") of every metric from N resamples.")
    Integer bootstrap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--confidence", defaultValue = "0.9", paramLabel = "LEVEL",
            description = "Confidence level of the bootstrap intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--reliability",
            description = "Add the reliability diagram to overall: ten equal-width score bins with n, mean_score "
                    + "and positive_share.")
    boolean reliability;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        data = table.file();
        label = labelOption.column();
        positive = positiveOption.value();
        threshold = thresholdOption.value();
        if (bins < 2) {
            throw new UserInputException("--bins must be at least 2, not " + bins);
        }
        if (bootstrap != null && bootstrap < 1) {
            throw new UserInputException("--bootstrap must be at least 1 resample, not " + bootstrap);
        }
        CountLimits.bootstrap(bootstrap);
        CountLimits.bins(bins);
        if (!(confidence > 0 && confidence < 1)) {
            throw new UserInputException("--confidence must be between 0 and 1 (exclusive), not " + confidence);
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : intersections) {
            String[] names = pair.split(",", -1);
            if (names.length != 2 || names[0].isBlank() || names[1].isBlank()) {
                throw new UserInputException("--intersect takes two column names as A,B, not '" + pair + "'");
            }
            pairs.add(new String[] {names[0].strip(), names[1].strip()});
        }
        Task chosen;
        try {
            chosen = Task.named(task);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--task: " + e.getMessage().replace("auto, ", ""));
        }
        if (chosen == Task.BINARY ? score == null : prediction == null) {
            throw new UserInputException(chosen == Task.BINARY ? "--score COL is needed for a binary task (or give "
                    + "--task multiclass or regression with --prediction COL)" : "--prediction COL is needed for a "
                    + chosen.id() + " task");
        }
        Dataset dataset = table.load();
        Frame frame = dataset.frame();
        Column labelColumn = requireColumn(frame, label, "--label");
        // Slice names are values: a column of personal data is sliced by its masks, never in clear.
        List<Column> sliceColumns = new ArrayList<>();
        for (String slice : slices) {
            sliceColumns.add(Masking.forSlicing(requireColumn(frame, slice, "--slice"), dataset.kind(slice)));
        }
        for (String[] pair : pairs) {
            for (String name : pair) {
                Column column = requireColumn(frame, name, "--intersect");
                frame = frame.with(Masking.forSlicing(column, dataset.kind(name)));
            }
        }
        if (chosen == Task.MULTICLASS
                && Task.distinctValues(labelColumn, Task.MAX_CLASSES + 1) > Task.MAX_CLASSES) {
            throw new UserInputException(data + ": column '" + label + "' holds more than " + Task.MAX_CLASSES
                    + " values; a multiclass task takes at most " + Task.MAX_CLASSES + " classes"
                    + (labelColumn instanceof NumericColumn ? " — use --task regression" : ""));
        }
        if (chosen != Task.BINARY) {
            return taskMetrics(chosen, frame, labelColumn, requireColumn(frame, prediction, "--prediction"),
                    sliceColumns, pairs);
        }
        ScoredTable table = ScoredTable.of(data, frame, label, score, positive);
        String positiveLabel = table.positiveLabel();
        int[] allLabels = table.labels();
        NumericColumn scores = new NumericColumn(score, table.scores());
        int[] keep = table.completeRows();
        if (keep.length == 0) {
            throw new UserInputException(data + ": no row has both a label and a score");
        }
        int[] y = new int[keep.length];
        double[] s = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            y[i] = allLabels[keep[i]];
            s[i] = scores.get(keep[i]);
        }
        List<MetricsReport.Slicing> slicings = new ArrayList<>();
        for (Column column : sliceColumns) {
            slicings.add(new MetricsReport.Slicing(slicing(column.select(keep)), true));
        }
        for (String[] pair : pairs) {
            SliceColumn a = slicing(frame.find(pair[0]).orElseThrow().select(keep));
            SliceColumn b = slicing(frame.find(pair[1]).orElseThrow().select(keep));
            slicings.add(new MetricsReport.Slicing(SliceColumn.intersection(a, b, pair[0] + "&" + pair[1],
                    (x, z) -> x + "&" + z), false));
        }
        MetricsReport report = new MetricsReport(y, s, threshold,
                List.of(BinaryLabels.negativeLabel(labelColumn, positiveLabel), positiveLabel), slicings,
                bootstrap == null ? null : new MetricsReport.Bootstrap(bootstrap, seed, confidence), reliability);
        PrintWriter out = json.out();
        int skipped = allLabels.length - keep.length;
        if (json.enabled()) {
            json.print(report.toJson(positiveLabel, skipped));
        } else {
            report.printText(out, positiveLabel, skipped);
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    private Integer taskMetrics(Task chosen, Frame frame, Column labelColumn, Column predictionColumn,
                                List<Column> sliceColumns, List<String[]> pairs) {
        TaskMetrics report = new TaskMetrics(chosen, data, frame, labelColumn, predictionColumn, probaPrefix, sliceColumns,
                pairs, this::slicing, bootstrap == null ? null : new MetricsReport.Bootstrap(bootstrap, seed, confidence));
        PrintWriter out = json.out();
        if (json.enabled()) {
            json.print(report.toJson());
        } else {
            report.printText(out);
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    /** The slices of a column, as {@link ColumnSlicing} makes them with {@code --bins}. */
    private SliceColumn slicing(Column column) {
        return ColumnSlicing.of(column, bins);
    }

    private Column requireColumn(Frame frame, String name, String option) {
        return ScoredTable.column(data, frame, name, option);
    }
}
