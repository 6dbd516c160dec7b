package org.twinbench.ui.editor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/** The graph operations of the editor as pure functions from one scenario to the next. */
public final class GraphEdits {

    private GraphEdits() {
    }

    /** A node of {@code type} at (x, y) with every parameter that has a default set to it. */
    public static ScenarioNode newNode(Scenario scenario, NodeType type, double x, double y) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (NodeType.ParamSpec spec : type.params()) {
            if (spec.defaultValue() != null) {
                params.put(spec.name(), spec.defaultValue());
            }
        }
        // "Estimated performance (CBPE)" is named estimated-performance: short enough for its card.
        String name = type.title().replaceAll("\\s*\\([^)]*\\)", "");
        return new ScenarioNode(uniqueId(scenario.nodes(), slug(name)), type.type(), params, x, y);
    }

    public static Scenario withNodes(Scenario scenario, List<ScenarioNode> nodes, List<ScenarioEdge> edges) {
        return new Scenario(scenario.name(), scenario.description(), scenario.seed(), nodes, edges);
    }

    public static Scenario add(Scenario scenario, ScenarioNode node) {
        List<ScenarioNode> nodes = new ArrayList<>(scenario.nodes());
        nodes.add(node);
        return withNodes(scenario, nodes, scenario.edges());
    }

    /** Removes the nodes, every edge touching them, and the given edges. */
    public static Scenario remove(Scenario scenario, Collection<String> nodeIds, Collection<ScenarioEdge> edges) {
        List<ScenarioNode> nodes = scenario.nodes().stream().filter(n -> !nodeIds.contains(n.id())).toList();
        List<ScenarioEdge> kept = scenario.edges().stream().filter(e -> !edges.contains(e)
                && !nodeIds.contains(e.from()) && !nodeIds.contains(e.to())).toList();
        return withNodes(scenario, nodes, kept);
    }

    /** Moves the nodes to new positions (id to {x, y}). */
    public static Scenario place(Scenario scenario, Map<String, double[]> positions) {
        List<ScenarioNode> nodes = new ArrayList<>();
        for (ScenarioNode node : scenario.nodes()) {
            double[] at = positions.get(node.id());
            nodes.add(at == null ? node : new ScenarioNode(node.id(), node.type(), node.params(), at[0], at[1]));
        }
        return withNodes(scenario, nodes, scenario.edges());
    }

    public static Scenario move(Scenario scenario, Collection<String> ids, double dx, double dy) {
        Map<String, double[]> positions = new HashMap<>();
        for (ScenarioNode node : scenario.nodes()) {
            if (ids.contains(node.id())) {
                positions.put(node.id(), new double[] {node.x() + dx, node.y() + dy});
            }
        }
        return place(scenario, positions);
    }

    /** Why {@code from} cannot feed {@code to}, or empty when the connection is allowed. */
    public static Optional<String> connectionProblem(Scenario scenario, String from, String to) {
        ScenarioNode source = scenario.node(from).orElse(null);
        ScenarioNode target = scenario.node(to).orElse(null);
        if (source == null || target == null) {
            return Optional.of("no node '" + (source == null ? from : to) + "'");
        }
        if (from.equals(to)) {
            return Optional.of("a node cannot feed itself");
        }
        if (scenario.edges().contains(new ScenarioEdge(from, to))) {
            return Optional.of(from + " already feeds " + to);
        }
        Optional<String> typeProblem = NodeCatalog.connectionProblem(source.type(), target.type());
        if (typeProblem.isPresent()) {
            return typeProblem;
        }
        if (reaches(scenario, to, from)) {
            return Optional.of("it would close a cycle (" + to + " already leads to " + from + ")");
        }
        return Optional.empty();
    }

    public static Scenario connect(Scenario scenario, String from, String to) {
        List<ScenarioEdge> edges = new ArrayList<>(scenario.edges());
        edges.add(new ScenarioEdge(from, to));
        return withNodes(scenario, scenario.nodes(), edges);
    }

    private static boolean reaches(Scenario scenario, String start, String goal) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(goal)) {
                return true;
            }
            if (seen.add(id)) {
                scenario.edges().stream().filter(e -> e.from().equals(id)).forEach(e -> todo.push(e.to()));
            }
        }
        return false;
    }

    /** Sets a parameter; a null value removes it, so an unset parameter falls back to its default. */
    public static Scenario setParam(Scenario scenario, String id, String key, Object value) {
        return replaceNode(scenario, id, node -> {
            Map<String, Object> params = new LinkedHashMap<>(node.params());
            if (value == null) {
                params.remove(key);
            } else {
                params.put(key, value);
            }
            return new ScenarioNode(node.id(), node.type(), params, node.x(), node.y());
        });
    }

    /** Why {@code newId} cannot replace {@code oldId}, or empty. */
    public static Optional<String> renameProblem(Scenario scenario, String oldId, String newId) {
        if (newId == null || newId.isBlank()) {
            return Optional.of("a node needs an id");
        }
        if (!newId.equals(newId.strip())) {
            return Optional.of("an id cannot start or end with spaces");
        }
        if (!newId.equals(oldId) && scenario.node(newId).isPresent()) {
            return Optional.of("another node already has the id '" + newId + "'");
        }
        return Optional.empty();
    }

    /** Renames a node and every edge that names it. */
    public static Scenario rename(Scenario scenario, String oldId, String newId) {
        Scenario renamed = replaceNode(scenario, oldId,
                node -> new ScenarioNode(newId, node.type(), node.params(), node.x(), node.y()));
        List<ScenarioEdge> edges = renamed.edges().stream().map(e -> new ScenarioEdge(
                e.from().equals(oldId) ? newId : e.from(), e.to().equals(oldId) ? newId : e.to())).toList();
        return withNodes(renamed, renamed.nodes(), edges);
    }

    public static Scenario withHeader(Scenario scenario, String name, String description, long seed) {
        return new Scenario(name, description, seed, scenario.nodes(), scenario.edges());
    }

    /** The chosen nodes and the edges between them: what Copy puts on the clipboard. */
    public static Scenario fragment(Scenario scenario, Collection<String> ids) {
        List<ScenarioNode> nodes = scenario.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        List<ScenarioEdge> edges = scenario.edges().stream()
                .filter(e -> ids.contains(e.from()) && ids.contains(e.to())).toList();
        return new Scenario("", "", 0, nodes, edges);
    }

    /**
     * Adds a copy of {@code fragment}, shifted by (dx, dy), with fresh ids where they clash; returns
     * the new scenario and the ids of the pasted nodes.
     */
    public static Pasted paste(Scenario scenario, Scenario fragment, double dx, double dy) {
        List<ScenarioNode> nodes = new ArrayList<>(scenario.nodes());
        Map<String, String> ids = new HashMap<>();
        List<String> pasted = new ArrayList<>();
        for (ScenarioNode node : fragment.nodes()) {
            String id = uniqueId(nodes, node.id());
            ids.put(node.id(), id);
            pasted.add(id);
            nodes.add(new ScenarioNode(id, node.type(), node.params(), node.x() + dx, node.y() + dy));
        }
        List<ScenarioEdge> edges = new ArrayList<>(scenario.edges());
        for (ScenarioEdge edge : fragment.edges()) {
            edges.add(new ScenarioEdge(ids.get(edge.from()), ids.get(edge.to())));
        }
        return new Pasted(withNodes(scenario, nodes, edges), pasted);
    }

    /** The result of {@link #paste}. */
    public record Pasted(Scenario scenario, List<String> ids) {
    }

    private static Scenario replaceNode(Scenario scenario, String id,
                                        java.util.function.UnaryOperator<ScenarioNode> how) {
        List<ScenarioNode> nodes = scenario.nodes().stream().map(n -> n.id().equals(id) ? how.apply(n) : n).toList();
        return withNodes(scenario, nodes, scenario.edges());
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... whichever no node uses yet. */
    static String uniqueId(List<ScenarioNode> nodes, String base) {
        String stem = base.replaceFirst("-\\d+$", "");
        Set<String> used = new HashSet<>();
        nodes.forEach(n -> used.add(n.id()));
        if (!used.contains(base)) {
            return base;
        }
        int n = 2;
        while (used.contains(stem + "-" + n)) {
            n++;
        }
        return stem + "-" + n;
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "node" : slug;
    }
}
