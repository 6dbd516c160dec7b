package org.twinbench.ui.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.twinbench.scenario.NodeType;

/**
 * Controller of {@code fxml/PaletteView.fxml}: the node types of the catalog, grouped and searchable.
 * Drag an entry onto the canvas to add it there, or press Enter to add it next to the selected node.
 */
public final class PaletteView {

    /** Where a type dragged out of the palette was released; returns whether it landed on the canvas. */
    public interface DropTarget {
        boolean drop(NodeType type, double sceneX, double sceneY);
    }

    @FXML private VBox root;
    @FXML private TextField searchField;
    @FXML private TreeView<Object> typeTree;

    private PaletteViewModel model;
    private DropTarget dropTarget;
    private Consumer<NodeType> keyboardAdd;

    public void bind(PaletteViewModel viewModel, DropTarget drop, Consumer<NodeType> add) {
        this.model = viewModel;
        this.dropTarget = drop;
        this.keyboardAdd = add;
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        viewModel.groupsProperty().addListener((obs, old, now) -> fill(now));
        fill(viewModel.groupsProperty().get());
        typeTree.setCellFactory(tree -> new TypeCell());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.first().ifPresent(keyboardAdd);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                typeTree.requestFocus();
                selectFirstType();
                e.consume();
            }
        });
        typeTree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selectedType() != null) {
                keyboardAdd.accept(selectedType());
                e.consume();
            }
        });
    }

    private void fill(Map<String, List<NodeType>> groups) {
        TreeItem<Object> top = new TreeItem<>("Node types");
        groups.forEach((group, types) -> {
            TreeItem<Object> groupItem = new TreeItem<>(group);
            groupItem.setExpanded(true);
            types.forEach(type -> groupItem.getChildren().add(new TreeItem<>(type)));
            top.getChildren().add(groupItem);
        });
        typeTree.setRoot(top);
    }

    private void selectFirstType() {
        for (TreeItem<Object> group : typeTree.getRoot().getChildren()) {
            if (!group.getChildren().isEmpty()) {
                typeTree.getSelectionModel().select(group.getChildren().get(0));
                return;
            }
        }
    }

    private NodeType selectedType() {
        TreeItem<Object> item = typeTree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof NodeType type ? type : null;
    }

    /** Puts the cursor in the search field, text selected: Ctrl+K. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** A group heading, or a node type with its icon, title and one-line description. */
    private final class TypeCell extends TreeCell<Object> {
        private NodeType dragging;

        TypeCell() {
            setOnMousePressed(e -> dragging = getItem() instanceof NodeType type ? type : null);
            setOnMouseDragged(e -> {
                if (dragging != null) {
                    setCursor(Cursor.CLOSED_HAND);
                }
            });
            setOnMouseReleased(e -> {
                setCursor(Cursor.DEFAULT);
                if (dragging != null && e.isStillSincePress()) {
                    dragging = null;
                    return;
                }
                if (dragging != null) {
                    dropTarget.drop(dragging, e.getSceneX(), e.getSceneY());
                }
                dragging = null;
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("palette-group", "palette-type");
            setText(null);
            setGraphic(null);
            setTooltip(null);
            if (empty || item == null) {
                return;
            }
            if (item instanceof NodeType type) {
                getStyleClass().add("palette-type");
                setId("palette-" + PaletteViewModel.slug(type.type()));
                javafx.scene.Node icon = GroupIcons.of(type.group());
                Label title = new Label(type.title());
                title.getStyleClass().add("palette-title");
                Label description = new Label(type.description());
                description.getStyleClass().add("palette-description");
                // Ellipsis at the palette's width (less indent, icon and scroll bar) instead of a horizontal scroll bar;
                // the tooltip has it all.
                description.maxWidthProperty().bind(typeTree.widthProperty().subtract(90));
                description.setMinWidth(0);
                // A title too long for a narrow palette takes a second line rather than an ellipsis.
                title.maxWidthProperty().bind(typeTree.widthProperty().subtract(90));
                title.setWrapText(true);
                title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                HBox row = new HBox(8, icon, new VBox(1, title, description));
                row.getStyleClass().add("palette-row");
                setGraphic(row);
                setTooltip(new Tooltip(type.title() + "\n" + type.description()
                        + "\nDrag onto the canvas, or press Enter to add it after the selected node"));
            } else {
                getStyleClass().add("palette-group");
                setId("palette-group-" + PaletteViewModel.slug(item.toString()));
                setText(item.toString());
            }
        }
    }
}
