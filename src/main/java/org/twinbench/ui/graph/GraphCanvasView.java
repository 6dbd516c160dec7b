package org.twinbench.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.editor.ScenarioProblems;

/**
 * Controller of {@code fxml/GraphCanvasView.fxml}: draws the open scenario as node cards and edges
 * (invalid ones marked, with the reason as tooltip) and a banner of the problems of the whole graph,
 * zooms and pans, and hands user input to {@link CanvasGestures} and the {@link GraphCanvasViewModel}.
 */
public final class GraphCanvasView {

    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 2.5;
    /** How often the files the scenario names are looked at for changes. */
    private static final double FILE_POLL_SECONDS = 2;

    @FXML private StackPane root;
    @FXML private Pane viewport;
    @FXML private Label emptyHint;
    @FXML private Label zoomLabel;
    @FXML private Label messageLabel;
    @FXML private VBox problemBanner;

    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1);
    private final Translate pan = new Translate(0, 0);
    private final Map<String, NodeCard> cards = new HashMap<>();
    private final Map<ScenarioEdge, CubicCurve> edges = new HashMap<>();

    private GraphCanvasViewModel model;
    private CanvasGestures gestures;
    private ScenarioEdge selectedEdge;
    private boolean fitPending;

    @FXML
    private void initialize() {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        world.getTransforms().addAll(pan, scale);
        world.getChildren().addAll(edgeLayer, nodeLayer, overlay);
        viewport.getChildren().add(world);
        zoomLabel.setTooltip(new Tooltip("Zoom; Ctrl+scroll zooms at the pointer, right-drag or scroll pans"));
    }

    public void bind(GraphCanvasViewModel viewModel) {
        this.model = viewModel;
        this.gestures = new CanvasGestures(this, viewModel);
        gestures.install(viewport);
        viewModel.document().scenarioProperty().addListener((obs, old, now) -> refresh());
        // A newly opened graph is fitted into view, again while the window settles its layout,
        // until the user zooms, pans or edits.
        viewModel.document().openedProperty().addListener((obs, old, now) -> {
            fitPending = true;
            javafx.application.Platform.runLater(this::fitIfPending);
        });
        viewport.widthProperty().addListener((obs, old, now) -> fitIfPending());
        viewport.heightProperty().addListener((obs, old, now) -> fitIfPending());
        viewModel.document().history().revisionProperty().addListener((obs, old, now) -> {
            if (viewModel.document().history().canUndoProperty().get()) {
                fitPending = false;
            }
        });
        viewModel.selection().addListener((javafx.collections.SetChangeListener<String>) change -> refresh());
        viewModel.problemsProperty().addListener((obs, old, now) -> refresh());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        viewModel.messageProperty().addListener((obs, old, now) -> messageLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("refusal"), now != null && now.startsWith("Cannot")));
        viewport.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        // A data file edited outside TwinBench is checked again: the nodes' problems follow the file.
        javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(FILE_POLL_SECONDS), e -> viewModel.recheckIfFilesChanged()));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        // Only while the canvas is in a window: a canvas taken off the screen stops looking.
        viewport.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        if (viewport.getScene() != null) {
            poll.play();
        }
        refresh();
    }

    /** Brings the cards and edges in line with the scenario, the selection and the problems. */
    void refresh() {
        Scenario scenario = model.scenario();
        ScenarioProblems problems = model.problemsProperty().get();
        Map<String, NodeCard> stale = new HashMap<>(cards);
        for (ScenarioNode node : scenario.nodes()) {
            NodeCard card = stale.remove(node.id());
            if (card == null || !card.typeName().equals(node.type())) {
                if (card != null) {
                    nodeLayer.getChildren().remove(card);
                }
                card = new NodeCard(node, NodeCatalog.find(node.type()).orElse(null));
                gestures.attach(card);
                cards.put(node.id(), card);
                nodeLayer.getChildren().add(card);
                card.fitTitle();
            }
            card.relocate(Double.isNaN(node.x()) ? 0 : node.x(), Double.isNaN(node.y()) ? 0 : node.y());
            card.show(model.selection().contains(node.id()), problems.byNode().getOrDefault(node.id(), List.of()));
        }
        stale.forEach((id, card) -> {
            nodeLayer.getChildren().remove(card);
            cards.remove(id);
        });
        if (selectedEdge != null && !scenario.edges().contains(selectedEdge)) {
            selectedEdge = null;
        }
        drawEdges();
        emptyHint.setVisible(scenario.nodes().isEmpty());
        showScenarioWideProblems();
    }

    /**
     * Lists the problems of the graph as a whole (no source, no model, a cycle) in a banner at the
     * top of the canvas; a line about nodes selects them when clicked. An empty canvas shows its hint instead.
     */
    private void showScenarioWideProblems() {
        List<ScenarioProblems.Finding> findings = model.scenario().nodes().isEmpty() ? List.of()
                : model.scenarioWideProblems();
        problemBanner.getChildren().clear();
        if (!findings.isEmpty()) {
            Label heading = new Label("The graph cannot run yet:");
            heading.getStyleClass().add("problem-banner-heading");
            problemBanner.getChildren().add(heading);
        }
        for (int i = 0; i < findings.size(); i++) {
            ScenarioProblems.Finding finding = findings.get(i);
            Labeled line;
            if (finding.nodes().isEmpty()) {
                line = new Label("⚠ " + finding.message());
            } else {
                Hyperlink link = new Hyperlink("⚠ " + finding.message());
                link.setTooltip(new Tooltip("Select " + String.join(", ", finding.nodes())));
                link.setOnAction(e -> {
                    model.showProblem(finding);
                    reveal(finding.nodes().get(0));
                    focus();
                });
                line = link;
            }
            line.setId("scenario-problem-" + i);
            line.getStyleClass().add("problem-banner-line");
            line.setWrapText(true);
            problemBanner.getChildren().add(line);
        }
        problemBanner.setVisible(!findings.isEmpty());
        problemBanner.setManaged(!findings.isEmpty());
    }

    /** Redraws every edge from the cards' current places (also while cards are dragged). */
    void drawEdges() {
        Scenario scenario = model.scenario();
        ScenarioProblems problems = model.problemsProperty().get();
        edgeLayer.getChildren().clear();
        edges.clear();
        for (ScenarioEdge edge : scenario.edges()) {
            NodeCard from = cards.get(edge.from());
            NodeCard to = cards.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            NodeType.Port[] ports = ports(from.typeName(), to.typeName());
            CubicCurve curve = curve(from.outputPoint(ports[0]), to.inputPoint(ports[1]));
            curve.getStyleClass().add("edge");
            curve.setId("edge-" + edge.from() + "-" + edge.to());
            String problem = problems.byEdge().get(edge);
            curve.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), problem != null);
            curve.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), edge.equals(selectedEdge));
            Tooltip.install(curve, new Tooltip(edge.from() + " → " + edge.to()
                    + (problem == null ? "" : "\n⚠ " + problem)));
            gestures.attach(curve, edge);
            edges.put(edge, curve);
            edgeLayer.getChildren().add(curve);
        }
    }

    static CubicCurve curve(Point2D start, Point2D end) {
        double bend = Math.max(40, Math.abs(end.getX() - start.getX()) / 2);
        CubicCurve curve = new CubicCurve(start.getX(), start.getY(), start.getX() + bend, start.getY(),
                end.getX() - bend, end.getY(), end.getX(), end.getY());
        curve.setFill(null);
        return curve;
    }

    /** The output and input an edge between the two types runs between: the first pair of one type. */
    private static NodeType.Port[] ports(String fromType, String toType) {
        NodeType from = NodeCatalog.find(fromType).orElse(null);
        NodeType to = NodeCatalog.find(toType).orElse(null);
        if (from != null && to != null) {
            for (NodeType.Port out : from.outputs()) {
                for (NodeType.Port in : to.inputs()) {
                    if (out.type() == in.type()) {
                        return new NodeType.Port[] {out, in};
                    }
                }
            }
        }
        return new NodeType.Port[] {null, null};
    }

    private void onKey(KeyEvent e) {
        double step = e.isShiftDown() ? 50 : 10;
        switch (e.getCode()) {
            case DELETE, BACK_SPACE -> deleteSelected();
            case LEFT -> model.nudgeSelection(-step, 0);
            case RIGHT -> model.nudgeSelection(step, 0);
            case UP -> model.nudgeSelection(0, -step);
            case DOWN -> model.nudgeSelection(0, step);
            case TAB -> {
                if (!e.isShortcutDown()) {
                    return; // Tab leaves the canvas to the next pane (PaneCycle); Ctrl+Tab goes through the nodes
                }
                model.selectNext(e.isShiftDown());
                model.singleSelection().ifPresent(this::reveal);
            }
            case ESCAPE -> {
                model.selectOnly(List.of());
                selectEdge(null);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Deletes the selected nodes, or else the selected connection. */
    public void deleteSelected() {
        if (!model.selection().isEmpty()) {
            model.deleteSelection();
        } else if (selectedEdge != null) {
            model.disconnect(selectedEdge);
        }
    }

    void selectEdge(ScenarioEdge edge) {
        selectedEdge = edge;
        drawEdges();
    }

    /** Adds a node dropped at a scene point; false when the point is not over the canvas. */
    public boolean drop(NodeType type, double sceneX, double sceneY) {
        Bounds area = viewport.localToScene(viewport.getLayoutBounds());
        if (!area.contains(sceneX, sceneY)) {
            return false;
        }
        Point2D at = world.sceneToLocal(sceneX, sceneY);
        model.addNode(type, Math.round(at.getX() - NodeCard.WIDTH / 2), Math.round(at.getY() - 20), false);
        viewport.requestFocus();
        return true;
    }

    /** Adds a node without the mouse: next to the selected node, connected from it when possible. */
    public void addFromKeyboard(NodeType type) {
        double[] spot = model.freeSpot();
        String id = model.addNode(type, spot[0], spot[1], true);
        viewport.requestFocus();
        reveal(id);
    }

    /** Pans so the node is inside the visible area. */
    void reveal(String id) {
        NodeCard card = cards.get(id);
        if (card == null) {
            return;
        }
        Bounds inView = viewport.sceneToLocal(card.localToScene(card.getLayoutBounds()));
        double dx = 0;
        double dy = 0;
        if (inView.getMaxX() > viewport.getWidth()) {
            dx = viewport.getWidth() - inView.getMaxX() - 20;
        }
        if (inView.getMinX() < 0) {
            dx = -inView.getMinX() + 20;
        }
        if (inView.getMaxY() > viewport.getHeight()) {
            dy = viewport.getHeight() - inView.getMaxY() - 20;
        }
        if (inView.getMinY() < 0) {
            dy = -inView.getMinY() + 20;
        }
        panBy(dx, dy);
    }

    private void fitIfPending() {
        if (fitPending) {
            fit();
        }
    }

    void panBy(double dx, double dy) {
        fitPending = false;
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    /** Zooms by {@code factor} keeping the point (px, py) of the viewport where it is. */
    void zoomBy(double factor, double px, double py) {
        fitPending = false;
        double now = scale.getX();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, now * factor));
        double wx = (px - pan.getX()) / now;
        double wy = (py - pan.getY()) / now;
        scale.setX(next);
        scale.setY(next);
        pan.setX(px - wx * next);
        pan.setY(py - wy * next);
        zoomLabel.setText(Math.round(next * 100) + "%");
    }

    /** Zooms and pans so every node is visible (at most 100%). */
    public void fit() {
        if (cards.isEmpty() || viewport.getWidth() <= 0) {
            return;
        }
        // From positions and preferred sizes: a card just added has no size until the next layout pass.
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeCard card : cards.values()) {
            minX = Math.min(minX, card.getLayoutX());
            minY = Math.min(minY, card.getLayoutY());
            maxX = Math.max(maxX, card.getLayoutX() + card.prefWidth(-1));
            maxY = Math.max(maxY, card.getLayoutY() + card.prefHeight(-1));
        }
        Bounds bounds = new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
        double margin = 30;
        double zoom = Math.min(1, Math.min((viewport.getWidth() - 2 * margin) / bounds.getWidth(),
                (viewport.getHeight() - 2 * margin) / bounds.getHeight()));
        zoom = Math.max(MIN_ZOOM, zoom);
        scale.setX(zoom);
        scale.setY(zoom);
        pan.setX((viewport.getWidth() - bounds.getWidth() * zoom) / 2 - bounds.getMinX() * zoom);
        pan.setY((viewport.getHeight() - bounds.getHeight() * zoom) / 2 - bounds.getMinY() * zoom);
        zoomLabel.setText(Math.round(zoom * 100) + "%");
    }

    @FXML
    public void onZoomIn() {
        zoomBy(1.25, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    @FXML
    public void onZoomOut() {
        zoomBy(0.8, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    @FXML
    void onFit() {
        fit();
    }

    public void focus() {
        viewport.requestFocus();
    }

    public Group world() {
        return world;
    }

    Group overlay() {
        return overlay;
    }

    public Pane viewport() {
        return viewport;
    }

    public Map<String, NodeCard> cards() {
        return cards;
    }

    double zoom() {
        return scale.getX();
    }
}
