package org.twinbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.Task;

/**
 * {@code model.json} of a bundle: the model card and the encoding pipeline, written and read field
 * by field. Reading checks every field and names the first one that is wrong.
 */
final class ModelCardJson {

    /** What {@link #read} found. */
    record Parsed(ModelCard card, FeatureEncoder encoder, String binarySha256, String binaryClass) {
    }

    private ModelCardJson() {
    }

    static ObjectNode write(TaskModel model, String binarySha256, String binaryClass) {
        ModelCard card = model.card();
        FeatureEncoder encoder = TaskModels.encoder(model);
        ObjectNode root = ModelBundle.JSON.createObjectNode();
        root.put("format", ModelBundle.FORMAT);
        // A binary card stays version 1, readable by every TwinBench; the other tasks need version 2.
        root.put("version", card.task() == Task.BINARY ? 1 : ModelBundle.VERSION);
        root.put("algorithm", card.algorithm());
        if (card.task() != Task.BINARY) {
            root.put("task", card.task().id());
        }
        root.put("target", card.target());
        root.put("positive_label", card.positiveLabel());
        if (!card.classes().isEmpty()) {
            ArrayNode classes = root.putArray("classes");
            card.classes().forEach(classes::add);
        }
        ArrayNode features = root.putArray("features");
        for (FeatureEncoder.Feature feature : encoder.features()) {
            ObjectNode node = features.addObject();
            node.put("name", feature.name());
            if (feature instanceof FeatureEncoder.Numeric numeric) {
                node.put("type", "numeric");
                node.put("encoding", "standardised; missing becomes the mean");
                node.put("mean", numeric.mean());
                node.put("sd", numeric.sd());
            } else {
                node.put("type", "categorical");
                node.put("encoding", "one-hot; missing or unseen level becomes all zeros");
                ArrayNode levels = node.putArray("levels");
                ((FeatureEncoder.Categorical) feature).levels().forEach(levels::add);
            }
        }
        ObjectNode data = root.putObject("training_data");
        data.put("sha256", card.trainingDataSha256());
        data.put("rows", card.trainingRows());
        if (card.rowsChosen() != null) {
            data.put("rows_chosen", card.rowsChosen());
        }
        ObjectNode metrics = root.putObject("holdout_metrics");
        card.holdoutMetrics().forEach(metrics::put);
        if (card.holdoutRows() > 0) {
            root.put("holdout_rows", card.holdoutRows());
        }
        if (!card.holdoutIntervals().isEmpty()) {
            ObjectNode intervals = root.putObject("holdout_intervals");
            card.holdoutIntervals().forEach((name, interval) -> {
                ObjectNode bounds = intervals.putObject(name);
                bounds.put("lower", interval.lower());
                bounds.put("upper", interval.upper());
                bounds.put("method", "bootstrap");
            });
        }
        if (card.trainingSketch() != null) {
            ObjectNode sketch = root.putObject("training_rows_sketch");
            ArrayNode columns = sketch.putArray("columns");
            card.trainingSketch().columns().forEach(columns::add);
            ArrayNode hashes = sketch.putArray("hashes");
            for (long hash : card.trainingSketch().hashes()) {
                hashes.add(String.format("%016x", hash));
            }
        }
        if (card.baseline() != null) {
            BaselineJson.put(root.putObject("baseline"), card.baseline());
        }
        ObjectNode binary = root.putObject("binary");
        binary.put("entry", ModelBundle.BINARY_ENTRY);
        binary.put("class", binaryClass);
        binary.put("sha256", binarySha256);
        return root;
    }

    static Parsed read(JsonNode root, String where) {
        if (!root.isObject()) {
            throw new ModelException(where + ": not a JSON object");
        }
        String format = text(root, "format", where);
        if (!format.equals(ModelBundle.FORMAT)) {
            throw new ModelException(where + ": field 'format' is '" + format + "', not '" + ModelBundle.FORMAT + "'");
        }
        int version = integer(root, "version", where);
        if (version > ModelBundle.VERSION) {
            throw new ModelException(where + ": version " + version + " was written by a newer TwinBench (this one reads "
                    + ModelBundle.VERSION + ")");
        }
        String algorithm = text(root, "algorithm", where);
        // A bundle without a task (every bundle before tasks came) is a binary classifier.
        Task task;
        try {
            task = root.has("task") ? Task.named(text(root, "task", where)) : Task.BINARY;
        } catch (IllegalArgumentException e) {
            throw new ModelException(where + ": field 'task': " + e.getMessage(), e);
        }
        try {
            // A distilled tree student is no trainable algorithm, but a yes/no model its bundle can hold.
            if (!(task == Task.BINARY && TreeStudent.ALGORITHM.equals(algorithm))) {
                Algorithm.of(algorithm, task);
            }
        } catch (IllegalArgumentException e) {
            throw new ModelException(where + ": field 'algorithm': " + e.getMessage(), e);
        }
        List<String> classes = new ArrayList<>();
        if (task == Task.MULTICLASS) {
            JsonNode list = root.get("classes");
            if (list == null || !list.isArray() || list.size() < 3) {
                throw new ModelException(where + ": field 'classes' must list the three or more classes of a multiclass model");
            }
            for (JsonNode value : list) {
                if (!value.isTextual()) {
                    throw new ModelException(where + ": field 'classes' must be an array of text");
                }
                classes.add(value.asText());
            }
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            throw new ModelException(where + ": field 'features' must be a non-empty array");
        }
        List<FeatureEncoder.Feature> encoded = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            encoded.add(feature(features.get(i), where + ": features[" + i + "]"));
            names.add(encoded.get(i).name());
        }
        JsonNode data = object(root, "training_data", where);
        JsonNode binary = object(root, "binary", where);
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonNode metricNode = object(root, "holdout_metrics", where);
        for (Iterator<Map.Entry<String, JsonNode>> it = metricNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNumber()) {
                throw new ModelException(where + ": field 'holdout_metrics." + entry.getKey() + "' must be a number");
            }
            metrics.put(entry.getKey(), entry.getValue().asDouble());
        }
        ModelCard card = new ModelCard(algorithm, text(root, "target", where), text(root, "positive_label", where),
                names, text(data, "sha256", where + ": training_data"), integer(data, "rows", where + ": training_data"),
                metrics, task, classes, root.has("baseline") ? BaselineJson.read(root.get("baseline"), where) : null,
                // Bundles written before the holdout's size was recorded have none: not known.
                root.has("holdout_rows") ? integer(root, "holdout_rows", where) : 0,
                root.has("training_rows_sketch") ? sketch(root.get("training_rows_sketch"), where) : null,
                root.has("holdout_intervals") ? intervals(root.get("holdout_intervals"), where) : Map.of(),
                data.has("rows_chosen") ? text(data, "rows_chosen", where + ": training_data") : null);
        return new Parsed(card, new FeatureEncoder(encoded), text(binary, "sha256", where + ": binary"),
                text(binary, "class", where + ": binary"));
    }

    /** {@code holdout_intervals}: {metric: {lower, upper, method}}, lower at most upper. */
    private static Map<String, ModelCard.Interval> intervals(JsonNode node, String where) {
        Map<String, ModelCard.Interval> intervals = new LinkedHashMap<>();
        String at = where + ": holdout_intervals";
        if (!node.isObject()) {
            throw new ModelException(at + ": must be an object of {\"lower\", \"upper\"} per metric");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = at + "." + entry.getKey();
            if (!entry.getValue().isObject()) {
                throw new ModelException(field + ": must be {\"lower\": number, \"upper\": number}");
            }
            double lower = number(entry.getValue(), "lower", field);
            double upper = number(entry.getValue(), "upper", field);
            if (lower > upper) {
                throw new ModelException(field + ": lower " + lower + " is above upper " + upper);
            }
            intervals.put(entry.getKey(), new ModelCard.Interval(lower, upper));
        }
        return intervals;
    }

    private static RowSketch sketch(JsonNode node, String where) {
        String at = where + ": training_rows_sketch";
        JsonNode columns = node.get("columns");
        JsonNode hashes = node.get("hashes");
        if (!node.isObject() || columns == null || !columns.isArray() || hashes == null || !hashes.isArray()
                || hashes.size() > RowSketch.K) {
            throw new ModelException(at + ": must be {\"columns\": [...], \"hashes\": [at most " + RowSketch.K
                    + " hex numbers]}");
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.asText()));
        long[] values = new long[hashes.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Long.parseUnsignedLong(hashes.get(i).asText(), 16);
            } catch (NumberFormatException e) {
                throw new ModelException(at + ": hashes[" + i + "] is not a hex number", e);
            }
            if (i > 0 && Long.compareUnsigned(values[i - 1], values[i]) >= 0) {
                throw new ModelException(at + ": hashes must rise");
            }
        }
        return new RowSketch(names, values);
    }

    private static FeatureEncoder.Feature feature(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ModelException(where + ": must be an object");
        }
        String name = text(node, "name", where);
        String type = text(node, "type", where);
        switch (type) {
            case "numeric" -> {
                double mean = number(node, "mean", where);
                double sd = number(node, "sd", where);
                if (!(sd > 0)) {
                    throw new ModelException(where + ": field 'sd' must be positive");
                }
                return new FeatureEncoder.Numeric(name, mean, sd);
            }
            case "categorical" -> {
                JsonNode levels = node.get("levels");
                if (levels == null || !levels.isArray()) {
                    throw new ModelException(where + ": field 'levels' must be an array of text");
                }
                List<String> values = new ArrayList<>();
                for (JsonNode level : levels) {
                    if (!level.isTextual()) {
                        throw new ModelException(where + ": field 'levels' must be an array of text");
                    }
                    values.add(level.asText());
                }
                return new FeatureEncoder.Categorical(name, values);
            }
            default -> throw new ModelException(where + ": field 'type' is '" + type
                    + "'; expected 'numeric' or 'categorical'");
        }
    }

    private static JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new ModelException(where + ": field '" + field + "' must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ModelException(where + ": field '" + field + "' must be text");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ModelException(where + ": field '" + field + "' must be a whole number");
        }
        return value.asInt();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new ModelException(where + ": field '" + field + "' must be a finite number");
        }
        return value.asDouble();
    }
}
