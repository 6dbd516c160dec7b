package org.twinbench.sim.attack;

import org.twinbench.data.Frame;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.StepOutput;

/**
 * An attack node as described in the scenario; {@link #start()} makes the attacker of one run, so
 * replicates running at the same time never share state.
 */
public interface Attack {

    String nodeId();

    Run start();

    /** The attacker during one run. */
    interface Run {
        /**
         * Acts once per step, after the monitors: may query {@code deployed} (the model serving this step)
         * through the deployment's answers, and measures itself on the step's {@code rows} and their
         * {@code labels} (-1 where missing), which it never queried.
         */
        void step(int step, TaskModel deployed, Frame rows, int[] labels, StepOutput out);
    }
}
