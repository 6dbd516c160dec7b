package org.twinbench.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps only the chosen tab's content in the scene. A tab pane keeps every tab's content as a hidden child, and
 * every pulse visits each node of the scene for its bounds, hidden or not (the main window's hidden chart and data
 * tabs held 187 of its 900 nodes): here a tab's content leaves the scene when another tab is chosen and comes back
 * when its own is. The content stays the same node, with its state; {@link #contentOf} finds it while hidden.
 */
public final class ShownTabContent {

    /** Where a tab keeps its content while another tab is shown. */
    private static final Object KEY = ShownTabContent.class;

    private ShownTabContent() {
    }

    /** From now on only the selected tab of {@code pane} has its content in the scene; call on the FX thread. */
    public static void keepOnlyShown(TabPane pane) {
        for (Tab tab : pane.getTabs()) {
            follow(tab);
        }
    }

    private static void follow(Tab tab) {
        tab.getProperties().put(KEY, tab.getContent());
        if (!tab.isSelected()) {
            tab.setContent(null);
        }
        tab.selectedProperty().addListener((obs, was, now) -> tab.setContent(now ? contentOf(tab) : null));
    }

    /** The content of {@code tab}, in the scene or not (its own content if it is not kept by this class). */
    public static Node contentOf(Tab tab) {
        Object kept = tab.getProperties().get(KEY);
        return kept instanceof Node node ? node : tab.getContent();
    }
}
