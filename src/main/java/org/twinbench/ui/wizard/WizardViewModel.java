package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelTrainer;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfModel;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.sim.whatif.WhatIfRun;
import org.twinbench.sim.whatif.WhatIfVerdict;
import org.twinbench.ui.data.SpreadsheetNotes;

/**
 * State of the guided "Will my model hold up?" wizard: the page shown, what the user entered on each
 * page (kept when they go back), and the background work (reading the data, building a model,
 * trying the changes). Every text it produces is plain language, without ML words.
 */
public final class WizardViewModel {

    /** The pages, in order. */
    public enum Page { DATA, TARGET, MODEL, CHANGES, GROUPS, RESULTS }

    private final Executor background;
    private final Executor fxThread;

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.DATA);
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Frame> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> dataFile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> dataNotes = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper targetDescription = new ReadOnlyStringWrapper("");
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObjectProperty<String> outcomeToWatch = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper modelReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<WhatIfModel> givenModel = new ReadOnlyObjectWrapper<>();
    private final Map<WhatIfChange.Kind, BooleanProperty> changeChosen = new LinkedHashMap<>();
    private final Map<WhatIfChange.Kind, DoubleProperty> changeStrength = new LinkedHashMap<>();
    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> groupChosen = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<WhatIfRun.Result> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<WhatIfVerdict> verdicts = FXCollections.observableArrayList();
    private final ObservableList<String> summaries = FXCollections.observableArrayList();
    private final IntegerProperty generation = new SimpleIntegerProperty();
    private volatile RunControl control;

    public WizardViewModel(Executor background, Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
        for (WhatIfChange.Kind kind : WhatIfChange.Kind.values()) {
            changeChosen.put(kind, new SimpleBooleanProperty(kind == WhatIfChange.Kind.PRICES_SHIFT
                    || kind == WhatIfChange.Kind.NEW_CUSTOMERS));
            changeStrength.put(kind, new SimpleDoubleProperty(0.5));
        }
        target.addListener((obs, old, chosen) -> describeTarget(chosen));
        outcomeToWatch.addListener((obs, old, chosen) -> modelReady.set(false));
    }

    // ---- page 1: your data

    /** Reads a spreadsheet in the background and describes its problems in words. */
    public void loadData(Path file) {
        busy.set("Reading " + file.getFileName() + " …");
        problem.set("");
        background.execute(() -> {
            try {
                Frame frame = TableLoader.load(file).frame();
                if (frame.rowCount() < 50) {
                    throw new DataException(file.getFileName() + " has only " + frame.rowCount()
                            + " rows; we need at least 50 to say anything useful");
                }
                List<String> notes = SpreadsheetNotes.describeProblems(frame);
                fxThread.execute(() -> acceptData(file, frame, notes));
            } catch (DataException e) {
                fxThread.execute(() -> {
                    busy.set("");
                    problem.set(e.getMessage());
                });
            }
        });
    }

    private void acceptData(Path file, Frame frame, List<String> notes) {
        busy.set("");
        dataFile.set(file);
        data.set(frame);
        dataNotes.setAll(notes);
        columns.setAll(frame.columnNames());
        modelReady.set(false);
        modelSummary.set("");
        String guess = org.twinbench.data.OutcomeColumn.infer(frame).column().orElse(null);
        target.set(null);
        target.set(guess);
        groupChosen.clear();
        groupColumns.setAll(SpreadsheetNotes.groupColumns(frame));
    }

    // ---- page 2: what to predict

    private void describeTarget(String column) {
        Frame frame = data.get();
        if (column == null || frame == null) {
            targetDescription.set("");
            outcomes.clear();
            return;
        }
        List<String> values = new ArrayList<>(BinaryLabels.distinctValues(frame.column(column)));
        outcomes.setAll(values);
        outcomeToWatch.set(BinaryLabels.positiveLabel(frame.column(column), null));
        String name = column.replace('_', ' ');
        if (values.size() == 2) {
            targetDescription.set("A yes-or-no prediction: for each row, will “" + name + "” be “" + outcomeToWatch.get()
                    + "”? Pick the answer you want to catch below.");
        } else {
            targetDescription.set("“" + name + "” has " + values.size() + " different values. We will predict whether it is"
                    + " the one you pick below, or not.");
        }
        modelReady.set(false);
    }

    // ---- page 3: your model

    /** Builds a model on the user's data in the background and says how good it is in words. */
    public void buildModel() {
        Frame frame = data.get();
        String label = target.get();
        if (frame == null || label == null) {
            return;
        }
        busy.set("Building a model from your data …");
        String positive = outcomeToWatch.get();
        List<String> features = features();
        givenModel.set(null);
        background.execute(() -> {
            LogisticModel model = ModelTrainer.trainLogistic(frame, label, features, positive, 1, "");
            double accuracy = model.card().holdoutMetrics().getOrDefault("accuracy", Double.NaN);
            String words = String.format(Locale.ROOT,
                    "We built a model from %,d of your rows and tested it on rows it had not seen: it was right about "
                            + "%d times out of 10 (%.0f%%).", model.card().trainingRows(), Math.round(accuracy * 10),
                    accuracy * 100);
            fxThread.execute(() -> {
                busy.set("");
                modelSummary.set(words);
                modelReady.set(true);
            });
        });
    }

    /**
     * Tries the model the user was given ({@code .onnx} with its {@code .onnx.json}, or
     * {@code .twinmodel}) on their data in the background, and says in words how good it is, or
     * which columns it needs that the data lacks; the user stays on the page either way.
     */
    public void useModel(Path file) {
        Frame frame = data.get();
        String label = target.get();
        if (frame == null || label == null) {
            return;
        }
        busy.set("Trying " + file.getFileName() + " on your data …");
        problem.set("");
        modelReady.set(false);
        modelSummary.set("");
        givenModel.set(null);
        background.execute(() -> {
            try {
                WhatIfModel model = WhatIfModel.check(file, frame, label);
                fxThread.execute(() -> {
                    busy.set("");
                    outcomeToWatch.set(model.positive());
                    givenModel.set(model);
                    modelSummary.set(model.words());
                    modelReady.set(true);
                });
            } catch (RuntimeException e) {
                String words = e instanceof DataException ? e.getMessage()
                        : "We could not use “" + file.getFileName() + "” with your spreadsheet.";
                fxThread.execute(() -> {
                    busy.set("");
                    problem.set(words);
                });
            }
        });
    }

    /** The columns the model reads: those of the model the user was given, else every usable column. */
    List<String> features() {
        WhatIfModel given = givenModel.get();
        if (given != null) {
            return given.features();
        }
        Frame frame = data.get();
        List<String> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column.name().equals(target.get()) || SpreadsheetNotes.looksLikeIdentifier(column, frame.rowCount())) {
                continue;
            }
            out.add(column.name());
        }
        return out;
    }

    // ---- pages 4 and 5: changes and groups

    public BooleanProperty changeChosenProperty(WhatIfChange.Kind kind) {
        return changeChosen.get(kind);
    }

    public DoubleProperty changeStrengthProperty(WhatIfChange.Kind kind) {
        return changeStrength.get(kind);
    }

    /** Whether a group column is checked; the first one offered starts ticked. */
    public BooleanProperty groupChosenProperty(String column) {
        return groupChosen.computeIfAbsent(column, key -> new SimpleBooleanProperty(
                !groupColumns.isEmpty() && groupColumns.get(0).equals(key)));
    }

    List<WhatIfChange> chosenChanges() {
        List<WhatIfChange> out = new ArrayList<>();
        changeChosen.forEach((kind, chosen) -> {
            if (chosen.get()) {
                out.add(new WhatIfChange(kind, changeStrength.get(kind).get()));
            }
        });
        return out;
    }

    List<String> chosenGroups() {
        return groupColumns.stream().filter(c -> groupChosenProperty(c).get()).toList();
    }

    // ---- page 6: results

    /** Tries every chosen change in the background; results arrive on the FX thread. */
    public void tryChanges() {
        WhatIfQuestion question = question();
        RunControl runControl = new RunControl();
        control = runControl;
        int run = generation.get() + 1;
        generation.set(run);
        result.set(null);
        verdicts.clear();
        summaries.clear();
        busy.set("Trying the changes …");
        background.execute(() -> {
            try {
                WhatIfRun.Result outcome = WhatIfRun.run(question,
                        step -> fxThread.execute(() -> {
                            if (generation.get() == run) {
                                busy.set(step + " …");
                            }
                        }), runControl);
                fxThread.execute(() -> {
                    if (generation.get() == run && !runControl.isCancelled()) {
                        busy.set("");
                        result.set(outcome);
                        // Worst first: the rows the user must read are at the top of the table.
                        verdicts.setAll(outcome.verdicts().stream().sorted(java.util.Comparator.comparing(
                                WhatIfVerdict::light).reversed()).toList());
                        summaries.setAll(question.changes().stream()
                                .map(outcome::summary).toList());
                    }
                });
            } catch (RuntimeException e) {
                fxThread.execute(() -> {
                    busy.set("");
                    problem.set("Something went wrong while trying the changes: " + e.getMessage());
                });
            }
        });
    }

    WhatIfQuestion question() {
        WhatIfModel given = givenModel.get();
        return new WhatIfQuestion(dataFile.get(), target.get(), outcomeToWatch.get(), features(), chosenGroups(),
                chosenChanges(), 20261127L, given == null ? null : given.file());
    }

    /** Stops any background work (on cancel or close). */
    public void cancelWork() {
        RunControl current = control;
        if (current != null) {
            current.cancel();
        }
        generation.set(generation.get() + 1);
        busy.set("");
    }

    // ---- navigation

    /** Why the user cannot go on from the current page yet, or "" when they can. */
    public String blocker() {
        return switch (page.get()) {
            case DATA -> data.get() == null ? "Choose a spreadsheet first." : "";
            case TARGET -> target.get() == null ? "Pick what you want to predict." : outcomes.size() < 2
                    ? "“" + target.get() + "” has only one value, so there is nothing to predict." : "";
            case MODEL -> modelReady.get() ? "" : "Build a model, or choose the one you were given, first.";
            case CHANGES -> chosenChanges().isEmpty() ? "Tick at least one change." : "";
            case GROUPS -> "";
            case RESULTS -> "";
        };
    }

    public void next() {
        if (!blocker().isEmpty() || page.get() == Page.RESULTS) {
            problem.set(blocker());
            return;
        }
        problem.set("");
        page.set(Page.values()[page.get().ordinal() + 1]);
        if (page.get() == Page.RESULTS) {
            tryChanges();
        }
    }

    public void back() {
        if (page.get() != Page.DATA) {
            cancelWork();
            problem.set("");
            page.set(Page.values()[page.get().ordinal() - 1]);
        }
    }

    public void startOver() {
        cancelWork();
        page.set(Page.DATA);
        problem.set("");
    }

    /** Whether cancelling would throw away something the user entered. */
    public boolean hasEntries() {
        return data.get() != null;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The model the user was given, once it has been tried on their data; null when we build one. */
    public ReadOnlyObjectProperty<WhatIfModel> givenModelProperty() {
        return givenModel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ObservableList<String> dataNotes() {
        return dataNotes;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty targetDescriptionProperty() {
        return targetDescription.getReadOnlyProperty();
    }

    public ObservableList<String> outcomes() {
        return outcomes;
    }

    public ObjectProperty<String> outcomeToWatchProperty() {
        return outcomeToWatch;
    }

    public ReadOnlyStringProperty modelSummaryProperty() {
        return modelSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelReadyProperty() {
        return modelReady.getReadOnlyProperty();
    }

    public ObservableList<String> groupColumns() {
        return groupColumns;
    }

    public ReadOnlyObjectProperty<WhatIfRun.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<WhatIfVerdict> verdicts() {
        return verdicts;
    }

    public ObservableList<String> summaries() {
        return summaries;
    }
}
