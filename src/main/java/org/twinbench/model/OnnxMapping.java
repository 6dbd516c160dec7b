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
import org.twinbench.data.Task;

/**
 * The sidecar {@code MODEL.onnx.json} of an ONNX model, every field optional:
 * <pre>{"format": "twinbench.onnx-mapping", "version": 1, "target": "defaulted", "positive_label": "yes",
 *  "positive_class": "1", "classes": ["no", "yes"], "task": "binary", "output": "probability",
 *  "training_data_sha256": "...", "inputs": {"float_input": ["income", "age"], "dti": ["debt_to_income"]}}</pre>
 * {@code inputs} maps a model input to the columns that fill it, in order. {@code positive_class} is the
 * model's class whose probability is the score, {@code positive_label} the target's value that is the
 * positive outcome, {@code classes} the target's values of the model's classes in the model's order.
 * A field left out is null here ({@code inputs}: empty).
 */
record OnnxMapping(Path file, String target, String positiveLabel, String positiveClass, List<String> classes,
                   Task task, String output, String trainingDataSha256, Map<String, List<String>> inputs) {

    static final long MAX_BYTES = 1 << 20;

    static OnnxMapping read(Path sidecar) {
        if (!Files.exists(sidecar)) {
            return new OnnxMapping(sidecar, "", null, null, null, null, null, "", Map.of());
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
                inputs.put(entry.getKey(), texts(entry.getValue(), sidecar, "inputs." + entry.getKey(), "columns"));
            }
        }
        JsonNode classes = root.get("classes");
        Task task = null;
        String taskName = text(root, "task", null);
        if (taskName != null) {
            try {
                task = Task.named(taskName);
            } catch (IllegalArgumentException e) {
                throw new ModelException(sidecar + ": field 'task': " + e.getMessage().replace("auto, ", ""));
            }
        }
        return new OnnxMapping(sidecar, text(root, "target", ""), text(root, "positive_label", null),
                text(root, "positive_class", null),
                classes == null || classes.isNull() ? null : texts(classes, sidecar, "classes", "class names"),
                task, text(root, "output", null), text(root, "training_data_sha256", ""), inputs);
    }

    private static List<String> texts(JsonNode node, Path sidecar, String field, String what) {
        if (!node.isArray()) {
            throw new ModelException(sidecar + ": field '" + field + "' must be a list of " + what);
        }
        List<String> out = new ArrayList<>();
        node.forEach(c -> out.add(c.asText()));
        return List.copyOf(out);
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    /** The sidecar's file name, as messages name it. */
    String name() {
        return file.getFileName().toString();
    }
}
