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
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metrics}: classification metrics of a scored table, overall and per slice. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Classification metrics overall and per slice, from a table with a label and a score column.")
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

    @Option(names = "--slice", paramLabel = "COL", description = "Also report metrics per value of this column.")
    List<String> slices = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UserInputException("--threshold must be between 0 and 1, not " + threshold);
        }
        Frame frame = TableLoader.load(data).frame();
        if (frame.rowCount() == 0) {
            throw new UserInputException(data + ": has a header but no data rows");
        }
        Column labelColumn = requireColumn(frame, label, "--label");
        Column scoreColumn = requireColumn(frame, score, "--score");
        List<Column> sliceColumns = new ArrayList<>();
        for (String slice : slices) {
            sliceColumns.add(requireColumn(frame, slice, "--slice"));
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
        MetricSet overall = ClassificationMetrics.compute(y, s, threshold);
        List<SliceMetrics> sliceMetrics = new ArrayList<>();
        for (Column column : sliceColumns) {
            Column kept = column.select(keep);
            CategoricalColumn coded = kept instanceof CategoricalColumn categorical ? categorical : asCategories(kept);
            List<SliceMetrics> bySlice = new ArrayList<>(SliceMetrics.bySlice(column.name(), coded.codes(),
                    coded.levels(), y, s, threshold));
            bySlice.sort(java.util.Comparator.comparing(SliceMetrics::value,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
            sliceMetrics.addAll(bySlice);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(overall, sliceMetrics, positiveLabel, allLabels.length - keep.length)));
        } else {
            printTable(out, overall, sliceMetrics, positiveLabel, allLabels.length - keep.length);
        }
        out.flush();
        return TwinBenchCommand.OK;
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

    private static ObjectNode toJson(MetricSet overall, List<SliceMetrics> slices, String positiveLabel, int skipped) {
        ObjectNode root = Json.object();
        root.set("overall", metricsNode(overall));
        ArrayNode sliceArray = root.putArray("slices");
        for (SliceMetrics slice : slices) {
            ObjectNode node = sliceArray.addObject();
            node.put("column", slice.column());
            node.put("value", slice.value());
            node.setAll(metricsNode(slice.metrics()));
        }
        root.put("positive_label", positiveLabel);
        root.put("skipped_rows", skipped);
        return root;
    }

    private static ObjectNode metricsNode(MetricSet metrics) {
        ObjectNode node = Json.object();
        node.put("n", metrics.n());
        Json.putAll(node, metrics.asMap());
        return node;
    }

    private static void printTable(PrintWriter out, MetricSet overall, List<SliceMetrics> slices, String positive,
                                   int skipped) {
        out.printf(Locale.ROOT, "positive label: %s%s%n", positive,
                skipped > 0 ? "   (" + skipped + " rows without label or score left out)" : "");
        out.printf(Locale.ROOT, "%-24s %7s", "slice", "n");
        for (String name : MetricSet.NAMES) {
            out.printf(Locale.ROOT, " %9s", name);
        }
        out.println();
        printRow(out, "overall", overall);
        for (SliceMetrics slice : slices) {
            printRow(out, slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value()), slice.metrics());
        }
    }

    private static void printRow(PrintWriter out, String name, MetricSet metrics) {
        out.printf(Locale.ROOT, "%-24s %7d", name, metrics.n());
        for (double value : metrics.asMap().values()) {
            out.printf(Locale.ROOT, Double.isNaN(value) ? " %9s" : " %9.4f", Double.isNaN(value) ? "-" : value);
        }
        out.println();
    }
}
