package org.twinbench.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a scenario's structure and parameters without loading data. Every problem is one line
 * naming the node: {@code node <id>: <what is wrong>}.
 */
public final class ScenarioValidator {

    private ScenarioValidator() {
    }

    public static List<String> problems(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ScenarioNode node : scenario.nodes()) {
            if (!ids.add(node.id())) {
                problems.add("node " + node.id() + ": the id is used by more than one node");
            }
            NodeType type = NodeCatalog.find(node.type()).orElse(null);
            if (type == null) {
                problems.add("node " + node.id() + ": unknown node type '" + node.type() + "'");
                continue;
            }
            for (NodeType.ParamSpec spec : type.params()) {
                if (spec.required() && node.params().get(spec.name()) == null) {
                    problems.add("node " + node.id() + ": parameter '" + spec.name() + "' is required");
                }
            }
            for (String key : node.params().keySet()) {
                if (type.params().stream().noneMatch(p -> p.name().equals(key))) {
                    problems.add("node " + node.id() + ": unknown parameter '" + key + "' for " + type.title());
                }
            }
            try {
                checkValues(node, type);
            } catch (ScenarioException e) {
                problems.add(e.getMessage());
            }
        }
        for (ScenarioEdge edge : scenario.edges()) {
            if (!ids.contains(edge.from())) {
                problems.add("node " + edge.to() + ": has an edge from unknown node '" + edge.from() + "'");
            }
            if (!ids.contains(edge.to())) {
                problems.add("node " + edge.from() + ": has an edge to unknown node '" + edge.to() + "'");
            }
            if (ids.contains(edge.from()) && ids.contains(edge.to())) {
                String fromType = scenario.node(edge.from()).orElseThrow().type();
                String toType = scenario.node(edge.to()).orElseThrow().type();
                if (NodeCatalog.find(fromType).isPresent() && NodeCatalog.find(toType).isPresent()) {
                    NodeCatalog.connectionProblem(fromType, toType).ifPresent(why ->
                            problems.add("node " + edge.to() + ": cannot take an edge from " + edge.from() + ": " + why));
                }
            }
        }
        if (scenario.nodesOfKind("source.").size() != 1) {
            problems.add("node (scenario): needs exactly one source node, found " + scenario.nodesOfKind("source.").size());
        }
        if (scenario.modelNodes().isEmpty()) {
            problems.add("node (scenario): needs a model node");
        } else if (scenario.modelNodes().size() > 1) {
            problems.add("node " + scenario.modelNodes().get(1).id() + ": a scenario takes one model node; "
                    + scenario.modelNodes().get(0).id() + " is already its model");
        }
        for (String single : java.util.List.of(NodeCatalog.LABEL_DELAY, NodeCatalog.DEPLOYMENT, NodeCatalog.CHALLENGER)) {
            List<ScenarioNode> nodes = scenario.nodesOfKind(single);
            if (nodes.size() > 1) {
                problems.add("node " + nodes.get(1).id() + ": a scenario takes at most one "
                        + NodeCatalog.find(single).orElseThrow().title() + " node");
            }
        }
        if (problems.isEmpty()) {
            try {
                scenario.topologicalOrder();
            } catch (ScenarioException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private static void checkValues(ScenarioNode node, NodeType type) {
        for (NodeType.ParamSpec spec : type.params()) {
            switch (spec.kind()) {
                case NUMBER -> checkRange(node, spec, node.number(spec.name(), Double.NaN));
                case INTEGER -> {
                    node.integer(spec.name(), 0); // a whole number
                    checkRange(node, spec, node.number(spec.name(), Double.NaN));
                }
                case BOOLEAN -> node.flag(spec.name(), false);
                case SCHEDULE -> Schedule.of(node);
                case COLUMNS -> node.strings(spec.name());
                default -> {
                    String value = node.string(spec.name(), null);
                    if (value != null && !spec.choices().isEmpty() && !spec.choices().contains(value)) {
                        throw node.problem(spec.name(), "is '" + value + "'; use one of " + spec.choices());
                    }
                    if (value != null && ScenarioFiles.isPath(spec) && value.indexOf('\0') >= 0) {
                        throw node.problem(spec.name(), "holds a NUL character; no file can be named so");
                    }
                }
            }
        }
        if (node.params().get("slice_value") != null && node.params().get("slice_column") == null) {
            throw node.problem("slice_value", "needs slice_column too");
        }
        if (node.params().get("reference_share") != null) {
            double share = node.number("reference_share");
            if (share <= 0 || share >= 1) {
                throw node.problem("reference_share", "must be between 0 and 1 (exclusive)");
            }
        }
    }

    private static void checkRange(ScenarioNode node, NodeType.ParamSpec spec, double value) {
        if (node.params().get(spec.name()) == null) {
            return;
        }
        // A whole number without a stated limit still has to fit the int every count is held in.
        Double max = spec.max() == null && spec.kind() == NodeType.ParamSpec.Kind.INTEGER
                ? Double.valueOf(Integer.MAX_VALUE) : spec.max();
        boolean finite = Double.isFinite(value);
        if (!finite || spec.min() != null && !(value >= spec.min()) || max != null && !(value <= max)) {
            String range = max == null && spec.min() == null ? "a finite number"
                    : max == null ? (finite ? "" : "a finite number ") + "at least " + plain(spec.min())
                    : spec.min() == null ? "at most " + plain(max)
                    : "between " + plain(spec.min()) + " and " + plain(max);
            throw node.problem(spec.name(), "must be " + range + ", not " + plain(value));
        }
    }

    private static String plain(double value) {
        return Limits.plain(value);
    }
}
