package org.twinbench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A whole scenario graph: immutable; edits make new instances. */
public record Scenario(String name, String description, long seed, List<ScenarioNode> nodes,
                       List<ScenarioEdge> edges) {

    public Scenario {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Optional<ScenarioNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The nodes that are the scenario's model ({@link NodeCatalog#MODELS}), in file order. */
    public List<ScenarioNode> modelNodes() {
        return nodes.stream().filter(n -> NodeCatalog.MODELS.contains(n.type())).toList();
    }

    public List<ScenarioNode> nodesOfKind(String kindPrefix) {
        return nodes.stream().filter(n -> n.type().startsWith(kindPrefix)).toList();
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, nodes, edges);
    }

    public Scenario withNode(ScenarioNode replacement) {
        List<ScenarioNode> out = new ArrayList<>();
        for (ScenarioNode node : nodes) {
            out.add(node.id().equals(replacement.id()) ? replacement : node);
        }
        return new Scenario(name, description, seed, out, edges);
    }

    /**
     * Whether an edge carries a policy's actions back to a model. Such a feedback edge acts from the
     * next step on, so it closes a loop (model → monitor → policy → model) without making a cycle.
     */
    public boolean isFeedback(ScenarioEdge edge) {
        String from = node(edge.from()).map(ScenarioNode::type).orElse("");
        String to = node(edge.to()).map(ScenarioNode::type).orElse("");
        boolean sendsActions = NodeCatalog.find(from).map(t -> t.outputs().stream()
                .anyMatch(p -> p.type() == PortType.ACTIONS)).orElse(false);
        boolean takesActions = NodeCatalog.find(to).map(t -> t.inputs().stream()
                .anyMatch(p -> p.type() == PortType.ACTIONS)).orElse(false);
        return sendsActions && takesActions;
    }

    /**
     * The nodes in an order where every node comes after the nodes it receives batches from (Kahn's
     * algorithm; ties keep file order; feedback edges do not count). Throws when the edges form a cycle.
     */
    public List<ScenarioNode> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        for (ScenarioNode node : nodes) {
            indegree.put(node.id(), 0);
        }
        List<ScenarioEdge> forward = edges.stream().filter(e -> !isFeedback(e)).toList();
        for (ScenarioEdge edge : forward) {
            indegree.merge(edge.to(), 1, Integer::sum);
        }
        List<ScenarioNode> order = new ArrayList<>();
        List<ScenarioNode> remaining = new ArrayList<>(nodes);
        while (!remaining.isEmpty()) {
            ScenarioNode next = remaining.stream().filter(n -> indegree.get(n.id()) == 0).findFirst()
                    .orElseThrow(() -> new ScenarioException("node " + remaining.get(0).id()
                            + ": is part of a cycle; a scenario must be a directed acyclic graph"));
            remaining.remove(next);
            order.add(next);
            for (ScenarioEdge edge : forward) {
                if (edge.from().equals(next.id())) {
                    indegree.merge(edge.to(), -1, Integer::sum);
                }
            }
        }
        return order;
    }
}
