package org.twinbench.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.ScenarioEdge;

/**
 * The mouse on the canvas: click and drag nodes (one edit per drag), drag from a port to another
 * node to connect, drag on empty space for a rubber band, right/middle drag or scroll to pan,
 * Ctrl+scroll to zoom, and the context menus of nodes, edges and the background.
 */
final class CanvasGestures {

    private final GraphCanvasView view;
    private final GraphCanvasViewModel model;
    private final Rectangle band = new Rectangle();
    private final CubicCurve wire = new CubicCurve();
    private ContextMenu menu;

    private Point2D pressWorld;
    private Point2D pressViewport;
    private final Map<String, double[]> dragStart = new HashMap<>();
    private boolean dragged;
    private boolean panning;

    CanvasGestures(GraphCanvasView view, GraphCanvasViewModel model) {
        this.view = view;
        this.model = model;
        band.getStyleClass().add("rubber-band");
        band.setVisible(false);
        wire.getStyleClass().addAll("edge", "wire");
        wire.setFill(null);
        wire.setVisible(false);
        wire.setMouseTransparent(true);
        view.overlay().getChildren().addAll(band, wire);
    }

    void install(Pane viewport) {
        viewport.setOnMousePressed(this::backgroundPressed);
        viewport.setOnMouseDragged(this::backgroundDragged);
        viewport.setOnMouseReleased(this::backgroundReleased);
        viewport.setOnScroll(this::scrolled);
        viewport.setOnContextMenuRequested(e -> {
            if (!panning) {
                show(backgroundMenu(view.world().sceneToLocal(e.getSceneX(), e.getSceneY())), viewport,
                        e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private Point2D toWorld(MouseEvent e) {
        return view.world().sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    private void backgroundPressed(MouseEvent e) {
        hideMenu();
        view.focus();
        pressViewport = new Point2D(e.getX(), e.getY());
        pressWorld = toWorld(e);
        panning = e.getButton() != MouseButton.PRIMARY;
        if (!panning) {
            if (!e.isShortcutDown() && !e.isShiftDown()) {
                model.selectOnly(List.of());
                view.selectEdge(null);
            }
            band.setVisible(false);
        }
    }

    private void backgroundDragged(MouseEvent e) {
        if (pressViewport == null) {
            return;
        }
        if (panning) {
            view.panBy(e.getX() - pressViewport.getX(), e.getY() - pressViewport.getY());
            pressViewport = new Point2D(e.getX(), e.getY());
            return;
        }
        Point2D now = toWorld(e);
        band.setX(Math.min(now.getX(), pressWorld.getX()));
        band.setY(Math.min(now.getY(), pressWorld.getY()));
        band.setWidth(Math.abs(now.getX() - pressWorld.getX()));
        band.setHeight(Math.abs(now.getY() - pressWorld.getY()));
        band.setVisible(true);
    }

    private void backgroundReleased(MouseEvent e) {
        if (band.isVisible()) {
            Bounds area = band.getBoundsInParent();
            List<String> inside = view.cards().values().stream()
                    // The card's own rectangle: its shadow and the ports on its edges do not count.
                    .filter(card -> area.intersects(card.localToParent(card.getLayoutBounds())))
                    .map(NodeCard::nodeId).toList();
            if (e.isShortcutDown() || e.isShiftDown()) {
                inside.forEach(id -> model.selection().add(id));
            } else {
                model.selectOnly(inside);
            }
            band.setVisible(false);
        }
        pressViewport = null;
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            view.zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        } else {
            view.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    /** Mouse handling of one node card and its ports. */
    void attach(NodeCard card) {
        card.setOnMousePressed(e -> {
            hideMenu();
            view.focus();
            if (e.getButton() != MouseButton.PRIMARY) {
                if (!model.selection().contains(card.nodeId())) {
                    model.select(card.nodeId(), false);
                }
                e.consume();
                return;
            }
            if (e.isShortcutDown() || e.isShiftDown()) {
                model.select(card.nodeId(), true);
            } else if (!model.selection().contains(card.nodeId())) {
                model.select(card.nodeId(), false);
            }
            pressWorld = toWorld(e);
            dragged = false;
            dragStart.clear();
            for (String id : model.selection()) {
                NodeCard selected = view.cards().get(id);
                if (selected != null) {
                    dragStart.put(id, new double[] {selected.getLayoutX(), selected.getLayoutY()});
                }
            }
            e.consume();
        });
        card.setOnMouseDragged(e -> {
            if (e.getButton() != MouseButton.PRIMARY || pressWorld == null) {
                return;
            }
            Point2D now = toWorld(e);
            double dx = now.getX() - pressWorld.getX();
            double dy = now.getY() - pressWorld.getY();
            dragged |= Math.abs(dx) + Math.abs(dy) > 2;
            dragStart.forEach((id, at) -> view.cards().get(id).relocate(at[0] + dx, at[1] + dy));
            view.drawEdges();
            e.consume();
        });
        card.setOnMouseReleased(e -> {
            if (dragged) {
                Map<String, double[]> placed = new HashMap<>();
                dragStart.keySet().forEach(id -> {
                    NodeCard moved = view.cards().get(id);
                    placed.put(id, new double[] {Math.round(moved.getLayoutX()), Math.round(moved.getLayoutY())});
                });
                model.placeNodes(placed);
            }
            dragged = false;
            pressWorld = null;
            e.consume();
        });
        card.setOnContextMenuRequested(e -> {
            show(nodeMenu(card.nodeId()), card, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        card.ports().forEach(this::attachPort);
    }

    private void attachPort(Circle port) {
        NodeCard.PortRef ref = (NodeCard.PortRef) port.getUserData();
        port.setOnMousePressed(e -> {
            view.focus();
            Point2D start = view.world().sceneToLocal(port.localToScene(port.getCenterX(), port.getCenterY()));
            setWire(start, start);
            wire.setVisible(true);
            e.consume();
        });
        port.setOnMouseDragged(e -> {
            Point2D start = view.world().sceneToLocal(port.localToScene(port.getCenterX(), port.getCenterY()));
            Point2D end = toWorld(e);
            if (ref.input()) {
                setWire(end, start);
            } else {
                setWire(start, end);
            }
            e.consume();
        });
        port.setOnMouseReleased(e -> {
            wire.setVisible(false);
            NodeCard target = cardAt(e.getSceneX(), e.getSceneY());
            if (target != null && !target.nodeId().equals(ref.nodeId())) {
                if (ref.input()) {
                    model.connect(target.nodeId(), ref.nodeId());
                } else {
                    model.connect(ref.nodeId(), target.nodeId());
                }
            }
            e.consume();
        });
    }

    private void setWire(Point2D start, Point2D end) {
        CubicCurve shape = GraphCanvasView.curve(start, end);
        wire.setStartX(shape.getStartX());
        wire.setStartY(shape.getStartY());
        wire.setControlX1(shape.getControlX1());
        wire.setControlY1(shape.getControlY1());
        wire.setControlX2(shape.getControlX2());
        wire.setControlY2(shape.getControlY2());
        wire.setEndX(shape.getEndX());
        wire.setEndY(shape.getEndY());
    }

    /** The card under a scene point, counting a margin around it so a port's edge is enough. */
    private NodeCard cardAt(double sceneX, double sceneY) {
        Point2D at = view.world().sceneToLocal(sceneX, sceneY);
        for (NodeCard card : view.cards().values()) {
            Bounds b = card.getBoundsInParent();
            if (at.getX() >= b.getMinX() - 8 && at.getX() <= b.getMaxX() + 8
                    && at.getY() >= b.getMinY() - 8 && at.getY() <= b.getMaxY() + 8) {
                return card;
            }
        }
        return null;
    }

    /** Clicking an edge selects it (Delete removes it); its menu deletes it too. */
    void attach(CubicCurve curve, ScenarioEdge edge) {
        curve.setOnMousePressed(e -> {
            view.focus();
            model.selectOnly(List.of());
            view.selectEdge(edge);
            e.consume();
        });
        curve.setOnContextMenuRequested(e -> {
            show(menu(item("Delete connection", () -> model.disconnect(edge))), curve, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private ContextMenu nodeMenu(String id) {
        Menu connect = new Menu("Connect to");
        model.connectableFrom(id).forEach(to -> connect.getItems().add(item(to, () -> model.connect(id, to))));
        connect.setDisable(connect.getItems().isEmpty());
        List<ScenarioEdge> touching = model.scenario().edges().stream()
                .filter(e -> e.from().equals(id) || e.to().equals(id)).toList();
        MenuItem disconnect = item("Remove its connections", () -> touching.forEach(model::disconnect));
        disconnect.setDisable(touching.isEmpty());
        return menu(connect, disconnect, new SeparatorMenuItem(),
                item("Copy", model::copySelection), item("Duplicate", model::duplicateSelection),
                item("Delete", model::deleteSelection));
    }

    private ContextMenu backgroundMenu(Point2D at) {
        Menu add = new Menu("Add node here");
        new PaletteViewModel().groupsProperty().get().forEach((group, types) -> {
            Menu sub = new Menu(group);
            for (NodeType type : types) {
                sub.getItems().add(item(type.title(), () -> model.addNode(type,
                        Math.round(at.getX()), Math.round(at.getY()), false)));
            }
            add.getItems().add(sub);
        });
        MenuItem paste = item("Paste", model::paste);
        paste.setDisable(!model.canPaste());
        return menu(add, paste, new SeparatorMenuItem(), item("Select all", model::selectAll),
                item("Fit to view", view::fit), item("Tidy up layout", model::tidyUp));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static ContextMenu menu(MenuItem... items) {
        return new ContextMenu(items);
    }

    private void show(ContextMenu next, javafx.scene.Node anchor, double x, double y) {
        hideMenu();
        menu = next;
        menu.show(anchor, x, y);
    }

    private void hideMenu() {
        if (menu != null) {
            menu.hide();
            menu = null;
        }
    }
}
