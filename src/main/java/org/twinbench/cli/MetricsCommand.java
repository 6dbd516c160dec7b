package org.twinbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.stats.SliceColumn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metrics}: classification metrics of a scored table, overall and per slice. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Classification metrics overall and per slice, from a table with a label and a score column.",
        footer = {"",
            "Every metrics object holds n, accuracy, precision, recall, f1, roc_auc, log_loss, brier, ece,",
            "balanced_accuracy (mean of TPR and TNR) and pr_auc (average precision, as scikit-learn).",
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

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV/TSV or .xlsx table.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The true label column.")
    String label;

    @Option(names = "--score", required = true, paramLabel = "COL",
            description = "Predicted probability of the positive class, in [0, 1].")
    String score;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The positive label (default: 1, true, yes or positive if present, else the last value).")
    String positive;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
            description = "Predicted positive when score >= T (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UserInputException("--threshold must be between 0 and 1, not " + threshold);
        }
        if (bins < 2) {
            throw new UserInputException("--bins must be at least 2, not " + bins);
        }
        if (bootstrap != null && bootstrap < 1) {
            throw new UserInputException("--bootstrap must be at least 1 resample, not " + bootstrap);
        }
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
        Dataset dataset = TableLoader.load(data);
        Frame frame = dataset.frame();
        if (frame.rowCount() == 0) {
            throw new UserInputException(data + ": has a header but no data rows");
        }
        Column labelColumn = requireColumn(frame, label, "--label");
        Column scoreColumn = requireColumn(frame, score, "--score");
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
        if (!(scoreColumn instanceof NumericColumn scores)) {
            CategoricalColumn text = (CategoricalColumn) scoreColumn;
            for (int i = 0; i < text.size(); i++) {
                String value = text.get(i);
                if (value != null && !isNumber(value)) {
                    throw new UserInputException(data + ": line " + (i + 2) + ": column '" + score + "' holds '"
                            + value + "', not a number");
                }
            }
            throw new UserInputException(data + ": column '" + score + "' is not numeric");
        }
        for (int i = 0; i < scores.size(); i++) {
            double value = scores.get(i);
            if (!Double.isNaN(value) && (value < 0 || value > 1)) {
                throw new UserInputException(data + ": line " + (i + 2) + ": score " + value + " in column '" + score
                        + "' is outside [0, 1]");
            }
        }
        String positiveLabel = BinaryLabels.positiveLabel(labelColumn, positive);
        if (positiveLabel == null) {
            throw new UserInputException(data + ": column '" + label + "' has no values");
        }
        int[] allLabels = BinaryLabels.encode(labelColumn, positiveLabel);
        int[] keep = completeRows(allLabels, scores.values());
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
        MetricsReport report = new MetricsReport(y, s, threshold, slicings,
                bootstrap == null ? null : new MetricsReport.Bootstrap(bootstrap, seed, confidence), reliability);
        PrintWriter out = spec.commandLine().getOut();
        int skipped = allLabels.length - keep.length;
        if (json) {
            out.println(Json.write(report.toJson(positiveLabel, skipped)));
        } else {
            report.printText(out, positiveLabel, skipped);
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    /**
     * The slices of a column: a numeric column with more distinct present values than {@code --bins} in
     * quantile bins; any other column by its values, in sorted order (as the contract always had it).
     */
    private SliceColumn slicing(Column column) {
        if (column instanceof NumericColumn numeric
                && java.util.Arrays.stream(numeric.values()).filter(v -> !Double.isNaN(v)).distinct().limit(bins + 1L)
                        .count() > bins) {
            return SliceColumn.quantileRanges(column.name(), numeric.values(), bins);
        }
        CategoricalColumn coded = column instanceof CategoricalColumn categorical ? categorical : asCategories(column);
        List<String> sorted = new ArrayList<>(coded.levels());
        sorted.sort(null);
        java.util.Map<String, Integer> position = new java.util.HashMap<>();
        for (int c = 0; c < sorted.size(); c++) {
            position.put(sorted.get(c), c);
        }
        int[] newCode = coded.levels().stream().mapToInt(position::get).toArray();
        int[] codes = new int[coded.size()];
        for (int r = 0; r < codes.length; r++) {
            int code = coded.codes()[r];
            codes[r] = code < 0 ? -1 : newCode[code];
        }
        return new SliceColumn(column.name(), codes, sorted);
    }

    private Column requireColumn(Frame frame, String name, String option) {
        return frame.find(name).orElseThrow(() -> new UserInputException(data + ": no column '" + name
                + "' (given with " + option + "); columns are " + String.join(", ", frame.columnNames())));
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int[] completeRows(int[] labels, double[] scores) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0 && !Double.isNaN(scores[i])) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static CategoricalColumn asCategories(Column column) {
        String[] text = new String[column.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = BinaryLabels.text(column, i);
        }
        return CategoricalColumn.of(column.name(), text);
    }
}
