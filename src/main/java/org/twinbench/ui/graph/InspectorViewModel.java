package org.twinbench.ui.graph;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType.ParamSpec;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.data.DatasetColumns;
import org.twinbench.ui.editor.GraphEdits;
import org.twinbench.ui.editor.ParamValues;
import org.twinbench.ui.editor.ScenarioChecking;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.editor.ScenarioProblems;

/**
 * The inspector's state: which node it shows (the single selected one, or none for the scenario's
 * own name, description and seed), the columns its column pickers offer (those of the data file
 * upstream of the node), and the parameter edits, validated as they are typed.
 */
public final class InspectorViewModel {

    private final ScenarioDocument document;
    private final ObservableSet<String> selection;
    private final DatasetColumns datasets;
    private final ReadOnlyObjectWrapper<String> subject = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private Path columnsFile;
    private final ScenarioChecking checking;
    private final ObservableList<String> nodeProblems = FXCollections.observableArrayList();
    /** The pickers' filtered lists, re-filtered when the kinds become known; the kinds by column. */
    private final java.util.Map<ParamSpec, FilteredList<String>> filtered = new java.util.HashMap<>();
    private java.util.Map<String, ValueKind> checkedKinds = java.util.Map.of();
    private List<String> summaryKinds = List.of();

    public InspectorViewModel(ScenarioDocument document, ObservableSet<String> selection, DatasetColumns datasets) {
        this(document, selection, datasets, null);
    }

    /**
     * An inspector that also shows what {@code checking} (may be null) finds against the data and models,
     * and offers in each column picker the columns of the kind its parameter takes.
     */
    public InspectorViewModel(ScenarioDocument document, ObservableSet<String> selection, DatasetColumns datasets,
                              ScenarioChecking checking) {
        this.document = document;
        this.selection = selection;
        this.datasets = datasets;
        this.checking = checking;
        selection.addListener((SetChangeListener<String>) change -> follow());
        document.scenarioProperty().addListener((obs, old, now) -> follow());
        if (checking != null) {
            checking.reportProperty().addListener((obs, old, now) -> {
                if (now != null && !now.report().columns().isEmpty() && !now.report().columns().equals(checkedKinds)) {
                    checkedKinds = now.report().columns();
                    refilter();
                }
                refreshNodeProblems();
            });
        }
    }

    private ScenarioProblems problems() {
        return checking == null ? ScenarioProblems.of(document.scenario())
                : ScenarioProblems.of(document.scenario(), checking.reportProperty().get());
    }

    /**
     * The columns a picker of {@code spec} offers: those of the data file of the kind the parameter takes
     * (numeric for shifts, scales and noise; text for a category mix, never a date; any otherwise), in file order.
     */
    public ObservableList<String> columnsFor(ParamSpec spec) {
        if (spec.columns() == ParamSpec.Columns.ANY) {
            return columns;
        }
        FilteredList<String> fitting = new FilteredList<>(columns, name -> fits(spec, name));
        filtered.put(spec, fitting);
        return fitting;
    }

    private boolean fits(ParamSpec spec, String column) {
        if (column.equals(org.twinbench.data.TableLoader.ROW_NAMES)) {
            // R's row names as the loader names them (an identifier, never a feature): no change moves them.
            return false;
        }
        ValueKind kind = checkedKinds.get(column);
        if (kind == null) {
            int at = columns.indexOf(column);
            kind = at >= 0 && at < summaryKinds.size() ? ("numeric".equals(summaryKinds.get(at)) ? ValueKind.NUMBER
                    : ValueKind.TEXT) : null;
        }
        if (kind == null) {
            return true;
        }
        // A date or a timestamp is neither: no category to grow (the remap dialog never offers one for a mix either).
        return kind == (spec.columns() == ParamSpec.Columns.NUMERIC ? ValueKind.NUMBER : ValueKind.TEXT);
    }

    private void refilter() {
        filtered.forEach((spec, list) -> list.setPredicate(name -> fits(spec, name)));
    }

    /** The problems of the shown node, as its card lists them (kept up to date). */
    public ObservableList<String> nodeProblems() {
        return nodeProblems;
    }

    private void follow() {
        String id = selection.size() == 1 ? selection.iterator().next() : null;
        String next = id != null && document.scenario().node(id).isPresent() ? id : null;
        if (!java.util.Objects.equals(next, subject.get())) {
            // The pickers of the node shown before are dropped; the new node's are made as its editors are.
            filtered.clear();
        }
        subject.set(next);
        loadColumns();
        refreshNodeProblems();
    }

    /** The shown node's problems, in the inspector's words ({@link ScenarioProblems#plain}). */
    private void refreshNodeProblems() {
        nodeProblems.setAll(problems().ofNode(subject.get() == null ? "" : subject.get()).stream()
                .map(ScenarioProblems::plain).toList());
    }

    /** The node shown, if any. */
    public Optional<ScenarioNode> node() {
        return subject.get() == null ? Optional.empty() : document.scenario().node(subject.get());
    }

    public Optional<NodeType> type() {
        return node().flatMap(n -> NodeCatalog.find(n.type()));
    }

    /**
     * Applies typed text to a parameter; returns what is wrong with it (a parse error, which leaves
     * the scenario unchanged, or the validator's finding for that parameter), empty if nothing.
     */
    public Optional<String> setText(String param, String text) {
        ParamSpec spec = type().flatMap(t -> t.param(param)).orElse(null);
        if (spec == null) {
            return Optional.of("unknown parameter");
        }
        ParamValues.Parsed parsed = ParamValues.parse(spec.kind(), text);
        if (!parsed.isOk()) {
            return Optional.of(param + " " + parsed.error());
        }
        return setValue(param, parsed.value());
    }

    /** Sets a parameter to a value (null removes it); returns the validator's finding for it, if any. */
    public Optional<String> setValue(String param, Object value) {
        String id = subject.get();
        if (id == null) {
            return Optional.empty();
        }
        document.change("Set " + param + " of " + id, "param:" + id + ":" + param,
                s -> GraphEdits.setParam(s, id, param, value));
        return problemOf(param);
    }

    /** The validator's finding for one parameter of the shown node, if any. */
    public Optional<String> problemOf(String param) {
        String id = subject.get();
        if (id == null) {
            return Optional.empty();
        }
        Optional<String> rule = problems().ofParam(id, param).stream().findFirst()
                .map(p -> ScenarioProblems.underField(p, param));
        return rule.isPresent() ? rule : unknownColumn(param);
    }

    /** A column parameter naming a column the data file does not have (once its columns are known). */
    private Optional<String> unknownColumn(String param) {
        ParamSpec spec = type().flatMap(t -> t.param(param)).orElse(null);
        Object value = node().map(n -> n.params().get(param)).orElse(null);
        if (spec == null || value == null || columns.isEmpty() || columnsFile == null
                || (spec.kind() != ParamSpec.Kind.COLUMN && spec.kind() != ParamSpec.Kind.COLUMNS)) {
            return Optional.empty();
        }
        List<?> names = value instanceof List<?> list ? list : List.of(value);
        return names.stream().map(String::valueOf).filter(name -> !columns.contains(name)).findFirst()
                .map(name -> "no column '" + name + "' in " + columnsFile.getFileName());
    }

    /** Renames the shown node; returns why not, if the new id is not allowed. */
    public Optional<String> rename(String newId) {
        String id = subject.get();
        if (id == null) {
            return Optional.empty();
        }
        Optional<String> problem = GraphEdits.renameProblem(document.scenario(), id, newId);
        if (problem.isEmpty() && !newId.equals(id)) {
            document.change("Rename " + id + " to " + newId, s -> GraphEdits.rename(s, id, newId));
            selection.clear();
            selection.add(newId);
        }
        return problem;
    }

    /** Sets the scenario's name, description and seed; returns why not if the seed is not a number. */
    public Optional<String> setHeader(String name, String description, String seedText) {
        long seed;
        try {
            seed = Long.parseLong(seedText.strip());
        } catch (NumberFormatException e) {
            return Optional.of("the seed must be a whole number");
        }
        document.change("Edit scenario details", "header",
                s -> GraphEdits.withHeader(s, name, description, seed));
        return Optional.empty();
    }

    /**
     * The data file feeding the shown node: the first file parameter found walking its edges
     * upstream, or else the first in the scenario. Relative paths resolve against the scenario's folder.
     */
    public Optional<Path> dataFile() {
        Scenario scenario = document.scenario();
        Deque<String> todo = new ArrayDeque<>();
        node().ifPresent(n -> todo.add(n.id()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) {
                continue;
            }
            Optional<Path> file = scenario.node(id).flatMap(this::fileOf);
            if (file.isPresent()) {
                return file;
            }
            scenario.edges().stream().filter(e -> e.to().equals(id)).map(ScenarioEdge::from).forEach(todo::add);
        }
        return scenario.nodes().stream().map(this::fileOf).flatMap(Optional::stream).findFirst();
    }

    private Optional<Path> fileOf(ScenarioNode node) {
        NodeType type = NodeCatalog.find(node.type()).orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        for (ParamSpec spec : type.params()) {
            Object value = node.params().get(spec.name());
            if (spec.kind() == ParamSpec.Kind.FILE && value instanceof String path && !path.isBlank()) {
                return Optional.of(document.baseDirectory().resolve(path).normalize());
            }
        }
        return Optional.empty();
    }

    private void loadColumns() {
        Path file = dataFile().orElse(null);
        if (file == null) {
            columnsFile = null;
            columns.clear();
            return;
        }
        if (file.equals(columnsFile)) {
            return;
        }
        columnsFile = file;
        datasets.summary(file, summary -> {
            if (file.equals(columnsFile)) {
                summaryKinds = summary.kinds();
                columns.setAll(summary.columns());
                refilter();
            }
        });
    }

    public ReadOnlyObjectProperty<String> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** The columns of the data file upstream of the shown node (empty until read). */
    public ObservableList<String> columns() {
        return columns;
    }

    public ScenarioDocument document() {
        return document;
    }

}
