package org.twinbench.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.ScenarioCheck;

/**
 * The validator's findings sorted by where the canvas shows them: per node, per edge, and for the
 * scenario as a whole. Reads the validator's "node &lt;id&gt;: ..." lines, and the lines of a
 * {@link ScenarioCheck} against the data and models ("node &lt;id&gt; (&lt;type&gt;) parameter p: ...").
 */
public record ScenarioProblems(List<String> all, Map<String, List<String>> byNode,
                               Map<ScenarioEdge, String> byEdge, List<String> general) {

    public static final ScenarioProblems NONE = new ScenarioProblems(List.of(), Map.of(), Map.of(), List.of());

    private static final Pattern LINE = Pattern.compile("node (\\S+?|\\(scenario\\))(?: \\([^)\\s]+\\))?: (.*)");
    private static final Pattern CHECKED = Pattern.compile("node (\\S+?) \\([^)\\s]+\\) (parameter \\S+: .*)");
    private static final Pattern EDGE = Pattern.compile("cannot take an edge from (\\S+?): (.*)");

    public static ScenarioProblems of(Scenario scenario) {
        return of(ScenarioValidator.problems(scenario));
    }

    /**
     * The problems of a check against the data and models; when the scenario has changed since (the check
     * is still running) the validator's findings of the scenario as it is now.
     */
    public static ScenarioProblems of(Scenario scenario, ScenarioChecking.Checked checked) {
        if (checked == null) {
            return of(scenario);
        }
        if (checked.scenario().equals(scenario)) {
            return of(checked.report().lines());
        }
        // The check of this version is under way: the validator's findings now, and what the last check found
        // against the data for nodes still there, so that markers do not blink while the user types.
        List<String> lines = new ArrayList<>(ScenarioValidator.problems(scenario));
        for (ScenarioCheck.Problem problem : checked.report().problems()) {
            if (problem.message().startsWith("node " + problem.node() + " (") && scenario.node(problem.node()).isPresent()
                    && !lines.contains(problem.message())) {
                lines.add(problem.message());
            }
        }
        return of(lines);
    }

    private static ScenarioProblems of(List<String> all) {
        Map<String, List<String>> byNode = new HashMap<>();
        Map<ScenarioEdge, String> byEdge = new HashMap<>();
        List<String> general = new ArrayList<>();
        for (String line : all) {
            Matcher checkedLine = CHECKED.matcher(line);
            if (checkedLine.matches()) {
                byNode.computeIfAbsent(checkedLine.group(1), id -> new ArrayList<>()).add(checkedLine.group(2));
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches() || m.group(1).equals("(scenario)")) {
                general.add(m.matches() ? m.group(2) : line);
                continue;
            }
            Matcher edge = EDGE.matcher(m.group(2));
            if (edge.matches()) {
                byEdge.put(new ScenarioEdge(edge.group(1), m.group(1)), edge.group(2));
            } else {
                byNode.computeIfAbsent(m.group(1), id -> new ArrayList<>()).add(m.group(2));
            }
        }
        return new ScenarioProblems(List.copyOf(all), Map.copyOf(byNode), Map.copyOf(byEdge), List.copyOf(general));
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /**
     * The problems of the graph as a whole, which no single card can show: the scenario-level ones
     * ("needs a model node") and a cycle, each with the nodes it is about (to select when clicked).
     */
    public List<Finding> scenarioWide(Scenario scenario) {
        List<Finding> found = new ArrayList<>();
        for (String problem : general) {
            List<String> about = problem.startsWith("needs exactly one source node")
                    ? scenario.nodesOfKind("source.").stream().map(ScenarioNode::id).toList() : List.of();
            found.add(new Finding(problem, about));
        }
        byNode.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> entry.getValue().stream()
                .filter(problem -> problem.contains("part of a cycle"))
                .forEach(problem -> found.add(new Finding(entry.getKey() + " " + problem, List.of(entry.getKey())))));
        return found;
    }

    /** A problem of the whole graph and the nodes to show for it (none for "needs a model node"). */
    public record Finding(String message, List<String> nodes) {
        public Finding {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * The problems of one parameter of a node ("parameter 'scale' must be a number ...", "parameter column:
     * the data has no column ...").
     */
    public List<String> ofParam(String nodeId, String param) {
        return byNode.getOrDefault(nodeId, List.of()).stream()
                .filter(p -> p.startsWith("parameter '" + param + "'") || p.startsWith("parameter " + param + ":"))
                .toList();
    }

    /**
     * A parameter's problem as the inspector says it under the field the parameter's name already heads:
     * without the "parameter column:" of the command line ({@code "region" is text; Covariate shift needs a
     * numeric column}); "parameter 'scale' must be …" keeps the name ("scale must be …").
     */
    public static String underField(String problem, String param) {
        String colon = "parameter " + param + ": ";
        if (problem.startsWith(colon)) {
            return problem.substring(colon.length());
        }
        String quoted = "parameter '" + param + "' ";
        return problem.startsWith(quoted) ? param + " " + problem.substring(quoted.length()) : problem;
    }

    /**
     * A node's problem as the inspector lists it: "column: …" and "scale must be …" rather than the
     * command line's "parameter column: …" and "parameter 'scale' must be …".
     */
    public static String plain(String problem) {
        java.util.regex.Matcher colon = java.util.regex.Pattern.compile("^parameter (\\S+): ").matcher(problem);
        if (colon.find()) {
            return colon.group(1) + ": " + problem.substring(colon.end());
        }
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("^parameter '([^']*)' ").matcher(problem);
        return quoted.find() ? quoted.group(1) + " " + problem.substring(quoted.end()) : problem;
    }

    /** The problems of one node, as its card and the inspector list them. */
    public List<String> ofNode(String nodeId) {
        return byNode.getOrDefault(nodeId, List.of());
    }
}
