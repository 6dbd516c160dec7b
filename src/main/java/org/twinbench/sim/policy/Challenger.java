package org.twinbench.sim.policy;

import org.twinbench.model.TaskModel;

/**
 * A challenger model that gets a share of the traffic: each row goes to it with probability
 * {@code trafficShare} (drawn from the challenger node's own random stream) until it is promoted.
 *
 * @param fromStep the first step it serves (0, except in a what-if branched from a later step)
 */
public record Challenger(String nodeId, TaskModel model, double trafficShare, int fromStep) {

    /** A challenger serving from the first step. */
    public Challenger(String nodeId, TaskModel model, double trafficShare) {
        this(nodeId, model, trafficShare, 0);
    }

    /** The same challenger, serving from {@code step} on (the model is the same object, so promotion still tells). */
    public Challenger from(int step) {
        return new Challenger(nodeId, model, trafficShare, step);
    }
}
