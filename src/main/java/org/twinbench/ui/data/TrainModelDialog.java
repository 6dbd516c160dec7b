package org.twinbench.ui.data;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Task;
import org.twinbench.data.TrainingLeaks;

/**
 * "Train a model…": the algorithm, the target, the seed of the train/holdout split and the share held
 * out. The answer has no file yet; the panel asks where to save it next. The form names the task the target
 * calls for ({@link Task#of}: what the training does) and the algorithms as they are for that task: the linear
 * model is a logistic regression for two values, a multinomial one for several classes and a ridge linear
 * regression for amounts.
 */
final class TrainModelDialog extends Dialog<TrainRequest> {

    static final ButtonType TRAIN = new ButtonType("Train and save…", ButtonBar.ButtonData.OK_DONE);

    /** Finds, off the FX thread, the leakage findings of a target's features and hands them over on the FX thread. */
    interface LeakCheck {
        /** The findings of {@code target}'s features on the rows {@code rows} chosen to train on. */
        void check(String target, TrainingRows rows, Consumer<List<QualityFinding>> found);
    }

    /**
     * @param targets  the columns that can be predicted, the current target first
     * @param features the columns the model will read, for the note under the form
     * @param frame    the open table, whose target column decides the task
     */
    TrainModelDialog(Window owner, List<String> targets, java.util.function.Function<String, List<String>> features,
                     Frame frame, LeakCheck leakCheck, List<TrainingRows> rowChoices) {
        initOwner(owner);
        setTitle("Train a model");
        setHeaderText("Train a model on the open dataset");
        ComboBox<AlgorithmChoice> algorithm = new ComboBox<>();
        algorithm.setId("trainAlgorithm");
        Tooltip algorithmTip = new Tooltip();
        algorithm.setTooltip(algorithmTip);
        ComboBox<String> target = new ComboBox<>(FXCollections.observableArrayList(targets));
        target.setId("trainTarget");
        target.setTooltip(new Tooltip("The column with the outcome to predict: two values (e.g. yes/no) make a "
                + "classification, 3 to " + Task.MAX_CLASSES + " classes a multiclass one, amounts a regression"));
        Label task = new Label();
        task.setId("trainTask");
        task.setWrapText(true);
        task.setMaxWidth(280);
        ComboBox<TrainingRows> rows = new ComboBox<>(FXCollections.observableArrayList(rowChoices));
        rows.setId("trainRows");
        rows.setValue(rowChoices.get(0));
        rows.setTooltip(new Tooltip("The reference rows only: a twin replaying the rest of the table then replays no "
                + "row the model learnt from, so its figures are not optimistic"));
        // The task is the one the rows chosen call for, as training on them decides it (TrainingRun).
        Runnable describeTask = () -> {
            String now = target.getValue();
            Column chosen = now == null || !frame.has(now) ? null : rows.getValue().of(frame).column(now);
            Task called = chosen == null ? null : Task.of(chosen).orElse(null);
            task.setText(chosen == null ? "" : describe(frame.column(now), chosen, called));
            int kept = Math.max(0, algorithm.getItems().indexOf(algorithm.getValue()));
            List<AlgorithmChoice> choices = AlgorithmChoice.all(called == null ? Task.BINARY : called);
            algorithm.getItems().setAll(choices);
            algorithm.setValue(choices.get(kept));
            algorithmTip.setText(choices.get(0).label() + " is fast and easy to explain; the tree ensembles "
                    + "capture interactions but take longer to train");
        };
        target.valueProperty().addListener((seen, before, now) -> describeTask.run());
        rows.valueProperty().addListener((seen, before, now) -> describeTask.run());
        // Columns that give the target away are left out, as `train` leaves them out; the box keeps them.
        Label leaks = new Label();
        leaks.setId("trainLeaks");
        leaks.setWrapText(true);
        leaks.setMaxWidth(380);
        leaks.setMinHeight(Region.USE_PREF_SIZE);
        CheckBox keep = new CheckBox("Keep among the features anyway");
        keep.setId("trainKeepLeaky");
        keep.setTooltip(new Tooltip("A column that gives the outcome away makes the holdout figures look perfect, "
                + "and in production it is not known before the outcome is"));
        ObjectProperty<List<String>> leaked = new SimpleObjectProperty<>(List.of());
        keep.visibleProperty().bind(Bindings.createBooleanBinding(() -> !leaked.get().isEmpty(), leaked));
        keep.managedProperty().bind(keep.visibleProperty());
        leaks.managedProperty().bind(leaks.textProperty().isNotEmpty());
        // A shown dialog grows (or shrinks) to its words — the leak check's, the task's, the note's — once they are
        // laid out: its buttons stay in view and no empty band is left above them.
        javafx.beans.InvalidationListener resize = seen -> javafx.application.Platform.runLater(() -> {
            javafx.stage.Window shown = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
            if (shown != null && shown.isShowing()) {
                shown.sizeToScene();
            }
        });
        leaks.textProperty().addListener(resize);
        task.textProperty().addListener(resize);
        // The leak check reads the rows the model will learn from, as training does: a new target or rows check again.
        Runnable checkLeaks = () -> {
            String now = target.getValue();
            TrainingRows on = rows.getValue();
            leaked.set(List.of());
            keep.setSelected(false);
            // No "checking" words meanwhile: a line shown while openbox sizes the new dialog, then taken away, left
            // its height behind as an empty gap above the buttons.
            leaks.setText("");
            if (now != null) {
                leakCheck.check(now, on, found -> {
                    if (now.equals(target.getValue()) && on == rows.getValue()) {
                        List<String> columns = TrainingLeaks.columns(found, features.apply(now));
                        leaked.set(columns);
                        leaks.setText(columns.isEmpty() ? "" : leftOutWords(now, columns, found));
                        // Several columns: the sentence once; how each gives the outcome away, on pointing at it.
                        leaks.setTooltip(columns.size() < 2 ? null : new Tooltip(leakDetails(columns, found)));
                    }
                });
            }
        };
        target.valueProperty().addListener((seen, before, now) -> checkLeaks.run());
        rows.valueProperty().addListener((seen, before, now) -> checkLeaks.run());
        target.setValue(targets.isEmpty() ? null : targets.get(0));
        if (targets.isEmpty()) {
            algorithm.getItems().setAll(AlgorithmChoice.all());
            algorithm.setValue(algorithm.getItems().get(0));
        }
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
        seed.setId("trainSeed");
        seed.setEditable(true);
        seed.setTooltip(new Tooltip("The same seed gives the same split and the same model"));
        Spinner<Double> holdout = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 0.5,
                ModelPanelViewModel.DEFAULT_HOLDOUT_SHARE, 0.05));
        holdout.setId("trainHoldout");
        holdout.setEditable(true);
        holdout.setTooltip(new Tooltip("Share of the rows kept aside to measure the model on data it has not seen"));
        Label note = new Label();
        note.textProperty().addListener(resize);
        note.setWrapText(true);
        note.setMaxWidth(380);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            List<String> used = features.apply(target.getValue()).stream()
                    .filter(f -> keep.isSelected() || !leaked.get().contains(f)).toList();
            return used.isEmpty() ? "No column has the feature role: set some in the Columns tab first."
                    : "Reads the " + used.size() + " columns with the feature role: " + String.join(", ", used)
                    + ". Personal data, ids, slices and ignored columns are left out.";
        }, target.valueProperty(), leaked, keep.selectedProperty()));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        // The fields' names never shrink to "Holdout s…" when the scroll bar takes its room beside a tall form.
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(names);
        form.addRow(0, new Label("Target"), target);
        form.addRow(1, new Label("Task"), task);
        form.addRow(2, new Label("Algorithm"), algorithm);
        form.addRow(3, new Label("Seed"), seed);
        form.addRow(4, new Label("Holdout share"), holdout);
        form.addRow(5, new Label("Rows"), rows);
        // One row for the words under the form: a VBox spaces only the shown ones, so no gap when nothing leaks.
        VBox under = new VBox(8, leaks, keep, note);
        form.add(under, 0, 6, 2, 1);
        // Capped to the screen's height (ScreenFit), the form scrolls rather than pushing the buttons out of view.
        // As tall and wide as the form (a ScrollPane's own preferred size is a small default), shrinking when capped.
        ScrollPane scroll = new ScrollPane(form) {
            @Override
            protected double computePrefHeight(double width) {
                return form.prefHeight(-1) + snappedTopInset() + snappedBottomInset();
            }

            /*
             * No less than the form, or than the screen leaves room for: a window manager (openbox) shows a dialog at
             * its scene's minimum height, which a scroll pane's small default minimum made a sliver.
             */
            @Override
            protected double computeMinHeight(double width) {
                double around = getDialogPane().prefHeight(-1) - prefHeight(-1) + DECORATION;
                double room = ScreenFit.screenOf(getOwner()).getHeight() - around;
                return Math.max(MIN_FORM_HEIGHT, Math.min(computePrefHeight(width), room));
            }

            @Override
            protected double computePrefWidth(double height) {
                return form.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
            }
        };
        scroll.setId("trainForm");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        getDialogPane().setContent(scroll);
        ScreenFit.keep(this);
        getDialogPane().getButtonTypes().setAll(TRAIN, ButtonType.CANCEL);
        getDialogPane().lookupButton(TRAIN).disableProperty().bind(target.valueProperty().isNull()
                .or(task.textProperty().isEqualTo(NO_TASK)));
        setResultConverter(button -> button == TRAIN ? algorithm.getValue().request(target.getValue(),
                seed.getValue(), holdout.getValue(), keep.isSelected(), rows.getValue().rows() == null ? null
                : rows.getValue()) : null);
    }

    /**
     * "Leaves out 'x': feature 'x' alone predicts 'y' almost perfectly (…); it is probably recorded after the outcome.
     * The train command leaves it out too." for one column {@code found} names; for several the sentence once, naming
     * them: "Leaves out 'a', 'b' and 'c': each alone predicts 'y' almost perfectly, so each is probably recorded after
     * the outcome (point at this line for how). The train command leaves them out too." ({@link #leakDetails}).
     */
    static String leftOutWords(String target, List<String> columns, List<QualityFinding> found) {
        if (columns.size() == 1) {
            return "Leaves out '" + columns.get(0) + "': " + String.join("; ", leakDetails(columns, found).lines()
                    .toList()) + ". The train command leaves it out too.";
        }
        String quoted = org.twinbench.data.PlainWords.list(columns.stream().map(c -> "'" + c + "'").toList());
        // Two columns that give an amount between them (data.PairLeakage) do not each predict it alone.
        boolean together = found.stream().anyMatch(f -> f.check().equals(TrainingLeaks.CHECK)
                && f.columns().stream().filter(columns::contains).count() > 1);
        return "Leaves out " + quoted + (together ? ": together they give '" + target + "' almost exactly, so they "
                + "are probably computed from it or recorded after it" : ": each alone predicts '" + target
                + "' almost perfectly, so each is probably recorded after the outcome") + " (point at this line for "
                + "how). The train command leaves them out too.";
    }

    /** The leakage findings' sentences of {@code columns}, one a line, each once, in the order found. */
    static String leakDetails(List<String> columns, List<QualityFinding> found) {
        return found.stream().filter(f -> f.check().equals(TrainingLeaks.CHECK) && !f.columns().isEmpty()
                && columns.contains(f.columns().get(0))).map(QualityFinding::message).distinct()
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Room left for a window's title bar and frame (openbox's are 30 px or less). */
    private static final double DECORATION = 40;
    /** The least height the form scrolls in. */
    private static final double MIN_FORM_HEIGHT = 80;

    /** What the task label says of a target that no model can learn. */
    static final String NO_TASK = "none: fewer than two values, or more than " + Task.MAX_CLASSES
            + " kinds of text — choose another target";

    /**
     * The task the rows chosen of a target call for, in words, and the classes of the whole column they never hold
     * ({@code all}: the column on every row; {@code chosen}: on the rows chosen): a model trained on them could never
     * answer those.
     */
    static String describe(Column all, Column chosen, Task task) {
        String words = describe(chosen, task);
        if (task == null || task == Task.REGRESSION || all == chosen || !(all instanceof CategoricalColumn whole)
                || !(chosen instanceof CategoricalColumn some)) {
            return words;
        }
        java.util.Set<String> held = present(some);
        List<String> never = present(whole).stream().filter(v -> !held.contains(v)).toList();
        return never.isEmpty() ? words : words + "; the rows chosen never hold '" + String.join("', '", never)
                + "', which a model trained on them could never answer";
    }

    /** The values a text column holds, in the order of its levels. */
    private static java.util.Set<String> present(CategoricalColumn column) {
        boolean[] seen = new boolean[column.levels().size()];
        for (int code : column.codes()) {
            if (code >= 0) {
                seen[code] = true;
            }
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                out.add(column.levels().get(i));
            }
        }
        return out;
    }

    /** The task a target calls for, in words: "two values ('no', 'yes'): a yes/no classification", … */
    static String describe(Column column, Task task) {
        if (task == null) {
            return NO_TASK;
        }
        return switch (task) {
            case BINARY -> "two values ('" + String.join("', '", BinaryLabels.distinctValues(column))
                    + "'): a yes/no classification";
            case MULTICLASS -> Task.distinctValues(column, Task.MAX_CLASSES + 1) + " classes: a multiclass "
                    + "classification";
            case REGRESSION -> "an amount: a regression";
        };
    }
}
