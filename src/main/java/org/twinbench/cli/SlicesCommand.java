package org.twinbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinbench.data.Column;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Dataset;
import org.twinbench.data.Masking;
import org.twinbench.data.Schema;
import org.twinbench.stats.SliceColumn;
import org.twinbench.stats.SliceFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slices}: the groups of rows where a scored model is worst, found rather than guessed. */
@Command(name = "slices", mixinStandardHelpOptions = true,
        description = "The groups of rows where the model is least accurate: conjunctions of up to --max-depth "
                + "column=value conditions with at least --min-size rows, each tested against the rest.",
        footer = {"",
            "Numeric columns are cut into --bins quantile ranges (as metrics --slice does). Ids, dates and",
            "personal data are not searched. A slice is listed when it is less accurate than the rest and the",
            "two-sided two-proportion z-test's p-value times the number of slices tested (Bonferroni) is",
            "below --alpha; slices are ranked by effect (the rest's accuracy minus the slice's), and a slice",
            "that only adds a condition to a listed one is left out. Exit 2 for bad input."})
public final class SlicesCommand implements Callable<Integer> {

    @Mixin
    TableOptions.Data table;

    /** {@code --data}'s file. */
    Path data;

    @Mixin
    TableOptions.Label labelOption;

    /** {@code --label}'s column. */
    String label;

    @Option(names = "--score", required = true, paramLabel = "COL",
            description = "Predicted probability of the positive class, in [0, 1].")
    String score;

    @Mixin
    TableOptions.Positive positiveOption;

    /** {@code --positive}'s value, or null. */
    String positive;

    @Mixin
    TableOptions.Threshold thresholdOption;

    /** {@code --threshold}, checked. */
    double threshold;

    @Option(names = "--columns", split = ",", paramLabel = "A,B,...",
            description = "Search these columns (default: every column but the label, the score, ids, dates and "
                    + "personal data).")
    List<String> columns;

    @Option(names = "--max-depth", defaultValue = "2", paramLabel = "N",
            description = "Conditions per slice, 1 to 3 (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--min-size", defaultValue = "30", paramLabel = "N",
            description = "The fewest rows a slice may have (default: ${DEFAULT-VALUE}).")
    int minSize;

    @Option(names = "--bins", defaultValue = "5", paramLabel = "N",
            description = "Quantile ranges per numeric column (default: ${DEFAULT-VALUE}; 2 to 100).")
    int bins;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "Slices listed at most (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A",
            description = "Family-wise significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        data = table.file();
        label = labelOption.column();
        positive = positiveOption.value();
        if (maxDepth < 1 || maxDepth > 3) {
            throw new UserInputException("--max-depth must be 1, 2 or 3, not " + maxDepth);
        }
        if (minSize < 1) {
            throw new UserInputException("--min-size must be at least 1, not " + minSize);
        }
        if (bins < 2 || bins > 100) {
            throw new UserInputException("--bins must be between 2 and 100, not " + bins);
        }
        if (top < 1) {
            throw new UserInputException("--top must be at least 1, not " + top);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new UserInputException("--alpha must be between 0 and 1 (exclusive), not " + alpha);
        }
        threshold = thresholdOption.value();
        Dataset dataset = table.load();
        ScoredTable table = ScoredTable.of(data, dataset.frame(), label, score, positive);
        int[] keep = table.completeRows();
        if (keep.length == 0) {
            throw new UserInputException(data + ": no row has both a label and a score");
        }
        boolean[] correct = new boolean[keep.length];
        for (int i = 0; i < keep.length; i++) {
            boolean predicted = table.scores()[keep[i]] >= threshold;
            correct[i] = predicted == (table.labels()[keep[i]] == 1);
        }
        List<SliceColumn> slicings = new ArrayList<>();
        for (String name : searched(table, dataset)) {
            // Slice names are values: a column of personal data is searched by its masks, never shown in clear.
            Column column = Masking.forSlicing(ScoredTable.column(data, table.frame(), name, "--columns"),
                    dataset.kind(name));
            slicings.add(ColumnSlicing.of(column.select(keep), bins));
        }
        SliceFinder.Result result = SliceFinder.find(slicings, correct,
                new SliceFinder.Options(maxDepth, minSize, top, alpha));
        if (json.enabled()) {
            json.print(toJson(result, slicings));
        } else {
            PrintWriter out = json.out();
            print(out, result, slicings);
            out.flush();
        }
        return TwinBenchCommand.OK;
    }

    /** The columns to search: those named, or every column a model could be judged by. */
    private List<String> searched(ScoredTable table, Dataset dataset) {
        if (columns != null && !columns.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (String name : columns) {
                String column = name.strip();
                if (column.equals(label) || column.equals(score)) {
                    throw new UserInputException("--columns: '" + column + "' is the label or the score column");
                }
                ScoredTable.column(data, table.frame(), column, "--columns");
                named.add(column);
            }
            return named;
        }
        Schema schema = Schema.infer(dataset, label);
        List<String> out = new ArrayList<>();
        for (Column column : table.frame().columns()) {
            String name = column.name();
            ColumnRole role = schema.role(name);
            if (!name.equals(score) && (role == ColumnRole.FEATURE || role == ColumnRole.SLICE)
                    && !restatesThePrediction(column, table)) {
                out.add(name);
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException(data + ": no column to search besides the label, the score, ids, dates and"
                    + " personal data; name some with --columns");
        }
        return out;
    }

    /**
     * True for a column that only restates the model's decision (such as the {@code prediction} column
     * {@code score} writes): two values, each on one side of the threshold on every row with a score.
     * Searching it would only rediscover the errors.
     */
    private boolean restatesThePrediction(Column column, ScoredTable table) {
        java.util.Map<String, Boolean> side = new java.util.HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            double s = table.scores()[i];
            if (column.isMissing(i) || Double.isNaN(s)) {
                continue;
            }
            Boolean before = side.put(org.twinbench.data.BinaryLabels.text(column, i), s >= threshold);
            if (before != null && before != (s >= threshold)) {
                return false;
            }
        }
        return side.size() == 2 && side.containsValue(true) && side.containsValue(false);
    }

    private ObjectNode toJson(SliceFinder.Result result, List<SliceColumn> slicings) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("rows", result.rows());
        number(root, "accuracy", result.accuracy());
        root.put("tested", result.tested());
        ArrayNode searched = root.putArray("columns");
        slicings.forEach(s -> searched.add(s.name()));
        org.twinbench.report.SliceJson.addAll(root.putArray("slices"), result);
        return root;
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private void print(PrintWriter out, SliceFinder.Result result, List<SliceColumn> slicings) {
        out.printf(Locale.ROOT, "%s: %d rows, accuracy %.4f; %d slices of %d columns tested%n", data, result.rows(),
                result.accuracy(), result.tested(), slicings.size());
        if (result.slices().isEmpty()) {
            out.println("no slice is significantly less accurate than the rest");
            return;
        }
        out.printf(Locale.ROOT, "%7s %9s %9s %18s %10s  %s%n", "n", "accuracy", "rest", "95% interval", "p-value",
                "slice");
        for (SliceFinder.Slice s : result.slices()) {
            out.printf(Locale.ROOT, "%7d %9.4f %9.4f   [%.4f, %.4f] %10.3g  %s%n", s.n(), s.accuracy(),
                    s.restAccuracy(), s.low(), s.high(), s.pValue(), org.twinbench.report.SliceJson.describe(s));
        }
    }
}
