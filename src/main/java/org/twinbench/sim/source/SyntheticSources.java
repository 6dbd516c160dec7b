package org.twinbench.sim.source;

import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.Schedule;

/** The synthetic stream of a source node (SEA, Agrawal, rotating hyperplane), as its parameters describe it. */
public final class SyntheticSources {

    private SyntheticSources() {
    }

    /** The stream of {@code node}, its random draws derived from the scenario's {@code seed}. */
    public static SyntheticSource of(ScenarioNode node, long seed) {
        int batchSize = node.integer("batch_size");
        Schedule schedule = node.params().get("schedule") == null ? null : Schedule.of(node);
        SyntheticSource.StreamGenerator generator = switch (node.type()) {
            case NodeCatalog.SEA_SOURCE -> new SeaGenerator(node.integer("function"), node.integer("drift_to"),
                    node.number("noise"));
            case NodeCatalog.AGRAWAL_SOURCE -> new AgrawalGenerator(node.integer("function"),
                    node.integer("drift_to"), node.number("perturbation"));
            case NodeCatalog.HYPERPLANE_SOURCE -> {
                Schedule drift = schedule == null ? Schedule.ALWAYS : schedule;
                yield new HyperplaneGenerator(seed, node.id(), node.integer("attributes"),
                        node.integer("drift_attributes"), node.number("magnitude"),
                        node.number("reversal"), node.number("noise"), batchSize, drift::intensity);
            }
            default -> throw new ScenarioException("node " + node.id() + ": unknown source type '" + node.type() + "'");
        };
        return new SyntheticSource(node.id(), generator, batchSize, schedule);
    }
}
