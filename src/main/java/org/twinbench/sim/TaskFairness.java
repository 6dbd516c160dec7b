package org.twinbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.twinbench.stats.FairnessGaps;
import org.twinbench.stats.SliceMetrics;

/**
 * One fairness figure of a multiclass or regression run ({@link org.twinbench.sim.monitor.TaskFairnessMonitor}),
 * pooled over the first and over the last tenth of the steps (at least one step, all replicates): each group's
 * rows of the window together, groups with fewer than {@link Verdict#MIN_ROWS} labelled rows left out, groups
 * compared only within their column.
 * <ul>
 *   <li>multiclass ({@code parity_ratio}), per class: the lowest group's share predicted that class over the
 *       highest; below the four-fifths rule's 0.8 it is flagged;</li>
 *   <li>multiclass ({@code recall_gap}), per class: the highest group's recall of that class minus the lowest's,
 *       each group's recall pooled over its rows labelled that class (groups with fewer than {@link Verdict#MIN_ROWS}
 *       of them left out); above {@link #RECALL_GAP_LIMIT} it is flagged;</li>
 *   <li>regression ({@code rmse_ratio}): the worst (highest) group RMSE over the best's; above 1.25 (four-fifths
 *       read for errors: the best group's RMSE under 0.8 of the worst's) it is flagged.</li>
 * </ul>
 *
 * @param subject the class of a multiclass figure; null for a regression
 * @param worst the group with the lowest share (multiclass) or the highest RMSE (regression) in the last tenth
 * @param best the group with the highest share or the lowest RMSE in the last tenth
 */
public record TaskFairness(String node, String column, String subject, String metric, double start, double end,
                           String worst, String best) {

    /**
     * A multiclass recall gap (highest group's recall of a class minus the lowest's) above which it is flagged: the
     * four-fifths rule read as a difference of rates (recalls of 1.0 and 0.8 are just within it).
     */
    public static final double RECALL_GAP_LIMIT = 0.2;

    /** A regression's RMSE ratio above which the groups of a column are flagged (1 / 0.8). */
    public static final double RMSE_RATIO_LIMIT = 1 / FairnessGaps.FOUR_FIFTHS;

    /** Whether the last tenth's figure breaks the four-fifths rule. */
    public boolean flagged() {
        return switch (metric) {
            case "rmse_ratio" -> end > RMSE_RATIO_LIMIT + 1e-12;
            case "recall_gap" -> end > RECALL_GAP_LIMIT + 1e-12;
            default -> end < FairnessGaps.FOUR_FIFTHS;
        };
    }

    /**
     * Whether it got worse by at least 0.1 on the four-fifths scale (the best group's figure over the worst's), or a
     * recall gap widened by at least 0.1.
     */
    public boolean fell() {
        if ("recall_gap".equals(metric)) {
            return !Double.isNaN(start) && end - start >= 0.1;
        }
        double first = "rmse_ratio".equals(metric) ? 1 / start : start;
        double last = "rmse_ratio".equals(metric) ? 1 / end : end;
        return !Double.isNaN(first) && first - last >= 0.1;
    }

    /** One sentence on a flagged figure, for the headline. */
    public String sentence() {
        if ("recall_gap".equals(metric)) {
            return fell() ? String.format(Locale.ROOT, "The recall of %s widens from %.2f to %.2f between %s groups "
                    + "(lowest for %s, highest for %s), beyond %.2f.", subject, start, end, column, worst, best,
                    RECALL_GAP_LIMIT)
                    : String.format(Locale.ROOT, "The recall of %s differs by %.2f between %s groups (lowest for %s, "
                    + "highest for %s), beyond %.2f.", subject, end, column, worst, best, RECALL_GAP_LIMIT);
        }
        if ("rmse_ratio".equals(metric)) {
            return fell() ? String.format(Locale.ROOT, "The RMSE of %s rises from %.2f to %.2f times that of %s, "
                    + "beyond %.2f.", worst, start, end, best, RMSE_RATIO_LIMIT)
                    : String.format(Locale.ROOT, "The RMSE of %s is %.2f times that of %s, beyond %.2f.", worst, end,
                    best, RMSE_RATIO_LIMIT);
        }
        return fell() ? String.format(Locale.ROOT, "The parity ratio of %s between %s groups falls from %.2f to %.2f "
                + "(least predicted for %s), below four-fifths.", subject, column, start, end, worst)
                : String.format(Locale.ROOT, "The parity ratio of %s between %s groups is %.2f (least predicted for "
                + "%s), below four-fifths.", subject, column, end, worst);
    }

    /** Every fairness figure of the run, in the order its monitors recorded them; empty for a binary run. */
    public static List<TaskFairness> of(RunOutcome outcome, RunSeries series) {
        Set<String> columns = new LinkedHashSet<>();
        outcome.replicates().forEach(r -> r.forEach(s -> s.slices().forEach(m -> columns.add(m.column()))));
        int steps = series.steps();
        int window = Math.max(1, steps / 10);
        List<TaskFairness> out = new ArrayList<>();
        for (RunSeries.Key key : series.keys()) {
            if (!StepResult.OVERALL.equals(key.slice())) {
                continue;
            }
            for (String column : columns) {
                String metric = key.metric();
                String head = null;
                String subject = null;
                String kind = null;
                int at = metric.indexOf("." + column + ".parity_ratio_");
                int gap = metric.indexOf("." + column + ".recall_gap_");
                if (at > 0 && metric.startsWith("." + column + ".parity_ratio_", at)) {
                    head = metric.substring(0, at);
                    subject = metric.substring(at + column.length() + ".parity_ratio_".length() + 1);
                    kind = "parity_ratio";
                } else if (gap > 0) {
                    head = metric.substring(0, gap);
                    subject = metric.substring(gap + column.length() + ".recall_gap_".length() + 1);
                    kind = "recall_gap";
                } else if (metric.endsWith("." + column + ".rmse_ratio")) {
                    head = metric.substring(0, metric.length() - column.length() - ".rmse_ratio".length() - 1);
                    kind = "rmse_ratio";
                }
                if (kind != null) {
                    String suffix = switch (kind) {
                        case "rmse_ratio" -> ".rmse";
                        case "recall_gap" -> ".recall_" + subject;
                        default -> ".selection_rate_" + subject;
                    };
                    Pooled first = pool(outcome, head, column, suffix, kind, 0, window);
                    Pooled last = pool(outcome, head, column, suffix, kind, steps - window, steps);
                    out.add(new TaskFairness(head, column, subject, kind, first.ratio(), last.ratio(), last.worst(),
                            last.best()));
                }
            }
        }
        return out;
    }

    /** A window's ratio and its worst and best groups (null when fewer than two groups have enough rows). */
    private record Pooled(double ratio, String worst, String best) {
    }

    private static Pooled pool(RunOutcome outcome, String node, String column, String suffix, String kind, int from,
                               int to) {
        boolean errors = kind.equals("rmse_ratio");
        boolean recall = kind.equals("recall_gap");
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                if (result.step() < from || result.step() >= to) {
                    continue;
                }
                for (SliceMetrics slice : result.slices()) {
                    String group = node + "." + StepRows.sliceName(slice);
                    Double value = result.measures().get(group + suffix);
                    if (!slice.column().equals(column) || value == null || Double.isNaN(value)) {
                        continue;
                    }
                    double[] sums = groups.computeIfAbsent(StepRows.sliceName(slice), k -> new double[2]);
                    // A recall is pooled over the group's rows of its class, the other figures over all its rows.
                    double n = recall ? result.measures().getOrDefault(group + ".support_"
                            + suffix.substring(".recall_".length()), 0.0) : slice.metrics().n();
                    sums[0] += (errors ? value * value : value) * n;
                    sums[1] += n;
                }
            }
        }
        String low = null;
        String high = null;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int kept = 0;
        for (Map.Entry<String, double[]> group : groups.entrySet()) {
            double[] sums = group.getValue();
            if (sums[1] < Verdict.MIN_ROWS) {
                continue;
            }
            double figure = errors ? Math.sqrt(sums[0] / sums[1]) : sums[0] / sums[1];
            kept++;
            if (figure < min) {
                min = figure;
                low = group.getKey();
            }
            if (figure > max) {
                max = figure;
                high = group.getKey();
            }
        }
        if (kept < 2) {
            return new Pooled(Double.NaN, null, null);
        }
        if (recall) {
            return new Pooled(max - min, low, high);
        }
        return errors ? new Pooled(min == 0 ? Double.NaN : max / min, high, low)
                : new Pooled(max == 0 ? Double.NaN : min / max, low, high);
    }
}
