package org.twinbench.ui.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.twinbench.scenario.NodeType.ParamSpec;
import org.twinbench.ui.editor.ParamRange;
import org.twinbench.ui.editor.ParamValues;

/**
 * The editor control of one parameter, chosen by its {@link ParamSpec.Kind}: text and numbers as
 * typed fields, a number with both limits as a slider plus a typed field, a text with a fixed list
 * of values as a choice list, a column as an editable list of the dataset's columns, several columns as typed
 * names plus a checklist, a flag as a check box, a file with a chooser, a schedule with
 * {@link ScheduleEditor}. Each reports what the user entered to {@code apply}, which answers with
 * the problem to show (if any).
 */
abstract class ParamEditor {

    /** Receives text (or a value) the user entered; returns the problem to show under the field. */
    interface Sink {
        Optional<String> text(String param, String text);

        Optional<String> value(String param, Object value);
    }

    protected final ParamSpec spec;
    protected final Sink sink;
    /** True while the editor shows a value set from outside (undo), so no edit is echoed back. */
    protected boolean updating;
    private java.util.function.Consumer<Optional<String>> onProblem = p -> { };

    ParamEditor(ParamSpec spec, Sink sink) {
        this.spec = spec;
        this.sink = sink;
    }

    abstract Node control();

    /** Shows the stored value, unless the field already says the same thing. */
    abstract void show(Object value);

    void onProblem(java.util.function.Consumer<Optional<String>> consumer) {
        this.onProblem = consumer;
    }

    protected void report(Optional<String> problem) {
        onProblem.accept(problem);
    }

    static ParamEditor of(ParamSpec spec, Sink sink, ObservableList<String> columns, Function<String, String> relativize) {
        return switch (spec.kind()) {
            case BOOLEAN -> new Flag(spec, sink);
            case SCHEDULE -> new ScheduleEditor(spec, sink);
            case COLUMN -> new ColumnChoice(spec, sink, columns);
            case COLUMNS -> new ColumnList(spec, sink, columns);
            case FILE -> new FileField(spec, sink, relativize);
            case TEXT -> spec.choices().isEmpty() ? new Typed(spec, sink) : new Choice(spec, sink);
            default -> ParamRange.of(spec).<ParamEditor>map(range -> new Ranged(spec, sink, range))
                    .orElseGet(() -> new Typed(spec, sink));
        };
    }

    /** What an empty field stands for: the default, or that the value is required or not set. */
    static String prompt(ParamSpec spec) {
        return spec.defaultValue() == null ? (spec.required() ? "required" : "not set")
                : "default " + ParamValues.format(spec.defaultValue());
    }

    /** A typed value: text, number, whole number. Each keystroke is checked and, if it parses, applied. */
    static class Typed extends ParamEditor {
        protected final TextField field = new TextField();

        Typed(ParamSpec spec, Sink sink) {
            super(spec, sink);
            field.setId("param-" + spec.name());
            field.setPromptText(prompt(spec));
            field.setTooltip(new Tooltip(spec.help()));
            field.textProperty().addListener((obs, old, now) -> {
                if (!updating) {
                    report(sink.text(spec.name(), now));
                }
            });
        }

        @Override
        Node control() {
            return field;
        }

        @Override
        void show(Object value) {
            ParamValues.Parsed current = ParamValues.parse(spec.kind(), field.getText());
            if (!current.isOk() || !java.util.Objects.equals(current.value(), value)) {
                updating = true;
                field.setText(ParamValues.format(value));
                updating = false;
            }
        }
    }

    /**
     * A number with a lower and an upper limit: a slider beside the typed field. Both edit the same
     * parameter (a drag is one edit, as consecutive changes of one parameter fold together); typed
     * text is checked as it is typed, and a value outside the limits is reported, not clamped.
     */
    static final class Ranged extends Typed {
        private final ParamRange range;
        private final Slider slider;
        private final HBox box;

        Ranged(ParamSpec spec, Sink sink, ParamRange range) {
            super(spec, sink);
            this.range = range;
            slider = new Slider(range.min(), range.max(), range.position(null, spec.defaultValue()));
            slider.setId("slider-" + spec.name());
            slider.setBlockIncrement(range.step());
            if (range.whole()) {
                slider.setMajorTickUnit(1);
                slider.setMinorTickCount(0);
                slider.setSnapToTicks(true);
            }
            slider.setTooltip(new Tooltip(spec.help() + " (from " + ParamValues.format(range.snap(range.min()))
                    + " to " + ParamValues.format(range.snap(range.max())) + ")"));
            slider.valueProperty().addListener((obs, old, now) -> {
                if (!updating) {
                    Object value = range.snap(now.doubleValue());
                    updating = true;
                    field.setText(ParamValues.format(value));
                    updating = false;
                    report(sink.value(spec.name(), value));
                }
            });
            field.setPrefColumnCount(5);
            field.setMinWidth(64);
            HBox.setHgrow(slider, Priority.ALWAYS);
            slider.setMaxWidth(Double.MAX_VALUE);
            box = new HBox(6, slider, field);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        Node control() {
            return box;
        }

        @Override
        void show(Object value) {
            super.show(value);
            updating = true;
            slider.setValue(range.position(value, spec.defaultValue()));
            updating = false;
        }
    }

    /**
     * One of a fixed list of texts (a detector, a statistic, a mode): picked from a list, never typed.
     * An optional one also lists its absence first, "(default adwin)" or "(not set)", which removes
     * the parameter again.
     */
    static final class Choice extends ParamEditor {
        private final ComboBox<String> box = new ComboBox<>();
        /** The first item of an optional parameter's list, standing for no value; null if required. */
        private final String unset;

        Choice(ParamSpec spec, Sink sink) {
            super(spec, sink);
            unset = spec.required() ? null : "(" + prompt(spec) + ")";
            box.setId("param-" + spec.name());
            if (unset != null) {
                box.getItems().add(unset);
            }
            box.getItems().addAll(spec.choices());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPromptText(prompt(spec));
            box.setTooltip(new Tooltip(spec.help()));
            box.valueProperty().addListener((obs, old, now) -> {
                if (!updating) {
                    report(sink.value(spec.name(), now == null || now.equals(unset) ? null : now));
                }
            });
        }

        @Override
        Node control() {
            return box;
        }

        @Override
        void show(Object value) {
            updating = true;
            // A value outside the list (a hand-edited file) is still shown; the validator reports it.
            box.setValue(value == null ? unset : String.valueOf(value));
            updating = false;
        }
    }

    /** A file path, typed or chosen; stored relative to the scenario's folder when inside it. */
    static final class FileField extends Typed {
        private final HBox box;

        FileField(ParamSpec spec, Sink sink, Function<String, String> relativize) {
            super(spec, sink);
            Button browse = new Button("…");
            browse.setTooltip(new Tooltip("Choose the file"));
            browse.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Choose " + spec.name());
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Data files", "*.csv", "*.tsv", "*.xlsx"));
                java.io.File file = chooser.showOpenDialog(field.getScene().getWindow());
                if (file != null) {
                    field.setText(relativize.apply(file.getAbsolutePath()));
                }
            });
            HBox.setHgrow(field, Priority.ALWAYS);
            box = new HBox(4, field, browse);
        }

        @Override
        Node control() {
            return box;
        }
    }

    /**
     * One column: pick from the dataset's columns (of the kind the parameter takes) or type a name. A
     * list of more than {@link #LONG_LIST} columns gets a ControlsFX {@code SearchableComboBox} under
     * the field, as wide as it (so its prompt is never cut to "search …"), where typing part of a name
     * narrows the list.
     */
    static final class ColumnChoice extends ParamEditor {
        /** More columns than this are searched rather than scrolled. */
        static final int LONG_LIST = 15;
        private final ComboBox<String> box = new ComboBox<>();
        private final org.controlsfx.control.SearchableComboBox<String> search = new org.controlsfx.control.SearchableComboBox<>();
        private final javafx.scene.layout.VBox holder;
        /**
         * Follows the offered columns into the box's own list. Replacing the list whole, with the typed text
         * kept, means a column leaving the list (its kind learnt later) never clears the value as if the
         * user had: the box's selection would otherwise drop it and empty the field.
         */
        private final javafx.collections.ListChangeListener<String> follow;

        ColumnChoice(ParamSpec spec, Sink sink, ObservableList<String> columns) {
            super(spec, sink);
            box.setId("param-" + spec.name());
            box.setEditable(true);
            ObservableList<String> items = javafx.collections.FXCollections.observableArrayList(columns);
            ObservableList<String> searched = javafx.collections.FXCollections.observableArrayList(columns);
            follow = change -> {
                String text = box.getEditor().getText();
                updating = true;
                items.setAll(columns);
                search.setValue(null);
                searched.setAll(columns);
                showSearch(columns.size());
                if (!box.getEditor().getText().equals(text)) {
                    box.getEditor().setText(text);
                }
                updating = false;
            };
            columns.addListener(new javafx.collections.WeakListChangeListener<>(follow));
            box.setItems(items);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPromptText("column");
            box.setTooltip(new Tooltip(spec.help()));
            box.getEditor().textProperty().addListener((obs, old, now) -> {
                if (!updating) {
                    report(sink.text(spec.name(), now));
                }
            });
            search.setId("param-" + spec.name() + "-search");
            search.setItems(searched);
            search.setTooltip(new Tooltip("Search the columns: type part of a name"));
            search.valueProperty().addListener((obs, old, now) -> {
                if (!updating && now != null && !now.equals(box.getEditor().getText())) {
                    box.getEditor().setText(now);
                }
            });
            search.setMaxWidth(Double.MAX_VALUE);
            holder = new javafx.scene.layout.VBox(4, box, search);
            showSearch(columns.size());
        }

        /** The search under the field only for a long list. */
        private void showSearch(int count) {
            search.setVisible(count > LONG_LIST);
            search.setManaged(count > LONG_LIST);
            search.setPromptText("search " + count + " columns");
        }

        @Override
        Node control() {
            return holder;
        }

        @Override
        void show(Object value) {
            String text = ParamValues.format(value);
            if (!text.equals(box.getEditor().getText().strip())) {
                updating = true;
                box.getEditor().setText(text);
                box.setValue(text.isEmpty() ? null : text);
                updating = false;
            }
        }
    }

    /** Several columns: typed as a comma-separated list, or ticked in the dataset's column list. */
    static final class ColumnList extends Typed {
        private final HBox box;

        ColumnList(ParamSpec spec, Sink sink, ObservableList<String> columns) {
            super(spec, sink);
            MenuButton pick = new MenuButton("Pick");
            pick.setTooltip(new Tooltip("Tick columns of the dataset"));
            pick.setOnShowing(e -> {
                Set<String> chosen = new LinkedHashSet<>(names());
                pick.getItems().setAll(columns.stream().map(name -> {
                    CheckMenuItem item = new CheckMenuItem(name);
                    // Column names such as credit_history_years: the underscore is text, not a mnemonic.
                    item.setMnemonicParsing(false);
                    item.setSelected(chosen.contains(name));
                    item.setOnAction(a -> toggle(name, columns));
                    return item;
                }).toList());
            });
            HBox.setHgrow(field, Priority.ALWAYS);
            box = new HBox(4, field, pick);
        }

        private List<String> names() {
            Object parsed = ParamValues.parse(spec.kind(), field.getText()).value();
            return parsed instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        }

        /** Adds or removes a column, keeping the dataset's column order for the ones it knows. */
        private void toggle(String name, List<String> columns) {
            List<String> names = new ArrayList<>(names());
            if (!names.remove(name)) {
                names.add(name);
                names.sort(java.util.Comparator.comparingInt(n -> columns.indexOf(n) < 0 ? Integer.MAX_VALUE
                        : columns.indexOf(n)));
            }
            field.setText(String.join(", ", names));
        }

        @Override
        Node control() {
            return box;
        }
    }

    /** A yes/no parameter. */
    static final class Flag extends ParamEditor {
        private final CheckBox check = new CheckBox();

        Flag(ParamSpec spec, Sink sink) {
            super(spec, sink);
            check.setId("param-" + spec.name());
            check.setTooltip(new Tooltip(spec.help()));
            check.selectedProperty().addListener((obs, old, now) -> {
                if (!updating) {
                    report(sink.value(spec.name(), now));
                }
            });
        }

        @Override
        Node control() {
            return check;
        }

        @Override
        void show(Object value) {
            updating = true;
            check.setSelected(Boolean.TRUE.equals(value == null ? spec.defaultValue() : value));
            updating = false;
        }
    }
}
