package org.twinbench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the scenario graph: its id (unique in the scenario), its catalog type, its parameters
 * (JSON values: strings, numbers, booleans, lists, maps) and its position on the canvas.
 *
 * <p>A parameter is read with the default the {@link NodeCatalog} states for the node's type
 * ({@link #string(String)}, {@link #number(String)}, {@link #integer(String)}, {@link #flag(String)}),
 * so a default is written once; the forms with a fallback are for parameters the catalog gives no
 * default (e.g. an open bound), and a test checks that no reader restates a catalog default.
 */
public record ScenarioNode(String id, String type, Map<String, Object> params, double x, double y) {

    public ScenarioNode {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public ScenarioNode withParam(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return new ScenarioNode(id, type, copy, x, y);
    }

    /** The text parameter, or its catalog default (null when the catalog states none). */
    public String string(String key) {
        Object fallback = catalogDefault(key);
        return string(key, fallback == null ? null : fallback.toString());
    }

    /** The number parameter, or its catalog default; absent without a catalog default, it is required. */
    public double number(String key) {
        return number(key, catalogNumber(key).doubleValue());
    }

    /** The whole-number parameter, or its catalog default; absent without a catalog default, it is required. */
    public int integer(String key) {
        return integer(key, catalogNumber(key).intValue());
    }

    /** The true/false parameter, or its catalog default; absent without a catalog default, it is required. */
    public boolean flag(String key) {
        Object fallback = catalogDefault(key);
        if (params.get(key) == null && !(fallback instanceof Boolean)) {
            throw problem(key, "is required");
        }
        return flag(key, Boolean.TRUE.equals(fallback));
    }

    private Number catalogNumber(String key) {
        Object fallback = catalogDefault(key);
        if (fallback instanceof Number number) {
            return number;
        }
        if (params.get(key) == null) {
            throw problem(key, "is required");
        }
        return 0; // not used: the parameter is set
    }

    /**
     * The default the catalog states for this node's type; reading a parameter the catalog does not
     * declare for the type is a programming error, caught by the tests.
     */
    private Object catalogDefault(String key) {
        NodeType nodeType = NodeCatalog.find(type)
                .orElseThrow(() -> new ScenarioException("node " + id + ": unknown node type '" + type + "'"));
        return nodeType.param(key).orElseThrow(() -> new IllegalStateException("node type " + type
                + " declares no parameter '" + key + "' in the node catalog")).defaultValue();
    }

    public String string(String key, String fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw problem(key, "must be text");
        }
        return value.toString();
    }

    public String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw problem(key, "is required");
        }
        return value;
    }

    public double number(String key, double fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw problem(key, "must be a number, not '" + value + "'");
    }

    public int integer(String key, int fallback) {
        double value = number(key, fallback);
        if (value != Math.rint(value)) {
            throw problem(key, "must be a whole number, not " + value);
        }
        return (int) value;
    }

    public boolean flag(String key, boolean fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw problem(key, "must be true or false");
    }

    public List<String> strings(String key) {
        Object value = params.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                out.add(String.valueOf(item));
            }
            return out;
        }
        if (value instanceof String text) {
            List<String> out = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
        throw problem(key, "must be a list of names");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object value = params.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw problem(key, "must be an object");
    }

    public ScenarioException problem(String key, String what) {
        return new ScenarioException("node " + id + ": parameter '" + key + "' " + what);
    }
}
