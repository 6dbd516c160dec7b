package org.twinbench.sim.policy;

import org.twinbench.data.Frame;
import org.twinbench.model.TaskModel;

/** Trains a fresh model of the scenario's kind (same target, features and positive class) on new rows. */
@FunctionalInterface
public interface ModelRefit {

    TaskModel fit(Frame rows, long seed);
}
