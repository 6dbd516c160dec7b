package org.twinbench.ui.results;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.testfx.api.FxRobot;

/** Chooses a tab of the results' chart tabs: only the chosen tab's content is in the scene to be looked up. */
public final class ChartTab {

    private ChartTab() {
    }

    /** Chooses the chart tab named {@code text} ("Worst slices", "Reliability", ...) and waits for the FX thread. */
    public static void choose(FxRobot robot, String text) {
        TabPane tabs = robot.lookup(".chart-tabs").queryAs(TabPane.class);
        robot.interact(() -> {
            Tab tab = tabs.getTabs().stream().filter(t -> text.equals(t.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no chart tab named " + text));
            tabs.getSelectionModel().select(tab);
        });
    }
}
