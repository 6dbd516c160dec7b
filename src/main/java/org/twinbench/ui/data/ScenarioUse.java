package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.editor.FileNodes;
import org.twinbench.ui.editor.GraphEdits;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.graph.GraphCanvasViewModel;

/**
 * Puts a file of the data and model panel into the open scenario, each as one undoable edit: a new
 * node where it is dropped, an existing node pointed at it, the scenario's data switched (with the
 * columns it names renamed to the new table's) and its model replaced in place, keeping the model
 * node's id, place and edges.
 */
final class ScenarioUse {

    private static final String TIME_FORMAT = "time_format";

    private final ScenarioDocument document;
    private final GraphCanvasViewModel canvas;

    ScenarioUse(ScenarioDocument document, GraphCanvasViewModel canvas) {
        this.document = document;
        this.canvas = canvas;
    }

    String placeOnCanvas(Path path, double x, double y) {
        var type = FileNodes.typeFor(path);
        var node = FileNodes.newNode(document.scenario(), type, FileNodes.pathFor(path, document.baseDirectory()), x, y);
        document.change("Add " + type.title() + " " + path.getFileName(), s -> GraphEdits.add(s, node));
        canvas.selectOnly(List.of(node.id()));
        canvas.say("Added " + node.id() + " reading " + path.getFileName());
        return node.id();
    }

    boolean pointNodeAt(String id, Path path) {
        var type = FileNodes.typeFor(path);
        if (FileNodes.ofType(document.scenario(), id, type).isEmpty()) {
            return false;
        }
        String written = FileNodes.pathFor(path, document.baseDirectory());
        document.change("Use " + path.getFileName() + " in " + id,
                s -> GraphEdits.setParam(s, id, FileNodes.PATH, written));
        canvas.selectOnly(List.of(id));
        canvas.say(id + " now reads " + path.getFileName());
        return true;
    }

    /**
     * The dataset sources of the scenario that read {@code file} with {@code column} as their time column take
     * {@code pattern} as their {@code time_format}, in one undoable edit, so that a run reads the dates as the
     * user chose; the ids of the sources changed (none already so).
     */
    List<String> readDatesAs(Path file, String column, String pattern) {
        List<String> ids = sourcesReading(file).stream()
                .filter(n -> column.equals(n.string("time_column")) && !pattern.equals(n.string("time_format")))
                .map(ScenarioNode::id).toList();
        if (!ids.isEmpty()) {
            document.change("Read dates in '" + column + "' as " + pattern, s -> {
                Scenario changed = s;
                for (String id : ids) {
                    changed = GraphEdits.setParam(changed, id, TIME_FORMAT, pattern);
                }
                return changed;
            });
            canvas.say(String.join(", ", ids) + " now read" + (ids.size() == 1 ? "s" : "") + " the dates in '"
                    + column + "' as " + pattern);
        }
        return ids;
    }

    /** The time formats the scenario's sources reading {@code file} give their time columns (column to pattern). */
    Map<String, String> timeFormatsFor(Path file) {
        Map<String, String> formats = new java.util.LinkedHashMap<>();
        for (ScenarioNode node : sourcesReading(file)) {
            if (node.string("time_column") != null && node.string("time_format") != null) {
                formats.putIfAbsent(node.string("time_column"), node.string("time_format"));
            }
        }
        return formats;
    }

    /**
     * From now on, after each change of the scenario, {@link #adoptTimeFormats} with the file the panel shows
     * and the readings chosen for it (run on {@code fxThread}, after the change; not for a scenario just opened,
     * which counts as opened only after its scenario is set).
     */
    void adoptChosenFormats(java.util.concurrent.Executor fxThread, java.util.function.Supplier<Path> shown,
                            java.util.function.Supplier<Map<String, String>> formats) {
        document.scenarioProperty().addListener((obs, old, now) -> {
            int opened = document.openedProperty().get();
            fxThread.execute(() -> {
                if (opened == document.openedProperty().get()) {
                    adoptTimeFormats(shown.get(), old, formats.get());
                }
            });
        });
    }

    /**
     * A dataset source that has just come to replay {@code file} by a column whose dates the user already said
     * how to read ({@code formats}, column to pattern) — its {@code time_column} set to it, or the source added
     * or pointed at the file — takes that reading as its {@code time_format}, in one undoable edit of its own,
     * unless it already names one. Undoing that edit does not bring it back: only a change to the source's time
     * column or file does.
     *
     * @param before the scenario before the change just made
     */
    void adoptTimeFormats(Path file, Scenario before, Map<String, String> formats) {
        if (file == null || formats.isEmpty()) {
            return;
        }
        Map<String, String> usedBefore = new java.util.HashMap<>();
        for (ScenarioNode node : sourcesReading(before, file)) {
            usedBefore.put(node.id(), String.valueOf(node.string("time_column")));
        }
        Map<String, String> adopt = new java.util.LinkedHashMap<>();
        for (ScenarioNode node : sourcesReading(document.scenario(), file)) {
            String column = node.string("time_column");
            if (column != null && formats.containsKey(column) && node.string(TIME_FORMAT) == null
                    && !column.equals(usedBefore.get(node.id()))) {
                adopt.put(node.id(), column);
            }
        }
        if (adopt.isEmpty()) {
            return;
        }
        String column = adopt.values().iterator().next();
        document.change("Read dates in '" + column + "' as " + formats.get(column), s -> {
            Scenario changed = s;
            for (Map.Entry<String, String> source : adopt.entrySet()) {
                changed = GraphEdits.setParam(changed, source.getKey(), TIME_FORMAT, formats.get(source.getValue()));
            }
            return changed;
        });
        canvas.say(String.join(", ", adopt.keySet()) + " now read" + (adopt.size() == 1 ? "s" : "")
                + " the dates in '" + column + "' as " + formats.get(column) + ", as chosen in the data panel");
    }

    private List<ScenarioNode> sourcesReading(Path file) {
        return sourcesReading(document.scenario(), file);
    }

    private List<ScenarioNode> sourcesReading(Scenario scenario, Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        Path base = document.baseDirectory();
        if (scenario == null) {
            return List.of();
        }
        return scenario.nodes().stream()
                .filter(n -> NodeCatalog.DATASET_SOURCE.equals(n.type()) && n.string("path", null) != null)
                .filter(n -> {
                    try {
                        Path read = Path.of(n.string("path", null));
                        read = read.isAbsolute() || base == null ? read : base.resolve(read);
                        return read.toAbsolutePath().normalize().equals(wanted);
                    } catch (java.nio.file.InvalidPathException e) {
                        return false;
                    }
                }).toList();
    }

    /** The columns the scenario names that a table with {@code columns} (name to kind) lacks. */
    List<ColumnRemap.Missing> missing(Map<String, ValueKind> columns) {
        return ColumnRemap.missing(document.scenario(), columns);
    }

    /**
     * The scenario reads {@code path}: its first dataset source is pointed at it (a new one is added
     * when there is none) and the columns of {@code renames} are renamed in every node, in one edit.
     */
    String useDataset(Path path, Map<String, String> renames) {
        Optional<ScenarioNode> existing = FileNodes.firstOfType(document.scenario(), FileNodes.typeFor(path));
        if (existing.isEmpty()) {
            double[] spot = canvas.freeSpot();
            return placeOnCanvas(path, spot[0], spot[1]);
        }
        String id = existing.get().id();
        String written = FileNodes.pathFor(path, document.baseDirectory());
        document.change("Use " + path.getFileName() + " in " + id, s -> ColumnRemap.apply(
                GraphEdits.setParam(s, id, FileNodes.PATH, written), renames));
        canvas.selectOnly(List.of(id));
        canvas.say(id + " now reads " + path.getFileName() + (renames.isEmpty() ? ""
                : "; " + renames.size() + (renames.size() == 1 ? " column" : " columns") + " renamed"));
        return id;
    }

    /**
     * The scenario's model becomes {@code path}: its first model node is replaced in place (same id,
     * place and edges, the type that reads the file); with no model node a new one is added.
     */
    String useModel(Path path) {
        Optional<ScenarioNode> existing = document.scenario().nodes().stream()
                .filter(n -> NodeCatalog.MODELS.contains(n.type())).findFirst();
        if (existing.isEmpty()) {
            double[] spot = canvas.freeSpot();
            return placeOnCanvas(path, spot[0], spot[1]);
        }
        ScenarioNode old = existing.get();
        var type = FileNodes.typeFor(path);
        ScenarioNode replacement = new ScenarioNode(old.id(), type.type(),
                Map.of(FileNodes.PATH, FileNodes.pathFor(path, document.baseDirectory())), old.x(), old.y());
        document.change("Use " + path.getFileName() + " as " + old.id(), s -> GraphEdits.withNodes(s,
                s.nodes().stream().map(n -> n.id().equals(old.id()) ? replacement : n).toList(), s.edges()));
        canvas.selectOnly(List.of(old.id()));
        canvas.say(old.id() + " is now the model in " + path.getFileName());
        return old.id();
    }
}
