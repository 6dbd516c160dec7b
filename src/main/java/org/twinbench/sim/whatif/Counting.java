package org.twinbench.sim.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.ModelTask;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepOutput;
import org.twinbench.sim.monitor.BaselineMonitor;
import org.twinbench.sim.monitor.Monitor;
import org.twinbench.sim.source.DatasetSource;

/**
 * Counts a guided-check run's answers per group ({@link GroupCounts}) on every step from {@link WhatIfStudy#FULL_FROM}
 * on: a watcher added to the compiled plan beside its own monitors, so the engine runs unchanged. It sees each step's
 * labelled rows as the step's metrics do; groups are the plan's slices ({@code column=value}, {@code (missing)} for
 * rows without a value) and "everyone". The naive guess is the run's own ({@link BaselineMonitor}: the reference
 * rows' commonest outcome, or their average amount). Each draw is counted under its step and place in the batch
 * ({@link GroupCounts#drawKey}): the source draws the same rows for every scenario of a check (its random stream
 * depends on the seed, the source and the step only) and the check's changes alter rows in place, so the same key is
 * the same row before and after a change.
 */
final class Counting implements Monitor {

    static final String EVERYONE = "everyone";
    private static final String ID = "whatif-counts";

    private final ModelTask task;
    private final List<String> kinds;
    private final List<String> slices;
    private final SimulationPlan plan;
    private final int guess;
    private final double guessAmount;
    private final Map<String, GroupCounts> counts = new LinkedHashMap<>();

    private Counting(SimulationPlan plan) {
        this.plan = plan;
        this.task = plan.modelTask();
        this.slices = plan.sliceColumns();
        BaselineMonitor baseline = plan.monitors().stream().filter(BaselineMonitor.class::isInstance)
                .map(BaselineMonitor.class::cast).findFirst().orElseThrow(() -> new IllegalStateException(
                        "the run records no naive baseline"));
        this.guess = baseline.majority();
        this.guessAmount = baseline.mean();
        this.kinds = switch (task.task()) {
            case REGRESSION -> List.of();
            case MULTICLASS -> task.classes();
            case BINARY -> List.of(other(plan), task.positive());
        };
    }

    /** The plan with a counter added; {@link #counts} fills as it runs. */
    static Counting of(SimulationPlan plan) {
        return new Counting(plan);
    }

    /** {@code plan} with this counter beside its monitors. */
    SimulationPlan plan() {
        return withMonitor(plan, this);
    }

    /** {@code plan} with {@code monitor} after its own monitors, everything else as it is. */
    static SimulationPlan withMonitor(SimulationPlan plan, Monitor monitor) {
        List<Monitor> monitors = new ArrayList<>(plan.monitors());
        monitors.add(monitor);
        return new SimulationPlan(plan.scenario(), plan.source(), plan.perturbations(), plan.model(),
                plan.sliceColumns(), plan.threshold(), plan.steps(), plan.data(), plan.labelDelay(), monitors,
                plan.policies(), plan.deployment(), plan.selectiveLabels(), plan.challenger(), plan.sliceBins(),
                plan.attacks(), plan.notes(), plan.held());
    }

    /** Per group, what was counted, each with its share of different rows set (call when the run has ended). */
    Map<String, GroupCounts> counts() {
        long pool = pool();
        GroupCounts everyone = counts.get(EVERYONE);
        double share = everyone == null ? 1 : GroupCounts.distinctShare(pool, everyone.draws());
        counts.values().forEach(c -> c.distinctShare(share));
        return counts;
    }

    /** The rows the source draws from with a known outcome (unknown: as many as drawn, so no correction). */
    private long pool() {
        if (!(plan.source() instanceof DatasetSource source) || !source.replace()) {
            return Long.MAX_VALUE;
        }
        Frame production = source.production();
        if (task.task() == Task.REGRESSION) {
            return java.util.Arrays.stream(task.amounts(production)).filter(v -> !Double.isNaN(v)).count();
        }
        return java.util.Arrays.stream(task.labels(production)).filter(v -> v >= 0).count();
    }

    @Override
    public String nodeId() {
        return ID;
    }

    @Override
    public Watch start() {
        return (List<LabelledBatch> arrived, LabelledBatch current, StepOutput out) -> {
            if (current.step() < WhatIfStudy.FULL_FROM) {
                return;
            }
            Frame rows = current.rows();
            List<CategoricalColumn> groups = slices.stream().map(c -> plan.sliceBins().values(rows, c)).toList();
            double[] amounts = task.task() == Task.REGRESSION ? task.amounts(rows) : null;
            for (int i = 0; i < rows.rowCount(); i++) {
                if (amounts != null ? Double.isNaN(amounts[i]) : current.labels()[i] < 0) {
                    continue;
                }
                add(EVERYONE, current, amounts, i);
                for (int g = 0; g < groups.size(); g++) {
                    CategoricalColumn column = groups.get(g);
                    int code = column.codes()[i];
                    add(slices.get(g) + "=" + (code < 0 ? "(missing)" : column.levels().get(code)), current, amounts, i);
                }
            }
        };
    }

    private void add(String group, LabelledBatch batch, double[] amounts, int row) {
        GroupCounts c = counts.computeIfAbsent(group, key -> amounts != null ? GroupCounts.ofAmounts()
                : GroupCounts.ofKinds(kinds));
        if (amounts != null) {
            c.addAmount(amounts[row], batch.scores()[row], guessAmount, GroupCounts.drawKey(batch.step(), row));
        } else {
            int answered = task.task() == Task.MULTICLASS ? (int) batch.scores()[row]
                    : batch.scores()[row] >= plan.threshold() ? 1 : 0;
            c.addAnswer(batch.labels()[row], answered, guess, GroupCounts.drawKey(batch.step(), row));
        }
    }

    /** A binary outcome's value that is not the positive one (the first such value; "not ‹positive›" without one). */
    private static String other(SimulationPlan plan) {
        String positive = plan.modelTask().positive();
        if (plan.source() instanceof DatasetSource source && source.production().find(plan.target()).isPresent()) {
            for (String value : BinaryLabels.distinctValues(source.production().column(plan.target()))) {
                if (!value.equals(positive)) {
                    return value;
                }
            }
        }
        return "not " + positive;
    }
}
