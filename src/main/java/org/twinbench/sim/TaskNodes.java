package org.twinbench.sim;

import java.util.List;
import java.util.Map;
import org.twinbench.data.Task;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * The nodes a model's task can run with: a regression has no class to estimate the accuracy of (CBPE) and no
 * right and wrong predictions for the error-stream detectors. A scenario that combines one with a regression is
 * refused when it is compiled, naming the node. (The prior shift, a backdoor and selective labels have a form for
 * every task: {@link org.twinbench.sim.perturb.PriorShift}, {@link org.twinbench.sim.perturb.AmountShift},
 * {@link org.twinbench.sim.perturb.Backdoor}, {@link LabelSelection}.)
 */
final class TaskNodes {

    /** The node types each non-binary task cannot run with, and why. */
    private static final Map<Task, Map<String, String>> REFUSED = Map.of(
            Task.MULTICLASS, Map.of(),
            Task.REGRESSION, Map.of(
                    NodeCatalog.CBPE_MONITOR, "estimates a classifier's accuracy; use monitor.dle for a regression",
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
            if (why != null) {
                throw new ScenarioException("node " + node.id() + ": " + node.type() + " " + why + "; the model of node "
                        + modelId + " is a " + task.id() + " model");
            }
        }
    }

}
