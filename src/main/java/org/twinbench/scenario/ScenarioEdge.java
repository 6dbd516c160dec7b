package org.twinbench.scenario;

/** A directed connection: batches flow from node {@code from} to node {@code to}. */
public record ScenarioEdge(String from, String to) {
}
