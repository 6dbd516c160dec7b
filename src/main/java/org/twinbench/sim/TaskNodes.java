package org.twinbench.sim;

import java.util.List;
import java.util.Map;
import org.twinbench.data.Task;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * The nodes a model's task can run with. The prior shift and a backdoor (labels set to a positive or negative
 * class) and selective labels (rows scored below a threshold) speak of a
 * binary model only; the error-stream detectors need right and wrong predictions, which an amount has not.
 * A scenario that combines one with a model of another task is refused when it is compiled, naming the node.
 */
final class TaskNodes {

    /** The node types each non-binary task cannot run with, and why. */
    private static final Map<Task, Map<String, String>> REFUSED = Map.of(
            Task.MULTICLASS, Map.of(
                    NodeCatalog.PRIOR_SHIFT, "sets the share of a positive class, for binary models only"),
            Task.REGRESSION, Map.of(
                    NodeCatalog.CBPE_MONITOR, "estimates a classifier's accuracy; use monitor.dle for a regression",
                    NodeCatalog.PRIOR_SHIFT, "sets the share of a positive class, for binary models only",
                    NodeCatalog.ERROR_DETECTOR, "watches a stream of right and wrong predictions, which amounts "
                            + "have not"));

    private TaskNodes() {
    }

    /** Refuses the first node of {@code scenario} that a model of {@code task} (node {@code modelId}) cannot run with. */
    static void check(Scenario scenario, Task task, String modelId) {
        if (task == Task.BINARY) {
            return;
        }
        for (ScenarioNode node : scenario.topologicalOrder()) {
            String why = REFUSED.get(task).get(node.type());
            if (why == null && NodeCatalog.POISONING.equals(node.type()) && "backdoor".equals(node.string("mode"))) {
                why = "in mode backdoor labels the poisoned rows negative, for binary models only; mode label-flip"
                        + " works with every task";
            }
            if (why == null && NodeCatalog.LABEL_DELAY.equals(node.type()) && node.flag("selective")) {
                why = "with selective labels keeps the labels of rows scored below a threshold, for binary models"
                        + " only";
            }
            if (why != null) {
                throw new ScenarioException("node " + node.id() + ": " + node.type() + " " + why + "; the model of node "
                        + modelId + " is a " + task.id() + " model");
            }
        }
    }

}
