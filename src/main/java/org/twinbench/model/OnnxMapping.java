package org.twinbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.StrictJson;

/**
 * The sidecar {@code MODEL.onnx.json} of an ONNX model, every field optional:
 * <pre>{"format": "twinbench.onnx-mapping", "version": 1, "target": "defaulted", "positive_label": "yes",
 *  "output": "probability", "training_data_sha256": "...",
 *  "inputs": {"float_input": ["income", "age"], "dti": ["debt_to_income"]}}</pre>
 * {@code inputs} maps a model input to the columns that fill it, in order.
 */
record OnnxMapping(String target, String positiveLabel, String output, String trainingDataSha256,
                   Map<String, List<String>> inputs) {

    static final long MAX_BYTES = 1 << 20;

    static OnnxMapping read(Path sidecar) {
        if (!Files.exists(sidecar)) {
            return new OnnxMapping("", "1", null, "", Map.of());
        }
        JsonNode root = StrictJson.read(sidecar, MAX_BYTES, ModelException::new);
        if (!root.isObject()) {
            throw new ModelException(sidecar + ": must be a JSON object");
        }
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        JsonNode node = root.get("inputs");
        if (node != null) {
            if (!node.isObject()) {
                throw new ModelException(sidecar + ": field 'inputs' must map input names to lists of columns");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                List<String> columns = new ArrayList<>();
                if (!entry.getValue().isArray()) {
                    throw new ModelException(sidecar + ": field 'inputs." + entry.getKey() + "' must be a list of columns");
                }
                entry.getValue().forEach(c -> columns.add(c.asText()));
                inputs.put(entry.getKey(), columns);
            }
        }
        return new OnnxMapping(text(root, "target", ""), text(root, "positive_label", "1"), text(root, "output", null),
                text(root, "training_data_sha256", ""), inputs);
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
