package org.twinbench.sim.policy;

import java.util.List;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.StepOutput;

/**
 * A policy node (retrain, rollback, ...) as described in the scenario; {@link #start()} makes the
 * stateful policy of one run.
 */
public interface Policy {

    String nodeId();

    Run start();

    /** The state of one policy during one run. */
    interface Run {
        /**
         * Acts after the monitors of a step: sees the labelled batches that arrived at this step and
         * the alarms so far, and returns the model to use from the next step on ({@code current}
         * when nothing changes).
         */
        TaskModel act(int step, List<LabelledBatch> arrived, TaskModel current, StepOutput out);
    }
}
