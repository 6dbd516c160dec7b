package org.twinbench.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * Layered ("Sugiyama-style", without crossing reduction) layout: a node's column is the length of
 * the longest path reaching it from a node without inputs; nodes of one column are stacked in file
 * order. Columns and rows are spaced wider than a node card, so cards never overlap.
 */
public final class AutoLayout {

    public static final double COLUMN_WIDTH = 240;
    public static final double ROW_HEIGHT = 150;
    public static final double MARGIN = 40;

    private AutoLayout() {
    }

    /** Whether some node has no position yet (a file written by hand or by another tool). */
    public static boolean needed(Scenario scenario) {
        return scenario.nodes().stream().anyMatch(n -> Double.isNaN(n.x()) || Double.isNaN(n.y()));
    }

    public static Map<String, double[]> positions(Scenario scenario) {
        Map<String, Integer> column = new HashMap<>();
        scenario.nodes().forEach(n -> column.put(n.id(), 0));
        // Longest path by relaxation; at most n rounds, so a cycle (which validation reports) cannot hang.
        for (int round = 0; round < scenario.nodes().size(); round++) {
            boolean changed = false;
            for (ScenarioEdge edge : scenario.edges()) {
                Integer from = column.get(edge.from());
                Integer to = column.get(edge.to());
                if (from != null && to != null && to < from + 1) {
                    column.put(edge.to(), from + 1);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        Map<Integer, List<ScenarioNode>> byColumn = new LinkedHashMap<>();
        for (ScenarioNode node : scenario.nodes()) {
            byColumn.computeIfAbsent(column.get(node.id()), c -> new ArrayList<>()).add(node);
        }
        int tallest = byColumn.values().stream().mapToInt(List::size).max().orElse(1);
        Map<String, double[]> positions = new HashMap<>();
        byColumn.forEach((col, nodes) -> {
            // Centre shorter columns against the tallest one so chains read as straight lines.
            double top = MARGIN + (tallest - nodes.size()) * ROW_HEIGHT / 2;
            for (int row = 0; row < nodes.size(); row++) {
                positions.put(nodes.get(row).id(), new double[] {MARGIN + col * COLUMN_WIDTH, top + row * ROW_HEIGHT});
            }
        });
        return positions;
    }

    public static Scenario apply(Scenario scenario) {
        return GraphEdits.place(scenario, positions(scenario));
    }
}
