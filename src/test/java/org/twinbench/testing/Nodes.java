package org.twinbench.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.twinbench.scenario.ScenarioNode;

/** Scenario nodes for tests, written as an id, a type and key-value pairs of parameters. */
public final class Nodes {

    private Nodes() {
    }

    /** A node at (0, 0) with the parameters {@code key1, value1, key2, value2, ...}. */
    public static ScenarioNode node(String id, String type, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new ScenarioNode(id, type, params, 0, 0);
    }
}
