package org.twinbench.ui;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import org.twinbench.ui.editor.EditHistory;
import org.twinbench.ui.graph.GraphCanvasView;
import org.twinbench.ui.graph.PaletteView;

/**
 * The main window's commands on the graph — the Edit menu (undo and redo, named after the edit they
 * undo; copy, paste, duplicate, delete, select all; add a node by its type; connect the selected node)
 * and the View menu's zoom, fit and tidy-up — and the toolbar's undo and redo buttons. The FXML names
 * each menu item's command in its {@code userData}. Clipboard commands leave a text field being typed
 * in to itself. Part of {@link MainView}.
 */
final class GraphCommands {

    private final MainViewModel viewModel;
    private final Parent root;
    private final GraphCanvasView canvas;
    private final PaletteView palette;

    private GraphCommands(MainViewModel viewModel, Parent root, GraphCanvasView canvas, PaletteView palette) {
        this.viewModel = viewModel;
        this.root = root;
        this.canvas = canvas;
        this.palette = palette;
    }

    /** Gives the items of {@code menus} their command and binds undo and redo to the document's history. */
    static void install(MainViewModel model, Parent root, GraphCanvasView canvas, PaletteView palette,
                        Button undoButton, Tooltip undoTip, Button redoButton, Tooltip redoTip, Menu... menus) {
        GraphCommands commands = new GraphCommands(model, root, canvas, palette);
        Map<String, Runnable> byName = commands.byName();
        MenuItem undo = null;
        MenuItem redo = null;
        for (Menu menu : menus) {
            for (MenuItem item : menu.getItems()) {
                if (item.getUserData() instanceof String name && byName.containsKey(name)) {
                    item.setOnAction(e -> byName.get(name).run());
                    undo = name.equals("undo") ? item : undo;
                    redo = name.equals("redo") ? item : redo;
                }
            }
        }
        undoButton.setOnAction(e -> model.document().history().undo());
        redoButton.setOnAction(e -> model.document().history().redo());
        EditHistory history = model.document().history();
        if (undo != null) {
            undo.textProperty().bind(Bindings.when(history.canUndoProperty())
                    .then(Bindings.concat("Undo ", history.undoDescriptionProperty())).otherwise("Undo"));
            undo.disableProperty().bind(history.canUndoProperty().not());
            undoTip.textProperty().bind(Bindings.concat(undo.textProperty(), " (Ctrl+Z)"));
        }
        if (redo != null) {
            redo.textProperty().bind(Bindings.when(history.canRedoProperty())
                    .then(Bindings.concat("Redo ", history.redoDescriptionProperty())).otherwise("Redo"));
            redo.disableProperty().bind(history.canRedoProperty().not());
            redoTip.textProperty().bind(Bindings.concat(redo.textProperty(), " (Ctrl+Y)"));
        }
        undoButton.disableProperty().bind(history.canUndoProperty().not());
        redoButton.disableProperty().bind(history.canRedoProperty().not());
    }

    private Map<String, Runnable> byName() {
        return Map.ofEntries(
                Map.entry("undo", () -> viewModel.document().history().undo()),
                Map.entry("redo", () -> viewModel.document().history().redo()),
                Map.entry("copy", unlessTyping(() -> viewModel.canvas().copySelection())),
                Map.entry("paste", unlessTyping(() -> viewModel.canvas().paste())),
                Map.entry("duplicate", unlessTyping(() -> viewModel.canvas().duplicateSelection())),
                Map.entry("delete", unlessTyping(canvas::deleteSelected)),
                Map.entry("selectAll", unlessTyping(() -> viewModel.canvas().selectAll())),
                Map.entry("findType", palette::focusSearch),
                // Keyboard connection: choose which node the selected one feeds.
                Map.entry("connectTo", () -> {
                    ConnectChoice.ask(root.getScene().getWindow(), viewModel.canvas());
                    canvas.focus();
                }),
                Map.entry("zoomIn", canvas::onZoomIn),
                Map.entry("zoomOut", canvas::onZoomOut),
                Map.entry("fit", canvas::fit),
                Map.entry("tidyUp", () -> viewModel.canvas().tidyUp()));
    }

    /** The command, except while a text field has the focus: Ctrl+C there copies its text, not nodes. */
    private Runnable unlessTyping(Runnable command) {
        return () -> {
            if (!(root.getScene().getFocusOwner() instanceof TextInputControl)) {
                command.run();
            }
        };
    }
}
