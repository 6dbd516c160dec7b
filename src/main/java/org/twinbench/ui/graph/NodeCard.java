package org.twinbench.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.ScenarioNode;

/**
 * One node on the canvas: its type's title, its id, and its typed ports (inputs on the left edge,
 * outputs on the right, coloured by port type). Purely a picture; the canvas handles the input.
 */
public final class NodeCard extends Pane {

    public static final double WIDTH = 190;
    private static final double PORTS_TOP = 62;
    private static final double PORT_SPACING = 22;
    private static final double PORT_RADIUS = 6;

    private final String nodeId;
    private final String typeName;
    private final NodeType type;
    private final List<Circle> inputs = new ArrayList<>();
    private final List<Circle> outputs = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();
    private final Label title;
    private final List<Label> lowerLabels = new ArrayList<>();
    private boolean titleFitted;

    NodeCard(ScenarioNode node, NodeType type) {
        this.nodeId = node.id();
        this.typeName = node.type();
        this.type = type;
        setId("node-" + node.id());
        getStyleClass().add("node-card");
        getStyleClass().add("group-" + (type == null ? "unknown" : PaletteViewModel.slug(type.group())));
        title = label(type == null ? node.type() : type.title(), "node-title", 12, 8, WIDTH - 24);
        Label id = label(node.id(), "node-id", 12, 30, WIDTH - 24);
        lowerLabels.add(id);
        getChildren().addAll(title, id);
        int rows = 1;
        if (type != null) {
            addPorts(type.inputs(), true);
            addPorts(type.outputs(), false);
            rows = Math.max(1, Math.max(type.inputs().size(), type.outputs().size()));
        }
        double height = PORTS_TOP + (rows - 1) * PORT_SPACING + 18;
        setMinSize(WIDTH, height);
        setPrefSize(WIDTH, height);
        setMaxSize(WIDTH, height);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        Tooltip.install(this, tooltip);
    }

    private void addPorts(List<NodeType.Port> ports, boolean input) {
        for (int i = 0; i < ports.size(); i++) {
            NodeType.Port port = ports.get(i);
            double y = PORTS_TOP + i * PORT_SPACING;
            Circle circle = new Circle(input ? 0 : WIDTH, y, PORT_RADIUS);
            circle.getStyleClass().addAll("port", "port-" + port.type().name().toLowerCase(Locale.ROOT));
            circle.setId((input ? "in-" : "out-") + nodeId + "-" + port.name());
            circle.setUserData(new PortRef(nodeId, port, input));
            Tooltip.install(circle, new Tooltip((input ? "Input " : "Output ") + port.name() + " ("
                    + port.type().name().toLowerCase(Locale.ROOT) + "): drag to a "
                    + (input ? "node's output" : "node's input") + " to connect"));
            Label name = label(port.name(), "port-label", input ? 12 : WIDTH / 2, y - 9, WIDTH / 2 - 12);
            if (!input) {
                name.setAlignment(Pos.CENTER_RIGHT);
            }
            (input ? inputs : outputs).add(circle);
            lowerLabels.add(name);
            getChildren().addAll(circle, name);
        }
    }

    private static Label label(String text, String style, double x, double y, double width) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        label.setPrefWidth(width);
        label.setMaxWidth(width);
        label.relocate(x, y);
        return label;
    }

    /**
     * Gives a title too long for one line a second line, moving the id and the ports down: a card
     * never cuts its title off. Needs the stylesheet's font, so the canvas calls it once the card is
     * in the scene.
     */
    void fitTitle() {
        if (titleFitted || getScene() == null) {
            return;
        }
        titleFitted = true;
        applyCss();
        Text probe = new Text(title.getText());
        probe.setFont(title.getFont());
        double line = Math.ceil(probe.getLayoutBounds().getHeight());
        if (probe.getLayoutBounds().getWidth() <= title.getPrefWidth()) {
            return;
        }
        title.setWrapText(true);
        title.setPrefHeight(2 * line + 2);
        title.setMaxHeight(2 * line + 2);
        for (Label label : lowerLabels) {
            label.setLayoutY(label.getLayoutY() + line);
        }
        for (Circle port : ports()) {
            port.setCenterY(port.getCenterY() + line);
        }
        double height = getPrefHeight() + line;
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
    }

    /** Shows the node's state: selected or not, and its problems (marked and in the tooltip). */
    void show(boolean selected, List<String> problems) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !problems.isEmpty());
        StringBuilder text = new StringBuilder(nodeId);
        text.append(type == null ? "\nUnknown node type " + typeName : "\n" + type.description());
        problems.forEach(p -> text.append("\n⚠ ").append(p));
        tooltip.setText(text.toString());
    }

    String nodeId() {
        return nodeId;
    }

    String typeName() {
        return typeName;
    }

    /** Where an edge leaves this node (the output port of {@code type}, else the first) in its parent. */
    Point2D outputPoint(NodeType.Port wanted) {
        return portPoint(outputs, wanted, WIDTH);
    }

    Point2D inputPoint(NodeType.Port wanted) {
        return portPoint(inputs, wanted, 0);
    }

    private Point2D portPoint(List<Circle> ports, NodeType.Port wanted, double edgeX) {
        Circle circle = ports.stream().filter(c -> ((PortRef) c.getUserData()).port().equals(wanted)).findFirst()
                .orElse(ports.isEmpty() ? null : ports.get(0));
        double y = circle == null ? PORTS_TOP : circle.getCenterY();
        return new Point2D(getLayoutX() + edgeX, getLayoutY() + y);
    }

    List<Circle> ports() {
        List<Circle> all = new ArrayList<>(inputs);
        all.addAll(outputs);
        return all;
    }

    /** What a port circle stands for. */
    record PortRef(String nodeId, NodeType.Port port, boolean input) {
    }
}
