package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;
import org.twinbench.model.BaselineJson;
import org.twinbench.stats.Baseline;
import org.twinbench.stats.BootstrapInterval;
import org.twinbench.stats.MulticlassMetrics;
import org.twinbench.stats.RegressionMetrics;
import org.twinbench.stats.SliceColumn;

/**
 * {@code metrics --task regression|multiclass}: the task's metrics of a table holding a label and a
 * prediction column (and, for classes, optionally one probability column per class), overall and per
 * slice, each beside the naive baseline of the same rows (their own mean, or their own majority class),
 * with optional bootstrap intervals. Rows missing the label or the prediction are left out and counted.
 */
final class TaskMetrics {

    /** One group of rows: its metrics, its baseline, for classes its per-class figures, and intervals. */
    record Group(String column, String value, int n, Map<String, Double> metrics, Baseline baseline,
                 MulticlassMetrics detail, Map<String, BootstrapInterval> ci) {
    }

    private final Task task;
    private final double[] actual;
    private final double[] predicted;
    private final int[] labels;
    private final int[] classesPredicted;
    private final double[][] proba;
    private final List<String> classes;
    private final MetricsReport.Bootstrap bootstrap;
    private final SplittableRandom random;
    final int skipped;
    final Group overall;
    final List<Group> slices = new ArrayList<>();

    /**
     * Reads the label and prediction columns of {@code frame} (probabilities from
     * {@code probaPrefix + class} columns; with no prefix given, {@code p_<class>} when every class has one).
     */
    TaskMetrics(Task task, Path data, Frame frame, Column label, Column prediction, String probaPrefix,
                List<Column> sliceColumns, List<String[]> pairs, java.util.function.Function<Column, SliceColumn> slicing,
                MetricsReport.Bootstrap bootstrap) {
        this.task = task;
        this.bootstrap = bootstrap;
        this.random = bootstrap == null ? null : new SplittableRandom(bootstrap.seed());
        int[] keep;
        if (task == Task.REGRESSION) {
            double[] y = numbers(data, label);
            double[] p = numbers(data, prediction);
            keep = java.util.stream.IntStream.range(0, y.length).filter(i -> !Double.isNaN(y[i]) && !Double.isNaN(p[i]))
                    .toArray();
            actual = java.util.Arrays.stream(keep).mapToDouble(i -> y[i]).toArray();
            predicted = java.util.Arrays.stream(keep).mapToDouble(i -> p[i]).toArray();
            labels = null;
            classesPredicted = null;
            proba = null;
            classes = List.of();
        } else {
            Set<String> seen = new LinkedHashSet<>(BinaryLabels.distinctValues(label));
            seen.addAll(BinaryLabels.distinctValues(prediction));
            classes = ClassLabels.sorted(seen);
            int[] y = ClassLabels.encode(label, classes);
            int[] p = ClassLabels.encode(prediction, classes);
            keep = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] >= 0 && p[i] >= 0).toArray();
            labels = java.util.Arrays.stream(keep).map(i -> y[i]).toArray();
            classesPredicted = java.util.Arrays.stream(keep).map(i -> p[i]).toArray();
            proba = probabilities(data, frame, probaPrefix, keep);
            actual = null;
            predicted = null;
        }
        if (keep.length == 0) {
            throw new UserInputException(data + ": no row has both a label and a prediction");
        }
        skipped = frame.rowCount() - keep.length;
        overall = group(null, null, java.util.stream.IntStream.range(0, keep.length).toArray());
        for (Column column : sliceColumns) {
            addSlices(slicing.apply(column.select(keep)), true);
        }
        for (String[] pair : pairs) {
            SliceColumn a = slicing.apply(frame.column(pair[0]).select(keep));
            SliceColumn b = slicing.apply(frame.column(pair[1]).select(keep));
            addSlices(SliceColumn.intersection(a, b, pair[0] + "&" + pair[1], (x, z) -> x + "&" + z), false);
        }
    }

    private void addSlices(SliceColumn column, boolean withMissing) {
        int k = column.levels().size();
        List<List<Integer>> rows = new ArrayList<>();
        for (int g = 0; g <= k; g++) {
            rows.add(new ArrayList<>());
        }
        int[] codes = column.codes();
        for (int r = 0; r < codes.length; r++) {
            rows.get(codes[r] < 0 ? k : codes[r]).add(r);
        }
        for (int g = 0; g <= k; g++) {
            if (!rows.get(g).isEmpty() && (g < k || withMissing)) {
                slices.add(group(column.name(), g < k ? column.levels().get(g) : null,
                        rows.get(g).stream().mapToInt(Integer::intValue).toArray()));
            }
        }
    }

    private Group group(String column, String value, int[] rows) {
        Map<String, BootstrapInterval> ci = bootstrap == null ? null : BootstrapInterval.ofRows(rows.length,
                resample -> metrics(pick(rows, resample)).asMap(), bootstrap.replicates(), bootstrap.confidence(),
                random.split());
        Computed computed = metrics(rows);
        return new Group(column, value, rows.length, computed.asMap(), computed.baseline(), computed.detail(), ci);
    }

    private record Computed(Map<String, Double> regression, MulticlassMetrics detail, Baseline baseline) {
        Map<String, Double> asMap() {
            return detail == null ? regression : detail.asMap();
        }
    }

    private Computed metrics(int[] rows) {
        if (task == Task.REGRESSION) {
            double[] y = new double[rows.length];
            double[] p = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = actual[rows[i]];
                p[i] = predicted[rows[i]];
            }
            return new Computed(RegressionMetrics.compute(y, p).asMap(), null, Baseline.mean(y, y));
        }
        int[] y = new int[rows.length];
        int[] p = new int[rows.length];
        double[][] q = proba == null ? null : new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
            p[i] = classesPredicted[rows[i]];
            if (q != null) {
                q[i] = proba[rows[i]];
            }
        }
        return new Computed(null, MulticlassMetrics.compute(y, p, q, classes), Baseline.majority(y, y, classes));
    }

    private static int[] pick(int[] rows, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }

    private static double[] numbers(Path data, Column column) {
        if (column instanceof NumericColumn numeric) {
            return numeric.values();
        }
        CategoricalColumn text = (CategoricalColumn) column;
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i) != null) {
                throw new UserInputException(data + ": line " + (i + 2) + ": column '" + column.name() + "' holds '"
                        + text.get(i) + "', not a number (a regression's label and prediction are amounts)");
            }
        }
        return new double[text.size()];
    }

    private double[][] probabilities(Path data, Frame frame, String prefix, int[] keep) {
        String used = prefix == null ? "p_" : prefix;
        List<String> missing = classes.stream().filter(c -> !frame.has(used + c)).map(c -> used + c).toList();
        if (!missing.isEmpty()) {
            if (prefix == null) {
                return null;
            }
            throw new UserInputException(data + ": no probability column " + String.join(", ", missing)
                    + " (given with --proba-prefix " + prefix + "); one column per class is needed");
        }
        double[][] out = new double[keep.length][classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            Column column = frame.column(used + classes.get(c));
            double[] values = numbers(data, column);
            for (int i = 0; i < keep.length; i++) {
                double v = values[keep[i]];
                if (!(v >= 0 && v <= 1)) {
                    throw new UserInputException(data + ": line " + (keep[i] + 2) + ": column '" + column.name()
                            + "' holds " + (Double.isNaN(v) ? "nothing" : Double.toString(v))
                            + "; a probability must be between 0 and 1");
                }
                out[i][c] = v;
            }
        }
        return out;
    }

    ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("task", task.id());
        if (task == Task.MULTICLASS) {
            ArrayNode list = root.putArray("classes");
            classes.forEach(list::add);
            root.put("probabilities", proba != null);
        }
        root.set("overall", groupNode(overall));
        ArrayNode sliceArray = root.putArray("slices");
        for (Group slice : slices) {
            ObjectNode node = sliceArray.addObject();
            node.put("column", slice.column());
            node.put("value", slice.value());
            node.setAll(groupNode(slice));
        }
        if (bootstrap != null) {
            ObjectNode settings = root.putObject("bootstrap");
            settings.put("replicates", bootstrap.replicates());
            settings.put("seed", bootstrap.seed());
            settings.put("confidence", bootstrap.confidence());
        }
        root.put("skipped_rows", skipped);
        return root;
    }

    private static ObjectNode groupNode(Group group) {
        ObjectNode node = Json.object();
        node.put("n", group.n());
        Json.putAll(node, group.metrics());
        if (group.detail() != null) {
            TaskJson.putClassDetail(node, group.detail());
        }
        BaselineJson.put(node.putObject("baseline"), group.baseline());
        String verdict = group.baseline().noBetter(group.metrics());
        if (verdict != null) {
            node.put("no_better_than_baseline", verdict);
        }
        if (group.ci() != null) {
            ObjectNode ci = node.putObject("ci");
            group.ci().forEach((metric, interval) -> {
                ObjectNode bounds = ci.putObject(metric);
                Json.putNumber(bounds, "lower", interval.lower());
                Json.putNumber(bounds, "upper", interval.upper());
            });
        }
        return node;
    }

    void printText(PrintWriter out) {
        out.printf(Locale.ROOT, "task: %s%s%n", task.id(), skipped > 0 ? "   (" + skipped
                + " rows without label or prediction left out)" : "");
        String main = task == Task.REGRESSION ? "mae" : "accuracy";
        out.printf(Locale.ROOT, "%-24s %7s", "slice", "n");
        for (String name : overall.metrics().keySet()) {
            out.printf(Locale.ROOT, " %9s", name.equals("balanced_accuracy") ? "bal_acc" : name);
        }
        out.printf(Locale.ROOT, " %9s%n", "base_" + (task == Task.REGRESSION ? "mae" : "acc"));
        printRow(out, "overall", overall, main);
        for (Group slice : slices) {
            printRow(out, slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value()), slice, main);
        }
        out.println(task == Task.REGRESSION ? "baseline: always predicting the mean of the rows' own labels"
                : "baseline: always answering the most frequent label of the rows ('" + overall.baseline().answer() + "')");
        for (Group group : allGroups()) {
            String verdict = group.baseline().noBetter(group.metrics());
            if (verdict != null) {
                out.println("warning: " + (group.column() == null ? "overall" : group.column() + "=" + group.value())
                        + ": the model is " + verdict);
            }
        }
        if (overall.detail() != null) {
            out.println("overall, per class:");
            TaskJson.printClassDetail(out, overall.detail(), "  ");
        }
    }

    private List<Group> allGroups() {
        List<Group> all = new ArrayList<>();
        all.add(overall);
        all.addAll(slices);
        return all;
    }

    private static void printRow(PrintWriter out, String name, Group group, String main) {
        out.printf(Locale.ROOT, "%-24s %7d", name, group.n());
        for (double value : group.metrics().values()) {
            out.printf(Locale.ROOT, " %9s", TaskJson.number(value));
        }
        out.printf(Locale.ROOT, " %9s%n", TaskJson.number(group.baseline().metrics().getOrDefault(main, Double.NaN)));
        if (group.ci() != null) {
            out.printf(Locale.ROOT, "%-24s %7s", "", "ci");
            for (String key : group.metrics().keySet()) {
                BootstrapInterval interval = group.ci().get(key);
                out.printf(Locale.ROOT, " %9s", interval == null || Double.isNaN(interval.lower()) ? "-"
                        : String.format(Locale.ROOT, "%.4g-%.4g", interval.lower(), interval.upper()));
            }
            out.println();
        }
    }
}
