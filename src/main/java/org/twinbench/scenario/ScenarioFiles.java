package org.twinbench.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.DataException;
import org.twinbench.data.InputFiles;
import org.twinbench.model.TaskModel;
import org.twinbench.model.ModelFiles;

/**
 * The files a scenario names, checked as a run will open them, so that {@code validate} finds what
 * would stop {@code run}: every data file must be a regular file (not a named pipe or device, which
 * would block the run), and every model file must open, through every check a model file passes
 * (allow-list, deserialisation and size limits, no ONNX external data). Data files are not read:
 * this stays fast.
 */
public final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** Whether a parameter names a file: a FILE parameter, or a model's {@code path}. */
    static boolean isPath(NodeType.ParamSpec spec) {
        return spec.kind() == NodeType.ParamSpec.Kind.FILE || spec.name().equals("path");
    }

    /**
     * One line per problem ({@code node <id>: ...}) with the files named by the scenario's nodes,
     * resolved against {@code folder} (the scenario file's folder).
     */
    public static List<String> problems(Scenario scenario, Path folder) {
        List<String> problems = new ArrayList<>();
        for (ScenarioNode node : scenario.nodes()) {
            NodeType type = NodeCatalog.find(node.type()).orElse(null);
            if (type == null) {
                continue;
            }
            for (NodeType.ParamSpec spec : type.params()) {
                String value = isPath(spec) ? node.string(spec.name(), null) : null;
                if (value == null || value.isBlank()) {
                    continue;
                }
                Path file;
                try {
                    file = folder.resolve(value).normalize();
                } catch (InvalidPathException e) {
                    problems.add("node " + node.id() + ": parameter '" + spec.name() + "' is not a usable file name: "
                            + e.getReason());
                    continue;
                }
                String problem = InputFiles.problem(file);
                if (problem != null) {
                    problems.add("node " + node.id() + ": " + file + ": " + problem);
                } else if (spec.kind() != NodeType.ParamSpec.Kind.FILE) {
                    openModel(node, file).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    private static java.util.Optional<String> openModel(ScenarioNode node, Path file) {
        TaskModel model;
        try {
            model = ModelFiles.loadAny(file);
        } catch (DataException e) {
            return java.util.Optional.of("node " + node.id() + ": " + e.getMessage());
        }
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // The model opened, which is what validation asks; releasing it has nothing to report.
            }
        }
        return java.util.Optional.empty();
    }
}
