package org.twinbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.twinbench.stats.Baseline;

/**
 * A {@link Baseline} as JSON, the same in a model card, {@code train --json} and {@code metrics --json}:
 * {@code {"kind": "majority", "class": "no", "accuracy": …}} or {@code {"kind": "mean", "mean": 152.1,
 * "mae": …, "rmse": …}}; an undefined metric is left out.
 */
public final class BaselineJson {

    private BaselineJson() {
    }

    public static void put(ObjectNode node, Baseline baseline) {
        node.put("kind", baseline.kind());
        if (baseline.kind().equals(Baseline.MEAN)) {
            node.put("mean", baseline.value());
        } else {
            node.put("class", baseline.answer());
        }
        baseline.metrics().forEach((name, value) -> {
            if (!Double.isNaN(value)) {
                node.put(name, value);
            }
        });
    }

    static Baseline read(JsonNode node, String where) {
        if (!node.isObject() || !node.path("kind").isTextual()) {
            throw new ModelException(where + ": field 'baseline' must be an object with a 'kind'");
        }
        String kind = node.get("kind").asText();
        boolean mean = kind.equals(Baseline.MEAN);
        if (!mean && !kind.equals(Baseline.MAJORITY)) {
            throw new ModelException(where + ": field 'baseline.kind' is '" + kind + "'; expected 'majority' or 'mean'");
        }
        JsonNode answer = node.get(mean ? "mean" : "class");
        if (answer == null || (mean ? !answer.isNumber() : !answer.isTextual())) {
            throw new ModelException(where + ": field 'baseline." + (mean ? "mean' must be a number" : "class' must be text"));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (!key.equals("kind") && !key.equals("class") && !key.equals("mean")) {
                if (!entry.getValue().isNumber()) {
                    throw new ModelException(where + ": field 'baseline." + key + "' must be a number");
                }
                metrics.put(key, entry.getValue().asDouble());
            }
        }
        return new Baseline(kind, mean ? String.format(java.util.Locale.ROOT, "%.6g", answer.asDouble()) : answer.asText(),
                mean ? answer.asDouble() : Double.NaN, metrics);
    }
}
