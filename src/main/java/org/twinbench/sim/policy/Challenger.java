package org.twinbench.sim.policy;

import org.twinbench.model.TaskModel;

/**
 * A challenger model that gets a share of the traffic: each row goes to it with probability
 * {@code trafficShare} (drawn from the challenger node's own random stream) until it is promoted.
 */
public record Challenger(String nodeId, TaskModel model, double trafficShare) {
}
