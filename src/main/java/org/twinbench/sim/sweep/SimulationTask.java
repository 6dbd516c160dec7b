package org.twinbench.sim.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;

/**
 * One replicate of one sweep point, described by plain data only (JSON-friendly: texts, numbers and
 * a map of parameter values), so the same task can be shipped to another machine and run there.
 *
 * @param scenarioJson the scenario as {@code *.twin.json} text
 * @param baseDir the folder relative data paths are resolved against
 * @param steps steps to run, or 0 for the scenario's own
 * @param overrides parameter values of the point: {@code node.param} (or {@code node.param.key} inside
 *     an object parameter such as a schedule) to value
 */
public record SimulationTask(String scenarioJson, String baseDir, long seed, int steps, int replicate,
                             Map<String, Object> overrides) implements java.io.Serializable {

    public SimulationTask {
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The scenario of this task: the JSON with the overrides applied and the seed set. */
    public Scenario scenario() {
        return apply(ScenarioFormat.parse(scenarioJson, "task"), overrides).withSeed(seed);
    }

    /** A scenario with parameter values replaced; a key naming no node is a {@link ScenarioException}. */
    public static Scenario apply(Scenario scenario, Map<String, Object> overrides) {
        Scenario out = scenario;
        for (Map.Entry<String, Object> entry : overrides.entrySet()) {
            String[] path = entry.getKey().split("\\.", 3);
            if (path.length < 2) {
                throw new ScenarioException("parameter '" + entry.getKey() + "': write node.param, e.g. recession.scale");
            }
            ScenarioNode node = out.node(path[0]).orElseThrow(() -> new ScenarioException(
                    "parameter '" + entry.getKey() + "': the scenario has no node '" + path[0] + "'"));
            Object value = entry.getValue();
            if (path.length == 3) {
                Map<String, Object> inner = new LinkedHashMap<>(node.map(path[1]));
                inner.put(path[2], value);
                value = inner;
            }
            out = out.withNode(node.withParam(path[1], value));
        }
        return out;
    }
}
