package org.twinbench.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;
import org.twinbench.ui.graph.GraphCanvasViewModel;

/** Edit → Connect selected node to… (Ctrl+E): the keyboard's way to draw an edge, choosing what the selected node feeds. */
final class ConnectChoice {

    private ConnectChoice() {
    }

    /** Asks which node the one selected on {@code canvas} feeds, and connects them; says why not when it cannot. */
    static void ask(Window owner, GraphCanvasViewModel canvas) {
        Optional<String> from = canvas.singleSelection();
        if (from.isEmpty()) {
            canvas.say("Select one node first, then choose what it feeds");
            return;
        }
        List<String> targets = canvas.connectableFrom(from.get());
        if (targets.isEmpty()) {
            canvas.say(from.get() + " cannot feed any node of this graph");
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(targets.get(0), targets);
        dialog.initOwner(owner);
        dialog.setTitle("Connect");
        dialog.setHeaderText("Connect " + from.get() + " to");
        dialog.showAndWait().ifPresent(to -> canvas.connect(from.get(), to));
    }
}
