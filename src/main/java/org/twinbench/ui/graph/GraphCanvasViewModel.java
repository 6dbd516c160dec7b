package org.twinbench.ui.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.editor.AutoLayout;
import org.twinbench.ui.editor.GraphEdits;
import org.twinbench.ui.editor.ScenarioChecking;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.editor.ScenarioProblems;

/**
 * State and actions of the graph canvas: the selection, the clipboard, the validation findings, and
 * every graph edit (add, move, connect, delete, paste, tidy up), each one undoable and named.
 */
public final class GraphCanvasViewModel {

    /** How far Paste and Duplicate shift the copies, and how far the arrow keys nudge. */
    static final double PASTE_OFFSET = 30;

    private final ScenarioDocument document;
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyObjectWrapper<ScenarioProblems> problems = new ReadOnlyObjectWrapper<>(ScenarioProblems.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Scenario clipboard;
    private final ScenarioChecking checking;

    /** A canvas whose problems are the validator's only (no check against the data). */
    public GraphCanvasViewModel(ScenarioDocument document) {
        this(document, null);
    }

    /**
     * A canvas that shows, besides the validator's findings at once, what {@code checking} finds against
     * the data and models once its check of the scenario as it is arrives.
     */
    public GraphCanvasViewModel(ScenarioDocument document, ScenarioChecking checking) {
        this.document = document;
        this.checking = checking;
        problems.set(currentProblems());
        document.scenarioProperty().addListener((obs, old, now) -> {
            problems.set(currentProblems());
            selection.removeIf(id -> now.node(id).isEmpty());
        });
        if (checking != null) {
            checking.reportProperty().addListener((obs, old, now) -> problems.set(currentProblems()));
        }
    }

    /** Checks the scenario again if a data or model file it names has changed on disk since the last check. */
    public void recheckIfFilesChanged() {
        if (checking != null) {
            checking.recheckIfFilesChanged();
        }
    }

    private ScenarioProblems currentProblems() {
        return checking == null ? ScenarioProblems.of(document.scenario())
                : ScenarioProblems.of(document.scenario(), checking.reportProperty().get());
    }

    public ScenarioDocument document() {
        return document;
    }

    public Scenario scenario() {
        return document.scenario();
    }

    /**
     * Adds a node of {@code type} at (x, y) and selects it. When exactly one node was selected and it
     * can feed the new one, the two are connected too: picking types one after another builds a chain.
     */
    public String addNode(NodeType type, double x, double y, boolean connectFromSelection) {
        ScenarioNode node = GraphEdits.newNode(scenario(), type, x, y);
        String from = connectFromSelection && selection.size() == 1 ? selection.iterator().next() : null;
        document.change("Add " + type.title(), s -> {
            Scenario added = GraphEdits.add(s, node);
            if (from != null && GraphEdits.connectionProblem(added, from, node.id()).isEmpty()) {
                return GraphEdits.connect(added, from, node.id());
            }
            return added;
        });
        selection.clear();
        selection.add(node.id());
        message.set("Added " + type.title() + " as " + node.id());
        return node.id();
    }

    /** Where a node added without the mouse goes: right of the selected node, or below everything. */
    public double[] freeSpot() {
        Scenario s = scenario();
        if (selection.size() == 1) {
            ScenarioNode at = s.node(selection.iterator().next()).orElse(null);
            if (at != null) {
                double x = at.x() + AutoLayout.COLUMN_WIDTH;
                double y = at.y();
                while (occupied(s, x, y)) {
                    y += AutoLayout.ROW_HEIGHT;
                }
                return new double[] {x, y};
            }
        }
        double x = AutoLayout.MARGIN;
        double y = AutoLayout.MARGIN;
        while (occupied(s, x, y)) {
            x += AutoLayout.COLUMN_WIDTH;
        }
        return new double[] {x, y};
    }

    private static boolean occupied(Scenario s, double x, double y) {
        return s.nodes().stream().anyMatch(n -> Math.abs(n.x() - x) < AutoLayout.COLUMN_WIDTH - 20
                && Math.abs(n.y() - y) < AutoLayout.ROW_HEIGHT - 20);
    }

    /** Commits a drag: the nodes now stand at the given positions. */
    public void placeNodes(Map<String, double[]> positions) {
        if (!positions.isEmpty()) {
            document.change("Move " + count(positions.size()), s -> GraphEdits.place(s, positions));
        }
    }

    /** Nudges the selected nodes (arrow keys); nudges in a row are one edit. */
    public void nudgeSelection(double dx, double dy) {
        if (!selection.isEmpty()) {
            Set<String> ids = Set.copyOf(selection);
            document.change("Move " + count(ids.size()), "nudge:" + ids, s -> GraphEdits.move(s, ids, dx, dy));
        }
    }

    /** Connects two nodes, or refuses and says why; returns the refusal. */
    public Optional<String> connect(String from, String to) {
        Optional<String> problem = GraphEdits.connectionProblem(scenario(), from, to);
        if (problem.isPresent()) {
            message.set("Cannot connect " + from + " to " + to + ": " + problem.get());
            return problem;
        }
        document.change("Connect " + from + " → " + to, s -> GraphEdits.connect(s, from, to));
        message.set("Connected " + from + " → " + to);
        return Optional.empty();
    }

    /** The nodes {@code from} could feed now, for the keyboard's "Connect to" choice. */
    public List<String> connectableFrom(String from) {
        return scenario().nodes().stream().map(ScenarioNode::id)
                .filter(id -> GraphEdits.connectionProblem(scenario(), from, id).isEmpty()).toList();
    }

    public void disconnect(ScenarioEdge edge) {
        document.change("Delete connection " + edge.from() + " → " + edge.to(),
                s -> GraphEdits.remove(s, Set.of(), Set.of(edge)));
    }

    public void deleteSelection() {
        if (selection.isEmpty()) {
            return;
        }
        Set<String> ids = Set.copyOf(selection);
        document.change("Delete " + count(ids.size()), s -> GraphEdits.remove(s, ids, Set.of()));
        selection.clear();
    }

    public void copySelection() {
        if (!selection.isEmpty()) {
            clipboard = GraphEdits.fragment(scenario(), selection);
            message.set("Copied " + count(selection.size()));
        }
    }

    public boolean canPaste() {
        return clipboard != null && !clipboard.nodes().isEmpty();
    }

    public void paste() {
        if (canPaste()) {
            pasteFragment(clipboard, "Paste ");
        }
    }

    public void duplicateSelection() {
        if (!selection.isEmpty()) {
            pasteFragment(GraphEdits.fragment(scenario(), selection), "Duplicate ");
        }
    }

    private void pasteFragment(Scenario fragment, String verb) {
        GraphEdits.Pasted pasted = GraphEdits.paste(scenario(), fragment, PASTE_OFFSET, PASTE_OFFSET);
        document.change(verb + count(pasted.ids().size()), s -> GraphEdits.paste(s, fragment,
                PASTE_OFFSET, PASTE_OFFSET).scenario());
        selection.clear();
        selection.addAll(pasted.ids());
    }

    /** Lays the whole graph out in columns again (undoable). */
    public void tidyUp() {
        document.change("Tidy up layout", AutoLayout::apply);
    }

    /** The problems of the graph as a whole, for the canvas's banner. */
    public List<ScenarioProblems.Finding> scenarioWideProblems() {
        return problems.get().scenarioWide(scenario());
    }

    /** A banner line was clicked: select the nodes it is about (if any) and say what is wrong. */
    public void showProblem(ScenarioProblems.Finding finding) {
        if (!finding.nodes().isEmpty()) {
            selectOnly(finding.nodes());
        }
        message.set(finding.message());
    }

    public void select(String id, boolean toggle) {
        if (!toggle) {
            selection.clear();
            selection.add(id);
        } else if (!selection.remove(id)) {
            selection.add(id);
        }
    }

    public void selectOnly(Collection<String> ids) {
        selection.clear();
        selection.addAll(ids);
    }

    public void selectAll() {
        selectOnly(scenario().nodes().stream().map(ScenarioNode::id).toList());
    }

    /** Moves the selection to the next (or previous) node in file order: Tab on the canvas. */
    public void selectNext(boolean backwards) {
        List<String> ids = new ArrayList<>(scenario().nodes().stream().map(ScenarioNode::id).toList());
        if (ids.isEmpty()) {
            return;
        }
        int at = selection.isEmpty() ? -1 : ids.indexOf(selection.iterator().next());
        int next = at < 0 ? (backwards ? ids.size() - 1 : 0) : Math.floorMod(at + (backwards ? -1 : 1), ids.size());
        selectOnly(List.of(ids.get(next)));
    }

    public Optional<String> singleSelection() {
        return selection.size() == 1 ? Optional.of(selection.iterator().next()) : Optional.empty();
    }

    static String count(int n) {
        return n == 1 ? "1 node" : n + " nodes";
    }

    public ObservableSet<String> selection() {
        return selection;
    }

    public ReadOnlyObjectProperty<ScenarioProblems> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows a note in the editor's message line (used by the views for refusals they detect). */
    public void say(String text) {
        message.set(text);
    }
}
