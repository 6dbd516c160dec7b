package org.twinbench.ui.data;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ValueKind;
import org.twinbench.ui.data.DataModelPanelViewModel.ColumnRow;

/**
 * The columns of the loaded dataset: name, the kind of value (number, text, date, timestamp) and the
 * role (feature, target, slice, timestamp, id, ignore, PII), the last two chosen from drop-downs that
 * are always visible, so one click changes them. Personal data is marked in its own colour; the
 * reason for each proposed role is the row's tooltip.
 */
public final class ColumnRolesTable extends TableView<ColumnRow> {

    private BiConsumer<String, ValueKind> onKind = (column, kind) -> { };
    private BiConsumer<String, ColumnRole> onRole = (column, role) -> { };

    public ColumnRolesTable() {
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getStyleClass().add("column-roles");
        setPlaceholder(new Label("No dataset open"));
        TableColumn<ColumnRow, ColumnRow> name = new TableColumn<>("Column");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        name.setCellFactory(column -> new NameCell());
        name.setPrefWidth(100);
        TableColumn<ColumnRow, ColumnRow> kind = new TableColumn<>("Type");
        kind.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        kind.setCellFactory(column -> new ChoiceCell<>(List.of(ValueKind.values()), ColumnRow::kind, "kind-",
                (row, chosen) -> onKind.accept(row.name(), chosen)));
        kind.setPrefWidth(72);
        TableColumn<ColumnRow, ColumnRow> role = new TableColumn<>("Role");
        role.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        role.setCellFactory(column -> new ChoiceCell<>(List.of(ColumnRole.values()), ColumnRow::role, "role-",
                (row, chosen) -> onRole.accept(row.name(), chosen)));
        role.setPrefWidth(80);
        List.of(name, kind, role).forEach(c -> c.setSortable(false));
        getColumns().setAll(List.of(name, kind, role));
    }

    /** Who hears that the user chose another kind or role for a column. */
    void onChange(BiConsumer<String, ValueKind> kindChosen, BiConsumer<String, ColumnRole> roleChosen) {
        this.onKind = kindChosen;
        this.onRole = roleChosen;
    }

    /** A kind or role as the user reads it. */
    static String words(Object choice) {
        // Short words: the panel is narrow and a drop-down must show its whole value.
        if (choice == ColumnRole.PII) {
            return "PII";
        }
        if (choice == ColumnRole.TIMESTAMP) {
            return "time";
        }
        if (choice == ValueKind.TIMESTAMP) {
            return "datetime";
        }
        return choice.toString().toLowerCase(Locale.ROOT);
    }

    private static final class NameCell extends TableCell<ColumnRow, ColumnRow> {
        NameCell() {
            setContentDisplay(ContentDisplay.TEXT_ONLY);
        }

        @Override
        protected void updateItem(ColumnRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("personal-data");
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(row.name());
            if (row.personal()) {
                getStyleClass().add("personal-data");
            }
            setTooltip(new Tooltip(row.name() + ": " + words(row.role()) + " — " + row.reason()
                    + (row.personal() ? "\nPersonal data: masked in the preview, never a feature unless you say so." : "")));
        }
    }

    /** A drop-down that is always shown; a choice the user makes is reported, a refresh is not. */
    private static final class ChoiceCell<T> extends TableCell<ColumnRow, ColumnRow> {
        private final ComboBox<T> box;
        private final java.util.function.Function<ColumnRow, T> current;
        private final String idPrefix;
        private boolean updating;

        ChoiceCell(List<T> choices, java.util.function.Function<ColumnRow, T> current, String idPrefix,
                   BiConsumer<ColumnRow, T> chosen) {
            this.current = current;
            this.idPrefix = idPrefix;
            box = new ComboBox<>(FXCollections.observableArrayList(choices));
            box.setMaxWidth(Double.MAX_VALUE);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(T value) {
                    return value == null ? "" : words(value);
                }

                @Override
                public T fromString(String text) {
                    return null;
                }
            });
            box.valueProperty().addListener((obs, old, now) -> {
                ColumnRow row = getItem();
                if (!updating && row != null && now != null && now != current.apply(row)) {
                    chosen.accept(row, now);
                }
            });
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ColumnRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            updating = true;
            box.setValue(current.apply(row));
            updating = false;
            box.setId(idPrefix + row.name());
            setGraphic(box);
        }
    }
}
