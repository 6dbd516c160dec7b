package org.twinbench.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioNode;

/**
 * A run's robustness profile ({@code metrics.robustness} node): at the end of the run, the model serving then is
 * profiled ({@link RobustnessProfile}) on the most recent labelled rows it scored since it began serving (rows it
 * never trained on: a retrained model learns only from rows scored before it), as the run delivered them
 * (perturbations applied); overall and per slice of the node's {@code slices}, a numeric slice column cut as the
 * run's slice-metrics node cuts it, or else into {@code bins} quantile ranges of these rows.
 *
 * @param node the robustness node's id
 * @param fromStep the first step whose rows were searched on
 * @param retrained whether the model profiled is not the run's initial model
 * @param drop the accuracy drop that makes the limit; of a regression, the error's rise (a share) that makes it
 * @param slices one profile per slice with enough rows, in column then level order
 */
public record RunRobustness(String node, int fromStep, boolean retrained, double drop, RobustnessProfile overall,
                            List<RobustnessProfile> slices) implements java.io.Serializable {

    public RunRobustness {
        slices = List.copyOf(slices);
    }

    /** The robustness node of a scenario, or null. */
    static ScenarioNode node(SimulationPlan plan) {
        List<ScenarioNode> nodes = plan.scenario().nodesOfKind(NodeCatalog.ROBUSTNESS);
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    /**
     * The labelled rows of one replicate scored by the model serving now: kept step by step, the oldest steps let
     * go once the newer ones hold {@code rows}; all let go when the model changes.
     */
    static final class Rows {
        private final ScenarioNode node;
        private final SimulationPlan plan;
        private final int limit;
        private final ArrayDeque<Frame> kept = new ArrayDeque<>();
        private final ArrayDeque<int[]> labels = new ArrayDeque<>();
        private final ArrayDeque<Integer> steps = new ArrayDeque<>();
        private int size;
        private TaskModel model;

        /** A keeper for the plan's robustness node, or null when it has none. */
        static Rows of(SimulationPlan plan) {
            ScenarioNode node = node(plan);
            return node == null ? null : new Rows(node, plan);
        }

        private Rows(ScenarioNode node, SimulationPlan plan) {
            this.node = node;
            this.plan = plan;
            this.limit = node.integer("rows");
            this.model = plan.model();
        }

        /** Offers a step's rows as scored by {@code serving}, with their labels (-1: none). */
        void offer(int step, TaskModel serving, Frame batch, int[] rowLabels) {
            if (serving != model) {
                kept.clear();
                labels.clear();
                steps.clear();
                size = 0;
                model = serving;
            }
            int[] rows = SimulationEngine.labelledRows(rowLabels);
            if (rows.length == 0) {
                return;
            }
            kept.addLast(batch.select(rows));
            labels.addLast(ModelTask.pick(rowLabels, rows));
            steps.addLast(step);
            size += rows.length;
            while (size - kept.peekFirst().rowCount() >= limit) {
                size -= kept.removeFirst().rowCount();
                labels.removeFirst();
                steps.removeFirst();
            }
        }

        /** The profile of the model serving at the end on the rows kept; null when fewer than 30 are kept. */
        RunRobustness profile() {
            if (size < RobustnessProfile.MIN_SLICE_ROWS) {
                return null;
            }
            Frame all = Frames.concat(new ArrayList<>(kept));
            int[] y = new int[size];
            int at = 0;
            for (int[] part : labels) {
                System.arraycopy(part, 0, y, at, part.length);
                at += part.length;
            }
            int from = Math.max(0, size - limit);
            if (from > 0) {
                all = all.slice(from, size);
                y = java.util.Arrays.copyOfRange(y, from, size);
            }
            ModelTask task = plan.modelTask();
            boolean regression = task.task() == Task.REGRESSION;
            double drop = node.number(regression ? "rise" : "drop");
            double maxShift = node.number("max_shift");
            double[] amounts = regression ? task.amounts(all) : null;
            String metric = node.string("metric");
            RobustnessProfile overall = regression
                    ? RobustnessProfile.ofAmounts(model, all, amounts, metric, drop, maxShift)
                    : RobustnessProfile.of(model, task, all, y, drop, maxShift);
            List<RobustnessProfile> slices = new ArrayList<>();
            for (String column : node.strings("slices")) {
                if (!all.has(column)) {
                    continue;
                }
                CategoricalColumn values = plan.sliceBins().byColumn().containsKey(column)
                        ? plan.sliceBins().values(all, column)
                        : ColumnSlicing.fit(all.column(column), node.integer("bins")).apply(all.column(column));
                slices.addAll(regression
                        ? RobustnessProfile.bySliceOfAmounts(model, all, amounts, values, metric, drop, maxShift)
                        : RobustnessProfile.bySlice(model, task, all, y, values, drop, maxShift));
            }
            return new RunRobustness(node.id(), steps.peekFirst(), model != plan.model(), drop, overall, slices);
        }
    }
}
