package org.twinbench.ui.editor;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * Nodes that read a file — a dataset source, a model bundle, an ONNX model — made from a file the
 * user opened in the data and model panel: which node type a file becomes, how its path is written
 * (relative to the scenario's folder when it lies inside it, so the scenario can be moved with its
 * data) and the one edit that adds such a node or points an existing one at the file.
 */
public final class FileNodes {

    /** The parameter every file-reading node keeps its path in. */
    public static final String PATH = "path";

    private FileNodes() {
    }

    /** The node type that reads {@code file}: a model type for .twinmodel and .onnx, else a dataset source. */
    public static NodeType typeFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".twinmodel") ? NodeCatalog.MODEL_BUNDLE
                : name.endsWith(".onnx") ? NodeCatalog.ONNX_MODEL : NodeCatalog.DATASET_SOURCE;
        return NodeCatalog.find(type).orElseThrow(() -> new IllegalStateException(type + " is in the catalog"));
    }

    /** {@code file} as the scenario writes it: relative to {@code base} when inside it, else absolute. */
    public static String pathFor(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        if (base != null) {
            Path folder = base.toAbsolutePath().normalize();
            if (absolute.startsWith(folder)) {
                return folder.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return absolute.toString();
    }

    /** A new node reading {@code path} at (x, y), with the type's defaults for everything else. */
    public static ScenarioNode newNode(Scenario scenario, NodeType type, String path, double x, double y) {
        ScenarioNode node = GraphEdits.newNode(scenario, type, x, y);
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(node.params());
        params.put(PATH, path);
        return new ScenarioNode(node.id(), node.type(), params, x, y);
    }

    /** The node of {@code scenario} with id {@code id} when it is of {@code type}. */
    public static Optional<ScenarioNode> ofType(Scenario scenario, String id, NodeType type) {
        return scenario.node(id).filter(node -> node.type().equals(type.type()));
    }

    /** The first node of {@code type}, which a file opened without a place on the canvas goes to. */
    public static Optional<ScenarioNode> firstOfType(Scenario scenario, NodeType type) {
        return scenario.nodes().stream().filter(node -> node.type().equals(type.type())).findFirst();
    }
}
