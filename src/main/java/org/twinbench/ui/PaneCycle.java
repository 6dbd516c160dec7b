package org.twinbench.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * F6 moves the keyboard focus to the next pane of the main window (Shift+F6 the previous one), as in
 * most desktop applications: data and model, node types, canvas, results, inspector. The focus lands
 * on the pane's first control that takes it. In the canvas, where arrow keys move nodes, Tab and
 * Shift+Tab also leave to the next and previous pane (Ctrl+Tab goes through the nodes instead).
 */
final class PaneCycle {

    private final List<Node> panes;

    private PaneCycle(List<Node> panes) {
        this.panes = List.copyOf(panes);
    }

    /**
     * Installs F6 / Shift+F6 on {@code scene} over {@code panes}, in that order, and Tab / Shift+Tab
     * (without Ctrl) out of {@code tabLeaves}, a pane whose own keys would otherwise keep the focus.
     */
    static PaneCycle install(Scene scene, List<Node> panes, Node tabLeaves) {
        PaneCycle cycle = new PaneCycle(panes);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean leaving = event.getCode() == KeyCode.TAB && !event.isShortcutDown() && !event.isAltDown()
                    && scene.getFocusOwner() != null && contains(tabLeaves, scene.getFocusOwner());
            if (event.getCode() == KeyCode.F6 || leaving) {
                cycle.move(scene.getFocusOwner(), event.isShiftDown() ? -1 : 1);
                event.consume();
            }
        });
        return cycle;
    }

    /** Focuses the pane after (or before, {@code step} −1) the one holding {@code focused}. */
    void move(Node focused, int step) {
        int current = -1;
        for (int i = 0; i < panes.size() && focused != null; i++) {
            if (contains(panes.get(i), focused)) {
                current = i;
            }
        }
        for (int tried = 1; tried <= panes.size(); tried++) {
            int next = Math.floorMod(current + step * tried, panes.size());
            Node target = firstFocusable(panes.get(next));
            if (target != null) {
                target.requestFocus();
                return;
            }
        }
    }

    private static boolean contains(Node pane, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    private static Node firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable()) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
