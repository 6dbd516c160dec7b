package org.twinbench.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.StrictJson;

/**
 * The {@code *.twin.json} format: {@code {"format": "twinbench.scenario", "version": N, "seed": ...,
 * "nodes": [...], "edges": [...]}}. Files of a newer version than {@link #VERSION} are refused;
 * older versions are migrated on reading.
 *
 * <p>A node is {@code {"id", "type", "params", "x", "y"}}; its parameters are those of its type in
 * {@link NodeCatalog} (name, kind, default, range, allowed values). For example a dataset source that
 * draws every production row once before any repeats (epochs of a seeded shuffle):
 * <pre>{@code
 * {"id": "loans", "type": "source.dataset",
 *  "params": {"path": "loans.csv", "batch_size": 500, "steps": 60, "sampling": "epochs"}}
 * }</pre>
 * {@code sampling} is one of {@code with-replacement}, {@code per-step} (no row twice within a
 * step) and {@code epochs}; without it the older boolean {@code replace} decides between the first
 * two, and a {@code time_column} replays rows in time order instead.
 */
public final class ScenarioFormat {

    public static final String FORMAT = "twinbench.scenario";
    public static final int VERSION = 1;

    /** The largest scenario file read: a 500-node scenario takes about 150 KB. */
    public static final long MAX_BYTES = 16L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioFormat() {
    }

    /** Reads a scenario file: a regular file of at most {@value #MAX_BYTES} bytes holding one JSON document. */
    public static Scenario read(Path file) {
        return parse(StrictJson.read(file, MAX_BYTES, ScenarioException::new), file.toString());
    }

    /** Parses a scenario's text (limits and strictness of {@link StrictJson}); {@code source} names it in messages. */
    public static Scenario parse(String text, String source) {
        return parse(StrictJson.parse(text.getBytes(StandardCharsets.UTF_8), MAX_BYTES, source, ScenarioException::new),
                source);
    }

    private static Scenario parse(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new ScenarioException(source + ": a scenario must be a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ScenarioException(source + ": not a TwinBench scenario (\"format\" must be \"" + FORMAT + "\")");
        }
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.canConvertToInt()) {
            throw new ScenarioException(source + ": \"version\" must be a whole number");
        }
        int version = versionNode.asInt();
        if (version > VERSION) {
            throw new ScenarioException(source + ": scenario format version " + version
                    + " is newer than this TwinBench understands (" + VERSION + "); please update TwinBench");
        }
        if (version < 1) {
            throw new ScenarioException(source + ": unknown scenario format version " + version);
        }
        List<ScenarioNode> nodes = new ArrayList<>();
        JsonNode nodeArray = root.path("nodes");
        if (!nodeArray.isArray()) {
            throw new ScenarioException(source + ": \"nodes\" must be a list");
        }
        int index = 0;
        for (JsonNode node : nodeArray) {
            String where = source + ": nodes[" + index + "]";
            if (!node.isObject()) {
                throw new ScenarioException(where + ": must be an object");
            }
            String id = node.path("id").asText("");
            String type = node.path("type").asText("");
            if (id.isBlank()) {
                throw new ScenarioException(where + ": \"id\" is missing");
            }
            if (type.isBlank()) {
                throw new ScenarioException(source + ": node " + id + ": \"type\" is missing");
            }
            JsonNode params = node.path("params");
            if (!params.isMissingNode() && !params.isObject()) {
                throw new ScenarioException(source + ": node " + id + ": \"params\" must be an object");
            }
            nodes.add(new ScenarioNode(id, type, toMap(params), node.path("x").asDouble(Double.NaN),
                    node.path("y").asDouble(Double.NaN)));
            index++;
        }
        List<ScenarioEdge> edges = new ArrayList<>();
        JsonNode edgeArray = root.path("edges");
        if (!edgeArray.isMissingNode() && !edgeArray.isArray()) {
            throw new ScenarioException(source + ": \"edges\" must be a list");
        }
        for (JsonNode edge : edgeArray) {
            String from = edge.path("from").asText("");
            String to = edge.path("to").asText("");
            if (from.isBlank() || to.isBlank()) {
                throw new ScenarioException(source + ": every edge needs \"from\" and \"to\"");
            }
            edges.add(new ScenarioEdge(from, to));
        }
        JsonNode seed = root.path("seed");
        if (!seed.isMissingNode() && !seed.canConvertToLong()) {
            throw new ScenarioException(source + ": \"seed\" must be a whole number");
        }
        return new Scenario(root.path("name").asText(""), root.path("description").asText(""),
                seed.asLong(1L), nodes, edges);
    }

    public static String toJson(Scenario scenario) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", scenario.name());
        root.put("description", scenario.description());
        root.put("seed", scenario.seed());
        ArrayNode nodes = root.putArray("nodes");
        for (ScenarioNode node : scenario.nodes()) {
            ObjectNode out = nodes.addObject();
            out.put("id", node.id());
            out.put("type", node.type());
            out.set("params", MAPPER.valueToTree(node.params()));
            if (!Double.isNaN(node.x())) {
                out.put("x", node.x());
                out.put("y", node.y());
            }
        }
        ArrayNode edges = root.putArray("edges");
        for (ScenarioEdge edge : scenario.edges()) {
            edges.addObject().put("from", edge.from()).put("to", edge.to());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario always serialises", e);
        }
    }

    private static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (object == null || !object.isObject()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.put(field.getKey(), toValue(field.getValue()));
        }
        return out;
    }

    private static Object toValue(JsonNode node) {
        if (node.isObject()) {
            return toMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toValue(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }
}
