package org.twinbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.StepRows;
import org.twinbench.sim.monitor.BaselineMonitor;
import org.twinbench.sim.whatif.GroupCounts;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * A run's rows of the last tenth of its steps (at least one step, every replicate), counted per slice ("column=value",
 * and "everyone" for all rows) as the wizard counts its groups ({@link GroupCounts}): a classifier's right answers
 * and those of the naive baseline on the same rows ({@code baseline.accuracy[slice]}, {@link BaselineMonitor}), with a
 * binary model's confusion counts when the steps kept them; a regression's sums of absolute and squared errors and the
 * baseline's absolute errors. A run that drew its rows again and again counts them as the different rows they hold
 * ({@link org.twinbench.sim.RunFindings#distinctShare}).
 */
final class RunGroupCounts {

    /** The key of all rows. */
    static final String EVERYONE = "everyone";

    /** The model's task, as its metric sets say. */
    enum Kind { BINARY, MULTICLASS, REGRESSION }

    private RunGroupCounts() {
    }

    /** The task of the run's overall metric sets (null without a measured step). */
    static Kind kind(RunOutcome outcome) {
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult step : replicate) {
                List<String> names = step.overall().names();
                if (step.overall().n() > 0) {
                    return names.equals(MetricSet.REGRESSION_NAMES) ? Kind.REGRESSION
                            : names.equals(MetricSet.MULTICLASS_NAMES) ? Kind.MULTICLASS : Kind.BINARY;
                }
            }
        }
        return null;
    }

    /** The first step of the last tenth of {@code steps} steps. */
    static int lastTenthFrom(int steps) {
        return steps - Math.max(1, steps / 10);
    }

    /** Per slice (in order of first appearance, "everyone" first) its counts over the last tenth of the steps. */
    static Map<String, GroupCounts> of(RunOutcome outcome, int steps, Kind kind) {
        int from = lastTenthFrom(steps);
        Map<String, GroupCounts> counts = new LinkedHashMap<>();
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult step : replicate) {
                if (step.step() < from) {
                    continue;
                }
                add(counts, EVERYONE, "", step.overall(), step, kind);
                for (SliceMetrics slice : step.slices()) {
                    String name = StepRows.sliceName(slice);
                    add(counts, name, "[" + name + "]", slice.metrics(), step, kind);
                }
            }
        }
        double share = outcome.findings() == null ? 1 : outcome.findings().distinctShare();
        counts.values().forEach(c -> c.distinctShare(share));
        return counts;
    }

    private static void add(Map<String, GroupCounts> counts, String key, String slice, MetricSet metrics,
                            StepResult step, Kind kind) {
        long n = metrics.n();
        if (n == 0) {
            return;
        }
        GroupCounts group = counts.computeIfAbsent(key, k -> kind == Kind.REGRESSION ? GroupCounts.ofAmounts()
                : kind == Kind.BINARY ? GroupCounts.ofKinds(List.of("other", "positive")) : GroupCounts.ofUnnamedKinds());
        if (kind == Kind.REGRESSION) {
            double rmse = metrics.get("rmse");
            group.addAmounts(n, metrics.get("mae") * n, rmse * rmse * n, baseline(step, "mae", slice) * n);
            return;
        }
        long[][] confusion = metrics.confusion();
        long right = confusion != null ? confusion[0][0] + confusion[1][1] : Math.round(metrics.accuracy() * n);
        if (kind == Kind.MULTICLASS) {
            right = Math.round(metrics.get("accuracy") * n);
        }
        group.addAnswers(n, right, Math.round(baseline(step, "accuracy", slice) * n), confusion);
    }

    /** The naive baseline's figure on the slice's rows of the step (NaN when the run did not record it). */
    private static double baseline(StepResult step, String metric, String slice) {
        return step.measures().getOrDefault(BaselineMonitor.ID + "." + metric + slice, Double.NaN);
    }
}
