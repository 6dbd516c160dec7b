package org.twinbench.sim;

import org.twinbench.data.Task;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * Which rows ever get a label under selective labels ({@code labels.delay} with {@code selective}): those the
 * model lets through. A binary model's rows scored below the threshold (e.g. approved loans); a multiclass model's
 * rows predicted as {@code selective_class} (e.g. "approve" of approve / review / decline); a regression's rows
 * whose predicted amount is below {@code selective_below} (e.g. claims paid without review). The other rows'
 * labels are −1 for monitors and retraining; the step metrics still measure every row.
 *
 * @param classCode the multiclass model's code of the selected class (−1 for the other tasks)
 * @param below the regression's bound on the predicted amount (NaN for the other tasks)
 */
public record LabelSelection(Task task, double threshold, int classCode, double below) {

    /**
     * The selection of {@code node} (a {@code labels.delay} with {@code selective}) for a model of {@code task};
     * a missing or unknown class or a missing bound is a problem naming the node and parameter.
     */
    public static LabelSelection of(ScenarioNode node, ModelTask task) {
        return switch (task.task()) {
            case BINARY -> new LabelSelection(Task.BINARY, task.threshold(), -1, Double.NaN);
            case MULTICLASS -> {
                String name = node.string("selective_class");
                int code = name == null ? -1 : task.classes().indexOf(name.strip());
                if (code < 0) {
                    throw node.problem("selective_class", (name == null ? "is required" : "is '" + name
                            + "', not a class of the model") + " with selective labels on a multiclass model "
                            + "(classes: " + String.join(", ", task.classes()) + ")");
                }
                yield new LabelSelection(Task.MULTICLASS, Double.NaN, code, Double.NaN);
            }
            case REGRESSION -> {
                if (node.params().get("selective_below") == null) {
                    throw node.problem("selective_below", "is required with selective labels on a regression "
                            + "model (the predicted amount below which a row gets its label)");
                }
                yield new LabelSelection(Task.REGRESSION, Double.NaN, -1, node.number("selective_below"));
            }
        };
    }

    /**
     * The selection of the plan's selective {@code labels.delay} node, or null when labels are not selective; a plan
     * made without such a node (selective by construction) selects a binary model's rows below its threshold.
     */
    static LabelSelection of(SimulationPlan plan) {
        if (!plan.selectiveLabels()) {
            return null;
        }
        for (ScenarioNode node : plan.scenario().nodesOfKind(NodeCatalog.LABEL_DELAY)) {
            if (node.flag("selective")) {
                return of(node, plan.modelTask());
            }
        }
        return new LabelSelection(Task.BINARY, plan.threshold(), -1, Double.NaN);
    }

    /**
     * The labels with those of the rows not let through set to −1; {@code values} are the model's predictions
     * ({@link Predictions#values}: binary scores, multiclass class codes, regression amounts).
     */
    public int[] apply(int[] labels, double[] values) {
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) {
            boolean through = switch (task) {
                case BINARY -> values[i] < threshold;
                case MULTICLASS -> (int) values[i] == classCode;
                case REGRESSION -> values[i] < below;
            };
            if (!through) {
                out[i] = -1;
            }
        }
        return out;
    }
}
