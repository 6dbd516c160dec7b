package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.data.BundledSamples;
import org.twinbench.data.PlainWords;
import org.twinbench.data.Task;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.model.Algorithm;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;
import org.twinbench.sim.whatif.WhatIfModel;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.sim.whatif.WhatIfStudy;
import org.twinbench.ui.data.SpreadsheetNotes;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * Page 3, "Your model": a model built from the user's data, or the one they were given tried on it,
 * both in the background, and how good it is in words.
 */
public final class ModelPageModel {

    private final BackgroundTask.Runner background;
    private final WizardStatus status;
    private final DataPageModel data;
    private final TargetPageModel target;
    /** The newest build or try; the answer of an older one is dropped. */
    private final BackgroundTask.Key making = new BackgroundTask.Key();
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper modelReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<WhatIfModel> givenModel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> builtModel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TopGroups.Found> found = new ReadOnlyObjectWrapper<>(TopGroups.Found.NONE);
    private Path modelFolder = BundledSamples.userDirectory().resolve("wizard-models");
    private Task givenTask;

    ModelPageModel(BackgroundTask.Runner background, WizardStatus status, DataPageModel data, TargetPageModel target) {
        this.background = background;
        this.status = status;
        this.data = data;
        this.target = target;
    }

    /** The columns the built model leaves out because they give the answer away (FX thread). */
    private List<String> leftOut = List.of();

    /** A model being built or tried delivers nothing. */
    void cancel() {
        making.invalidate();
    }

    /** The data or what to predict changed: the model must be made again. */
    void invalidate() {
        leftOut = List.of();
        modelReady.set(false);
        builtModel.set(null);
        found.set(TopGroups.Found.NONE);
    }

    /** New data: no model yet. */
    void reset() {
        leftOut = List.of();
        modelReady.set(false);
        builtModel.set(null);
        found.set(TopGroups.Found.NONE);
        modelSummary.set("");
    }

    /**
     * Builds a model on the user's data in the background, of the task the outcome calls for (a logistic
     * regression for yes/no, a multinomial one for kinds, a ridge regression for amounts), and says how good it
     * is in words beside the naive guess (always the commonest answer, or always the average); a training that
     * fails says why, and the user stays on the page. A kinds or amount model is kept as a {@code .twinmodel}
     * in {@link #modelFolder} so that the scenarios of the check (and the editor) can load it.
     */
    public void buildModel() {
        Frame frame = data.dataProperty().get();
        String label = target.targetProperty().get();
        Task task = target.taskProperty().get();
        if (frame == null || label == null || task == null) {
            status.problem(target.blocker());
            return;
        }
        status.busy("Building a model from your data …");
        status.problem("");
        String positive = target.outcomeToWatchProperty().get();
        givenModel.set(null);
        builtModel.set(null);
        found.set(TopGroups.Found.NONE);
        leftOut = List.of();
        List<String> all = features();
        Path dataFile = data.dataFileProperty().get();
        Path folder = modelFolder;
        int reference = referenceRows(dataFile, frame.rowCount());
        background.task(context -> {
            // Learnt from the rows the check treats as the past only: the rows it replays are ones the model has
            // never seen, so its figures are not flattered.
            Frame past = frame.select(java.util.stream.IntStream.range(0, reference).toArray());
            String unseen = unseenAnswer(frame, past, label, task);
            if (unseen != null) {
                throw new DataException("the first half of your rows, which the check treats as the past, never has "
                        + "“" + PlainWords.value(label, unseen) + "” as " + PlainWords.column(label) + ", so a model"
                        + " learnt from it could never answer that. Your rows may be sorted by " + PlainWords.column(label)
                        + ": shuffle them, or sort them by date, and choose the file again");
            }
            int[] later = java.util.stream.IntStream.range(reference, frame.rowCount()).toArray();
            // A column that gives the answer away is left out, as `train` leaves it out: with it the model would
            // be "right 100 times out of 100" on rows where it is known only afterwards.
            List<String> leaked = TrainingLeaks.columns(TrainingLeaks.forTask(past, label, all, task), all);
            List<String> features = all.stream().filter(f -> !leaked.contains(f)).toList();
            String leftOutWords = leftOutWords(leaked);
            if (task == Task.BINARY) {
                LogisticModel model = ModelTrainer.trainLogistic(past, label, features, positive, 1, "");
                return new Built(null, ModelWords.of(model.card(), holdoutRows(past, label, model.card()))
                        + leftOutWords, TopGroups.find(model, frame, later, label,
                        model.card().positiveLabel()), leaked);
            }
            TaskModel model = TaskTrainer.train(past, new TrainingOptions(Algorithm.LOGISTIC, label, features, null,
                    WizardNavigator.SEED, 0, ""), task, TrainingProgress.NONE).model();
            Path file = folder.resolve(bundleName(dataFile, label));
            Files.createDirectories(folder);
            ModelBundle.write(model, file);
            return new Built(file, ModelWords.of(model.card(), holdoutRows(past, label, model.card())) + leftOutWords,
                    TopGroups.find(model, frame, later, label, null), leaked);
        }).whileCurrent(making.next()).onSuccess(built -> {
            status.busy("");
            leftOut = built.leftOut();
            builtModel.set(built.file());
            found.set(built.found());
            modelSummary.set(built.words());
            modelReady.set(true);
        }).onFailure(e -> status.failed("We could not build a model from your data: " + e.getMessage())).start();
    }

    /** The rows a model learnt from {@code past} was measured on: its labelled rows it did not learn from. */
    static int holdoutRows(Frame past, String label, org.twinbench.model.ModelCard card) {
        org.twinbench.data.Column outcome = past.column(label);
        return Math.max(0, outcome.size() - outcome.missingCount() - card.trainingRows());
    }

    /** An answer of a yes/no or kinds outcome that the later rows have and the past rows never do, or null. */
    static String unseenAnswer(Frame all, Frame past, String label, Task task) {
        if (task == Task.REGRESSION) {
            return null;
        }
        java.util.Set<String> seen = org.twinbench.data.BinaryLabels.distinctValues(past.column(label));
        return org.twinbench.data.BinaryLabels.distinctValues(all.column(label)).stream()
                .filter(v -> !seen.contains(v)).findFirst().orElse(null);
    }

    /**
     * The rows the check's scenarios treat as the past (the first {@code reference_share} of the file, as
     * {@link WhatIfStudy} sets its data source).
     */
    static int referenceRows(Path dataFile, int rows) {
        Object share = WhatIfStudy.baseline(new WhatIfQuestion(dataFile == null ? Path.of("data.csv") : dataFile, "",
                null, List.of(), List.of(), List.of(), WizardNavigator.SEED)).node(WhatIfStudy.DATA_NODE)
                .orElseThrow().params().get("reference_share");
        return (int) Math.round(rows * ((Number) share).doubleValue());
    }

    /** A model built here: its file (null for a yes/no model, which the scenarios build themselves) and words. */
    private record Built(Path file, String words, TopGroups.Found found, List<String> leftOut) { }

    /**
     * " It does not use “bwt”: it gives the answer away, so it is probably only known afterwards." — what a built
     * model leaves out and why, in everyday words; empty when it leaves nothing out.
     */
    static String leftOutWords(List<String> leaked) {
        if (leaked.isEmpty()) {
            return "";
        }
        boolean one = leaked.size() == 1;
        return " It does not use " + PlainWords.list(leaked.stream().map(c -> "“" + PlainWords.column(c) + "”")
                .toList()) + ": " + (one ? "it gives" : "they give") + " the answer away, so "
                + (one ? "it is" : "they are") + " probably only known afterwards.";
    }

    /** "orders-delivery_days.twinmodel": the data's name and the outcome's, safe as a file name. */
    static String bundleName(Path dataFile, String label) {
        String stem = dataFile == null ? "data" : dataFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return (stem + "-" + label).replaceAll("[^A-Za-z0-9._-]+", "_") + ".twinmodel";
    }

    /** Where models built for kinds and amounts are kept (the user's TwinBench folder unless told otherwise). */
    void modelFolder(Path folder) {
        this.modelFolder = folder;
    }

    /**
     * Tries the model the user was given ({@code .onnx} with its {@code .onnx.json}, or {@code .twinmodel}) of any
     * task on their data in the background ({@link GivenModel}), and says in words how good it is, or which
     * columns it needs that the data lacks, or how it disagrees with the outcome chosen; the user stays on the
     * page either way.
     */
    public void useModel(Path file) {
        Frame frame = data.dataProperty().get();
        String label = target.targetProperty().get();
        Task chosen = target.taskProperty().get();
        if (frame == null || label == null) {
            return;
        }
        status.busy("Trying " + file.getFileName() + " on your data …");
        status.problem("");
        modelReady.set(false);
        modelSummary.set("");
        givenModel.set(null);
        builtModel.set(null);
        found.set(TopGroups.Found.NONE);
        Path dataFile = data.dataFileProperty().get();
        background.task(context -> GivenModel.tryOn(file, dataFile, frame, label, chosen)).whileCurrent(making.next())
                .onSuccess(tried -> {
                    status.busy("");
                    if (tried.task() == Task.BINARY) {
                        target.outcomeToWatchProperty().set(tried.model().positive());
                    }
                    givenTask = tried.task();
                    givenModel.set(tried.model());
                    modelSummary.set(tried.words());
                    modelReady.set(true);
                })
                .onFailure(e -> status.failed(e instanceof DataException ? e.getMessage()
                        : "We could not use “" + file.getFileName() + "” with your spreadsheet."))
                .start();
    }

    /** What the model the user was given predicts (yes/no, kinds, amounts); null when we build one. */
    Task givenTask() {
        return givenModel.get() == null ? null : givenTask;
    }

    /**
     * The columns the model reads: those of the model the user was given, else every usable column but those the
     * built model leaves out because they give the answer away.
     */
    public List<String> features() {
        WhatIfModel given = givenModel.get();
        if (given != null) {
            return given.features();
        }
        Frame frame = data.dataProperty().get();
        List<String> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column.name().equals(target.targetProperty().get()) || leftOut.contains(column.name())
                    || SpreadsheetNotes.looksLikeIdentifier(column, frame.rowCount())) {
                continue;
            }
            out.add(column.name());
        }
        return out;
    }

    String blocker() {
        return modelReady.get() ? "" : "Build a model, or choose the one you were given, first.";
    }

    public ReadOnlyStringProperty modelSummaryProperty() {
        return modelSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelReadyProperty() {
        return modelReady.getReadOnlyProperty();
    }

    /** The groups the model built here serves worst on the replayed rows; none before a model is built. */
    ReadOnlyObjectProperty<TopGroups.Found> foundProperty() {
        return found.getReadOnlyProperty();
    }

    /** The model built here for kinds or amounts, once built (null for a yes/no model or a given one). */
    public ReadOnlyObjectProperty<Path> builtModelProperty() {
        return builtModel.getReadOnlyProperty();
    }

    /** The model the user was given, once it has been tried on their data; null when we build one. */
    public ReadOnlyObjectProperty<WhatIfModel> givenModelProperty() {
        return givenModel.getReadOnlyProperty();
    }
}
