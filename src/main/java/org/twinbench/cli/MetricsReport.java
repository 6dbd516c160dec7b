package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.model.BaselineJson;
import org.twinbench.stats.Baseline;
import org.twinbench.stats.BinaryMetric;
import org.twinbench.stats.BootstrapInterval;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.FairnessGaps;
import org.twinbench.stats.SliceColumn;

/**
 * What {@code metrics} reports, computed from the complete rows (0/1 labels and scores) and the slicings:
 * the contract metrics plus balanced accuracy and PR AUC, overall and per slice, with optional seeded
 * bootstrap intervals, fairness gaps per slicing and the overall reliability diagram.
 */
final class MetricsReport {

    /** Bins of the reliability diagram: the ten bins of the contract's ECE. */
    static final int RELIABILITY_BINS = 10;

    /** How the rows are sliced; {@code withMissing}: rows with code −1 form a slice whose value is null. */
    record Slicing(SliceColumn column, boolean withMissing) {
    }

    /** Seeded percentile bootstrap settings. */
    record Bootstrap(int replicates, long seed, double confidence) {
    }

    /** One group of rows with everything reported about it. */
    record Group(String column, String value, int n, Map<String, Double> metrics,
                 Map<BinaryMetric, BootstrapInterval> ci, Baseline baseline) {
    }

    private final int[] labels;
    private final double[] scores;
    private final double threshold;
    private final List<String> classNames;
    private final Bootstrap bootstrap;
    private final SplittableRandom random;

    final Group overall;
    final List<Group> slices = new ArrayList<>();
    final List<FairnessGaps> fairness = new ArrayList<>();
    final List<String> fairnessColumns = new ArrayList<>();
    final List<ClassificationMetrics.ReliabilityBin> reliability;

    /** {@code classNames}: the negative and the positive class, naming the majority baseline's answer. */
    MetricsReport(int[] labels, double[] scores, double threshold, List<String> classNames, List<Slicing> slicings,
                  Bootstrap bootstrap, boolean withReliability) {
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.scores = scores;
        this.threshold = threshold;
        this.bootstrap = bootstrap;
        // Overall first, then every slice in output order, each from its own split generator, so that a
        // slice's interval does not depend on how many rows came before it.
        this.random = bootstrap == null ? null : new SplittableRandom(bootstrap.seed());
        int[] all = java.util.stream.IntStream.range(0, labels.length).toArray();
        overall = group(null, null, all);
        for (Slicing slicing : slicings) {
            SliceColumn column = slicing.column();
            int k = column.levels().size();
            int[][] rows = rowsByCode(column.codes(), k);
            for (int g = 0; g < k; g++) {
                if (rows[g].length > 0) {
                    slices.add(group(column.name(), column.levels().get(g), rows[g]));
                }
            }
            if (slicing.withMissing() && rows[k].length > 0) {
                slices.add(group(column.name(), null, rows[k]));
            }
            fairnessColumns.add(column.name());
            fairness.add(FairnessGaps.compute(column, labels, scores, threshold));
        }
        reliability = withReliability ? ClassificationMetrics.reliabilityBins(labels, scores, RELIABILITY_BINS) : null;
    }

    /** Rows per code: index k holds the rows with code −1. */
    private static int[][] rowsByCode(int[] codes, int k) {
        int[] counts = new int[k + 1];
        for (int code : codes) {
            counts[code < 0 ? k : code]++;
        }
        int[][] rows = new int[k + 1][];
        for (int g = 0; g <= k; g++) {
            rows[g] = new int[counts[g]];
        }
        int[] fill = new int[k + 1];
        for (int r = 0; r < codes.length; r++) {
            int g = codes[r] < 0 ? k : codes[r];
            rows[g][fill[g]++] = r;
        }
        return rows;
    }

    private Group group(String column, String value, int[] rows) {
        int[] y = new int[rows.length];
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
            s[i] = scores[rows[i]];
        }
        Map<String, Double> metrics = new LinkedHashMap<>(ClassificationMetrics.compute(y, s, threshold).asMap());
        metrics.put(BinaryMetric.BALANCED_ACCURACY.key(), BinaryMetric.BALANCED_ACCURACY.compute(y, s, threshold));
        metrics.put(BinaryMetric.PR_AUC.key(), BinaryMetric.PR_AUC.compute(y, s, threshold));
        Map<BinaryMetric, BootstrapInterval> ci = bootstrap == null ? null
                : BootstrapInterval.allMetrics(y, s, threshold, bootstrap.replicates(), bootstrap.confidence(),
                        random.split());
        return new Group(column, value, rows.length, metrics, ci, Baseline.majority(y, y, classNames));
    }

    ObjectNode toJson(String positiveLabel, int skipped) {
        ObjectNode root = Json.object();
        ObjectNode overallNode = groupNode(overall);
        if (reliability != null) {
            ArrayNode bins = overallNode.putArray("reliability");
            for (ClassificationMetrics.ReliabilityBin bin : reliability) {
                ObjectNode node = bins.addObject();
                node.put("lower", bin.lower());
                node.put("upper", bin.upper());
                node.put("n", bin.n());
                Json.putNumber(node, "mean_score", bin.meanScore());
                Json.putNumber(node, "positive_share", bin.positiveShare());
            }
        }
        root.set("overall", overallNode);
        ArrayNode sliceArray = root.putArray("slices");
        for (Group slice : slices) {
            ObjectNode node = sliceArray.addObject();
            node.put("column", slice.column());
            node.put("value", slice.value());
            node.setAll(groupNode(slice));
        }
        if (!fairness.isEmpty()) {
            ArrayNode fairnessArray = root.putArray("fairness");
            for (int i = 0; i < fairness.size(); i++) {
                fairnessArray.add(fairnessNode(fairnessColumns.get(i), fairness.get(i)));
            }
        }
        if (bootstrap != null) {
            ObjectNode settings = root.putObject("bootstrap");
            settings.put("replicates", bootstrap.replicates());
            settings.put("seed", bootstrap.seed());
            settings.put("confidence", bootstrap.confidence());
        }
        root.put("positive_label", positiveLabel);
        root.put("skipped_rows", skipped);
        return root;
    }

    private static ObjectNode groupNode(Group group) {
        ObjectNode node = Json.object();
        node.put("n", group.n());
        Json.putAll(node, group.metrics());
        BaselineJson.put(node.putObject("baseline"), group.baseline());
        String verdict = group.baseline().noBetter(group.metrics());
        if (verdict != null) {
            node.put("no_better_than_baseline", verdict);
        }
        if (group.ci() != null) {
            ObjectNode ci = node.putObject("ci");
            group.ci().forEach((metric, interval) -> {
                ObjectNode bounds = ci.putObject(metric.key());
                Json.putNumber(bounds, "lower", interval.lower());
                Json.putNumber(bounds, "upper", interval.upper());
            });
        }
        return node;
    }

    private static ObjectNode fairnessNode(String column, FairnessGaps gaps) {
        ObjectNode node = Json.object();
        node.put("column", column);
        Json.putNumber(node, "demographic_parity_difference", gaps.parityDifference());
        Json.putNumber(node, "demographic_parity_ratio", gaps.parityRatio());
        node.put("fails_four_fifths_rule", gaps.failsFourFifths());
        Json.putNumber(node, "true_positive_rate_gap", gaps.truePositiveRateGap());
        Json.putNumber(node, "false_positive_rate_gap", gaps.falsePositiveRateGap());
        ArrayNode groups = node.putArray("groups");
        for (FairnessGaps.Group group : gaps.groups()) {
            ObjectNode g = groups.addObject();
            g.put("value", group.name());
            g.put("n", group.n());
            Json.putNumber(g, "selection_rate", group.selectionRate());
            Json.putNumber(g, "true_positive_rate", group.truePositiveRate());
            Json.putNumber(g, "false_positive_rate", group.falsePositiveRate());
        }
        return node;
    }

    void printText(PrintWriter out, String positive, int skipped) {
        out.printf(Locale.ROOT, "positive label: %s%s%n", positive,
                skipped > 0 ? "   (" + skipped + " rows without label or score left out)" : "");
        out.printf(Locale.ROOT, "%-24s %7s", "slice", "n");
        for (String name : overall.metrics().keySet()) {
            out.printf(Locale.ROOT, " %9s", name.equals("balanced_accuracy") ? "bal_acc" : name);
        }
        out.println();
        printRow(out, "overall", overall);
        for (Group slice : slices) {
            printRow(out, slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value()), slice);
        }
        out.printf(Locale.ROOT, "baseline: always answering '%s' (the most frequent label) is right %.0f%% of the time%n",
                overall.baseline().answer(), 100 * overall.baseline().metrics().get("accuracy"));
        List<Group> groups = new ArrayList<>(List.of(overall));
        groups.addAll(slices);
        for (Group group : groups) {
            String verdict = group.baseline().noBetter(group.metrics());
            if (verdict != null) {
                out.println("warning: " + (group.column() == null ? "overall" : group.column() + "=" + group.value())
                        + ": the model is " + verdict);
            }
        }
        for (int i = 0; i < fairness.size(); i++) {
            FairnessGaps gaps = fairness.get(i);
            out.printf(Locale.ROOT, "fairness %s: parity difference %s, parity ratio %s%s, TPR gap %s, FPR gap %s%n",
                    fairnessColumns.get(i), number(gaps.parityDifference()), number(gaps.parityRatio()),
                    gaps.failsFourFifths() ? " (fails the four-fifths rule)" : "",
                    number(gaps.truePositiveRateGap()), number(gaps.falsePositiveRateGap()));
        }
        if (reliability != null) {
            out.println("reliability (overall): bin, n, mean score, positive share");
            for (ClassificationMetrics.ReliabilityBin bin : reliability) {
                out.printf(Locale.ROOT, "  [%.1f, %.1f%s %7d %9s %9s%n", bin.lower(), bin.upper(),
                        bin.upper() == 1 ? "]" : ")", bin.n(), number(bin.meanScore()), number(bin.positiveShare()));
            }
        }
    }

    private static void printRow(PrintWriter out, String name, Group group) {
        out.printf(Locale.ROOT, "%-24s %7d", name, group.n());
        for (double value : group.metrics().values()) {
            out.printf(Locale.ROOT, " %9s", number(value));
        }
        out.println();
        if (group.ci() != null) {
            out.printf(Locale.ROOT, "%-24s %7s", "", "ci");
            for (String key : group.metrics().keySet()) {
                BootstrapInterval interval = group.ci().get(BinaryMetric.named(key).orElseThrow());
                out.printf(Locale.ROOT, " %9s", Double.isNaN(interval.lower()) ? "-"
                        : String.format(Locale.ROOT, "%.2f-%.2f", interval.lower(), interval.upper()));
            }
            out.println();
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
