package org.twinbench.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.scenario.ScenarioException;

/**
 * The grid of a sweep: each parameter ({@code node.param}, or {@code node.param.key} inside an object
 * parameter such as a schedule) with the values it takes, in order. The one reader of grids, shared
 * by the {@code run --sweep} and {@code sweep --grid} commands, the window's sweep export and the
 * Spark build (which runs the {@code sweep} command); bad input is a {@link ScenarioException} whose
 * message names the file or the option.
 *
 * @param axes parameter to its values: whole numbers as {@code Long}, other numbers as {@code Double},
 *     {@code Boolean}, or text
 */
public record SweepGrid(Map<String, List<Object>> axes) {


    public SweepGrid {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        axes.forEach((parameter, values) -> copy.put(parameter, List.copyOf(values)));
        axes = Collections.unmodifiableMap(copy);
    }

    /** Every combination of the axes' values, the first axis varying slowest. */
    public List<Map<String, Object>> points() {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> more = new LinkedHashMap<>(point);
                    more.put(axis.getKey(), value);
                    next.add(more);
                }
            }
            points = next;
        }
        return points;
    }

    /**
     * Reads a {@code grid.json}: {@code {"node.param": [v1, v2, ...], ...}}; numbers without a
     * fraction become whole numbers.
     */
    public static SweepGrid read(Path file) {
        // Bounded like every JSON file TwinBench reads: depth, number length, size, one document.
        JsonNode root = org.twinbench.data.StrictJson.read(file, 16L << 20, ScenarioException::new);
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new ScenarioException(file + ": write a JSON object of parameters to value lists, e.g. "
                    + "{\"recession.scale\": [0.9, 0.7]}");
        }
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> axis : root.properties()) {
            JsonNode values = axis.getValue();
            if (!values.isArray() || values.isEmpty()) {
                throw new ScenarioException(file + ": parameter '" + axis.getKey() + "': write a non-empty list of values");
            }
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (v.isIntegralNumber()) {
                    list.add(v.longValue());
                } else if (v.isNumber()) {
                    list.add(v.doubleValue());
                } else if (v.isBoolean()) {
                    list.add(v.booleanValue());
                } else if (v.isTextual()) {
                    list.add(v.textValue());
                } else {
                    throw new ScenarioException(file + ": parameter '" + axis.getKey() + "', value " + (i + 1)
                            + ": write a number, true/false or text, not " + v);
                }
            }
            axes.put(axis.getKey(), list);
        }
        return new SweepGrid(axes);
    }

    /**
     * The grid of the {@code run} command's {@code --sweep NODE.PARAM=V1,V2,...} options, one axis
     * each, in the order given.
     */
    public static SweepGrid ofOptions(List<String> options) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            List<Object> values = eq <= 0 ? List.of() : values(option.substring(eq + 1));
            if (values.isEmpty()) {
                throw new ScenarioException("--sweep '" + option + "': write NODE.PARAM=V1,V2,..., e.g. "
                        + "recession.scale=0.9,0.7");
            }
            axes.put(option.substring(0, eq).strip(), values);
        }
        return new SweepGrid(axes);
    }

    /** The grid of one parameter and its values typed as {@code 0.9, 0.7, 0.5} (the window's sweep export). */
    public static SweepGrid ofParameter(String parameter, String values) {
        List<Object> list = values(values == null ? "" : values);
        if (parameter == null || parameter.isBlank() || list.isEmpty()) {
            throw new ScenarioException("choose a parameter and type its values (e.g. 0.9, 0.7), or use a grid.json");
        }
        return new SweepGrid(Map.of(parameter.strip(), list));
    }

    /** Values typed as {@code 0.9, 0.7; 5} (separated by commas or semicolons), each read by {@link #value}; blanks skipped. */
    public static List<Object> values(String text) {
        List<Object> values = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            if (!part.isBlank()) {
                values.add(value(part));
            }
        }
        return values;
    }

    /** A value as typed: a whole number, a number, true/false, or text. */
    public static Object value(String text) {
        String t = text.strip();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException notWhole) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException notNumber) {
                return t;
            }
        }
    }
}
