package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ValueKind;

/**
 * "New scenario from this data": the outcome the model predicts (asked when the table does not make
 * it clear), the groups results are broken down by (a {@link CheckComboBox} of the text columns, the
 * proposed slices ticked), the model (a logistic regression the run trains, the model open in the
 * panel, or a file) and the changes to try, each in words, the first {@value ScenarioFromData#TICKED}
 * ticked. The answer is what {@link DataModelPanelViewModel#newScenario} builds from.
 */
final class NewScenarioDialog extends Dialog<NewScenarioDialog.Answer> {

    static final ButtonType CREATE = new ButtonType("Create the scenario", ButtonBar.ButtonData.OK_DONE);

    /** What the user chose. */
    record Answer(String outcome, List<String> slices, Path model, List<ScenarioFromData.Change> changes,
                  ScenarioFromData.Replay replay) {
    }

    /** How the rows are replayed: {@code replay} null draws batches at random. */
    record ReplayChoice(String label, ScenarioFromData.Replay replay) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A model the scenario can use: {@code file} null is a model trained when it runs (logistic or linear). */
    record ModelChoice(String label, Path file) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final NewScenarioChoices viewModel;
    private final Path openModel;
    private final ComboBox<String> outcome;
    private final ComboBox<ModelChoice> models;
    private final CheckComboBox<String> slices;
    private final VBox changes = new VBox(4);
    private final List<CheckBox> changeBoxes = new ArrayList<>();
    private final Label problem = new Label();
    /** Which columns the model the run trains leaves out, and why (they give the outcome away). */
    private final Label leftOutNote = new Label();

    /**
     * @param model       what the open table offers
     * @param openModel   the model open in the panel, or null
     * @param chooseModel asks the user for a model file
     */
    NewScenarioDialog(Window owner, NewScenarioChoices model, Path openModel, Supplier<Optional<Path>> chooseModel) {
        this.viewModel = model;
        this.openModel = openModel;
        initOwner(owner);
        setTitle("New scenario from this data");
        setResizable(true);
        Path file = model.file();
        setHeaderText("A scenario that replays " + file.getFileName() + ", changes it from a third of the way in, "
                + "and watches the model");
        outcome = new ComboBox<>(FXCollections.observableArrayList(model.outcomeChoices()));
        outcome.setId("newScenarioOutcome");
        outcome.setPromptText("Which column does the model predict?");
        outcome.setTooltip(new Tooltip("The column the model predicts: a yes/no for the logistic regression the "
                + "run trains; any outcome for a model file"));
        model.schema().target().filter(outcome.getItems()::contains).ifPresent(outcome::setValue);
        slices = new CheckComboBox<>(FXCollections.observableArrayList(groupColumns()));
        slices.setId("newScenarioSlices");
        slices.setTitle("Groups");
        slices.setShowCheckedCount(true);
        slices.setTooltip(new Tooltip("Results are also shown for each value of these columns"));
        for (String slice : model.schema().withRole(ColumnRole.SLICE)) {
            slices.getCheckModel().check(slice);
        }
        models = new ComboBox<>(FXCollections.observableArrayList(modelChoices()));
        models.setId("newScenarioModel");
        models.setValue(models.getItems().get(models.getItems().size() - 1));
        models.setTooltip(new Tooltip("The model the scenario scores every batch with"));
        Button openFile = new Button("Model file…");
        openFile.setId("newScenarioOpenModel");
        openFile.setMinWidth(Region.USE_PREF_SIZE);
        openFile.setOnAction(e -> chooseModel.get().ifPresent(path -> {
            ModelChoice chosen = new ModelChoice("The model in " + path.getFileName(), path);
            models.getItems().add(chosen);
            models.setValue(chosen);
        }));
        HBox modelRow = new HBox(6, models, openFile);
        HBox.setHgrow(models, Priority.ALWAYS);
        models.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ReplayChoice> replay = new ComboBox<>(FXCollections.observableArrayList(replayChoices()));
        replay.setId("newScenarioReplay");
        // A dated table is replayed a month a step when it can be: the steps are then the calendar's.
        replay.setValue(replay.getItems().get(Math.min(1, replay.getItems().size() - 1)));
        replay.setMaxWidth(Double.MAX_VALUE);
        replay.setTooltip(new Tooltip("What one step of the run holds: a batch of rows drawn at random, or every "
                + "row of one calendar window, in time order (the earlier half of the time is the reference)"));
        problem.setId("newScenarioProblem");
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        // Hidden, it takes no room: the changes offered sit right above the buttons.
        problem.managedProperty().bind(problem.visibleProperty());
        changes.setId("newScenarioChanges");
        leftOutNote.setId("newScenarioLeftOut");
        leftOutNote.setWrapText(true);
        leftOutNote.setMinHeight(Region.USE_PREF_SIZE);
        leftOutNote.managedProperty().bind(leftOutNote.visibleProperty());
        leftOutNote.setVisible(false);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, formLabel("Predicts"), outcome);
        form.addRow(1, formLabel("Groups"), slices);
        form.addRow(2, formLabel("Model"), modelRow);
        form.addRow(3, formLabel("Steps"), replay);
        form.add(new Label("Changes to try (from a third of the way in)"), 0, 4, 2, 1);
        form.add(changes, 0, 5, 2, 1);
        form.add(problem, 0, 6, 2, 1);
        form.add(leftOutNote, 0, 7, 2, 1);
        form.setPrefWidth(560);
        outcome.setMaxWidth(Double.MAX_VALUE);
        slices.setMaxWidth(Double.MAX_VALUE);
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        outcome.valueProperty().addListener((obs, old, now) -> refresh());
        models.valueProperty().addListener((obs, old, now) -> refresh());
        slices.getCheckModel().getCheckedItems().addListener(
                (javafx.collections.ListChangeListener<String>) c -> refresh());
        refresh();
        setResultConverter(button -> button == CREATE ? new Answer(outcome.getValue(),
                List.copyOf(slices.getCheckModel().getCheckedItems()), models.getValue().file(), ticked(),
                replay.getValue().replay()) : null);
    }

    /** Text columns that can group rows: the proposed slices first, then text features. */
    private List<String> groupColumns() {
        List<String> out = new ArrayList<>(viewModel.schema().withRole(ColumnRole.SLICE));
        viewModel.schema().columns().stream()
                .filter(c -> c.role() == ColumnRole.FEATURE && c.kind() == ValueKind.TEXT)
                .map(c -> c.name()).filter(n -> !out.contains(n)).forEach(out::add);
        return out;
    }

    /** A row's name, never shortened to "…" by a long choice beside it (Ames' replay by two columns did). */
    private static Label formLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private List<ModelChoice> modelChoices() {
        List<ModelChoice> out = new ArrayList<>();
        if (openModel != null) {
            out.add(new ModelChoice("The open model, " + openModel.getFileName(), openModel));
        }
        // First: the dialog starts on the last choice, the open model when there is one.
        out.add(0, new ModelChoice("A model trained on the first half when it runs", null));
        return out;
    }

    /** Rows drawn at random first, then every date column by each calendar window. */
    private List<ReplayChoice> replayChoices() {
        List<ReplayChoice> out = new ArrayList<>();
        out.add(new ReplayChoice("A batch of rows drawn at random", null));
        viewModel.replayChoices().forEach(r -> out.add(new ReplayChoice(r.toString(), r)));
        return out;
    }

    /** Offers the changes again for the outcome and groups chosen now; ticks the first ones. */
    private void refresh() {
        String chosen = outcome.getValue();
        Optional<String> why = viewModel.outcomeProblem(chosen, models.getValue().file() != null);
        problem.setText(why.orElse(""));
        problem.setVisible(why.isPresent());
        Optional<String> leftOut = why.isPresent() || models.getValue().file() != null ? Optional.empty()
                : viewModel.leftOutNote(chosen);
        leftOutNote.setText(leftOut.orElse(""));
        leftOutNote.setVisible(leftOut.isPresent());
        List<String> before = ticked().stream().map(ScenarioFromData.Change::words).toList();
        changeBoxes.clear();
        if (why.isEmpty()) {
            List<ScenarioFromData.Change> offered = viewModel.offeredChanges(chosen,
                    List.copyOf(slices.getCheckModel().getCheckedItems()), models.getValue().file() != null);
            for (int i = 0; i < offered.size(); i++) {
                CheckBox box = new CheckBox(offered.get(i).words());
                box.setUserData(offered.get(i));
                box.setSelected(before.isEmpty() ? i < ScenarioFromData.TICKED : before.contains(offered.get(i).words()));
                box.setWrapText(true);
                box.setMnemonicParsing(false);
                changeBoxes.add(box);
            }
        }
        changes.getChildren().setAll(changeBoxes);
        getDialogPane().lookupButton(CREATE).setDisable(why.isPresent());
        // The changes offered once an outcome is chosen make the form taller: the window grows with it, so
        // its buttons stay inside it.
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private List<ScenarioFromData.Change> ticked() {
        return changeBoxes.stream().filter(CheckBox::isSelected)
                .map(box -> (ScenarioFromData.Change) box.getUserData()).toList();
    }
}
