package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * Switching a scenario to other data: every column the scenario's nodes name that the new table
 * lacks, with a proposed match among the new table's columns — the most similar name (edit distance
 * on the name without case, spaces or punctuation) among the columns of the kind the parameter needs
 * (a covariate shift needs numbers, a category mix text) — and the one rewrite that applies the
 * matches the user keeps. Pure: no toolkit.
 */
public final class ColumnRemap {

    /** Below this similarity (1 = same name) no match is proposed. */
    static final double MIN_SIMILARITY = 0.4;

    /**
     * A column the scenario names that the new data lacks: the nodes naming it, the kind they need
     * ({@code null}: any), the new columns of that kind and the proposed one ({@code null}: none close).
     */
    public record Missing(String column, List<String> nodes, ValueKind kind, List<String> choices, String proposed) {
        public Missing {
            nodes = List.copyOf(nodes);
            choices = List.copyOf(choices);
        }
    }

    private ColumnRemap() {
    }

    /** The columns {@code scenario} names that {@code columns} (name to kind) lacks, in the order first named. */
    public static List<Missing> missing(Scenario scenario, Map<String, ValueKind> columns) {
        Map<String, List<String>> namedBy = new LinkedHashMap<>();
        Map<String, ValueKind> needs = new LinkedHashMap<>();
        for (ScenarioNode node : scenario.nodes()) {
            var type = NodeCatalog.find(node.type()).orElse(null);
            if (type == null) {
                continue;
            }
            for (NodeType.ParamSpec spec : type.params()) {
                for (String name : named(node.params().get(spec.name()), spec.kind())) {
                    if (!columns.containsKey(name)) {
                        namedBy.computeIfAbsent(name, n -> new ArrayList<>()).add(node.id());
                        ValueKind kind = kindNeeded(node.type(), spec.name());
                        if (kind != null) {
                            needs.put(name, kind);
                        }
                    }
                }
            }
        }
        List<Missing> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : namedBy.entrySet()) {
            ValueKind kind = needs.get(entry.getKey());
            List<String> choices = columns.entrySet().stream().filter(c -> kind == null || c.getValue() == kind)
                    .map(Map.Entry::getKey).toList();
            out.add(new Missing(entry.getKey(), new ArrayList<>(new LinkedHashSet<>(entry.getValue())), kind, choices,
                    closest(entry.getKey(), choices)));
        }
        return out;
    }

    /** {@code scenario} with every column of {@code renames} (old to new name) renamed in every column parameter. */
    public static Scenario apply(Scenario scenario, Map<String, String> renames) {
        List<ScenarioNode> nodes = new ArrayList<>();
        for (ScenarioNode node : scenario.nodes()) {
            var type = NodeCatalog.find(node.type()).orElse(null);
            Map<String, Object> params = new LinkedHashMap<>(node.params());
            if (type != null) {
                for (NodeType.ParamSpec spec : type.params()) {
                    Object value = params.get(spec.name());
                    if (spec.kind() == NodeType.ParamSpec.Kind.COLUMN && value instanceof String name) {
                        params.put(spec.name(), renames.getOrDefault(name, name));
                    } else if (spec.kind() == NodeType.ParamSpec.Kind.COLUMNS && value instanceof List<?> list) {
                        Set<String> renamed = new LinkedHashSet<>();
                        list.forEach(item -> renamed.add(renames.getOrDefault(String.valueOf(item), String.valueOf(item))));
                        params.put(spec.name(), List.copyOf(renamed));
                    }
                }
            }
            nodes.add(new ScenarioNode(node.id(), node.type(), params, node.x(), node.y()));
        }
        return new Scenario(scenario.name(), scenario.description(), scenario.seed(), nodes, scenario.edges());
    }

    private static List<String> named(Object value, NodeType.ParamSpec.Kind kind) {
        if (kind == NodeType.ParamSpec.Kind.COLUMN && value instanceof String name && !name.isBlank()) {
            return List.of(name);
        }
        if (kind == NodeType.ParamSpec.Kind.COLUMNS && value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** The kind a node's column parameter needs: numbers for the numeric perturbations, text for categories. */
    static ValueKind kindNeeded(String type, String param) {
        return switch (type) {
            case NodeCatalog.COVARIATE_SHIFT, NodeCatalog.CONCEPT_DRIFT, NodeCatalog.GAUSSIAN_NOISE,
                 NodeCatalog.SCALE_BUG, NodeCatalog.OUTLIERS -> ValueKind.NUMBER;
            case NodeCatalog.POISONING -> "trigger_column".equals(param) ? ValueKind.NUMBER : null;
            case NodeCatalog.CATEGORY_MIX -> ValueKind.TEXT;
            default -> null;
        };
    }

    /** The choice most similar to {@code name}, or null when none reaches {@link #MIN_SIMILARITY}. */
    static String closest(String name, List<String> choices) {
        String best = null;
        double bestScore = MIN_SIMILARITY;
        for (String choice : choices) {
            double score = similarity(name, choice);
            if (score >= bestScore && (best == null || score > bestScore)) {
                best = choice;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * 1 − edit distance / longer length, on names lower-cased without spaces and punctuation; a name
     * that contains the other whole scores at least 0.8 ("tenure" and "tenure_months").
     */
    static double similarity(String a, String b) {
        String x = plain(a);
        String y = plain(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double edits = 1 - (double) distance(x, y) / Math.max(x.length(), y.length());
        boolean contains = Math.min(x.length(), y.length()) >= 3 && (x.contains(y) || y.contains(x));
        return contains ? Math.max(0.8, edits) : edits;
    }

    private static String plain(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Levenshtein's edit distance ({@link org.twinbench.data.EditDistance}). */
    static int distance(String a, String b) {
        return org.twinbench.data.EditDistance.of(a, b);
    }
}
