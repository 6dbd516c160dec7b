package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelTrainer;
import org.twinbench.sim.whatif.WhatIfModel;
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

    ModelPageModel(BackgroundTask.Runner background, WizardStatus status, DataPageModel data, TargetPageModel target) {
        this.background = background;
        this.status = status;
        this.data = data;
        this.target = target;
    }

    /** The data or what to predict changed: the model must be made again. */
    void invalidate() {
        modelReady.set(false);
    }

    /** New data: no model yet. */
    void reset() {
        modelReady.set(false);
        modelSummary.set("");
    }

    /**
     * Builds a model on the user's data in the background and says how good it is in words; a
     * training that fails says why, and the user stays on the page.
     */
    public void buildModel() {
        Frame frame = data.dataProperty().get();
        String label = target.targetProperty().get();
        if (frame == null || label == null) {
            return;
        }
        status.busy("Building a model from your data …");
        status.problem("");
        String positive = target.outcomeToWatchProperty().get();
        givenModel.set(null);
        List<String> features = features();
        background.task(context -> {
            LogisticModel model = ModelTrainer.trainLogistic(frame, label, features, positive, 1, "");
            double accuracy = model.card().holdoutMetrics().getOrDefault("accuracy", Double.NaN);
            return String.format(Locale.ROOT,
                    "We built a model from %,d of your rows and tested it on rows it had not seen: it was right about "
                            + "%d times out of 10 (%.0f%%).", model.card().trainingRows(), Math.round(accuracy * 10),
                    accuracy * 100);
        }).whileCurrent(making.next()).onSuccess(words -> {
            status.busy("");
            modelSummary.set(words);
            modelReady.set(true);
        }).onFailure(e -> status.failed("We could not build a model from your data: " + e.getMessage())).start();
    }

    /**
     * Tries the model the user was given ({@code .onnx} with its {@code .onnx.json}, or
     * {@code .twinmodel}) on their data in the background, and says in words how good it is, or
     * which columns it needs that the data lacks; the user stays on the page either way.
     */
    public void useModel(Path file) {
        Frame frame = data.dataProperty().get();
        String label = target.targetProperty().get();
        if (frame == null || label == null) {
            return;
        }
        status.busy("Trying " + file.getFileName() + " on your data …");
        status.problem("");
        modelReady.set(false);
        modelSummary.set("");
        givenModel.set(null);
        background.task(context -> WhatIfModel.check(file, frame, label)).whileCurrent(making.next())
                .onSuccess(model -> {
                    status.busy("");
                    target.outcomeToWatchProperty().set(model.positive());
                    givenModel.set(model);
                    modelSummary.set(model.words());
                    modelReady.set(true);
                })
                .onFailure(e -> status.failed(e instanceof DataException ? e.getMessage()
                        : "We could not use “" + file.getFileName() + "” with your spreadsheet."))
                .start();
    }

    /** The columns the model reads: those of the model the user was given, else every usable column. */
    public List<String> features() {
        WhatIfModel given = givenModel.get();
        if (given != null) {
            return given.features();
        }
        Frame frame = data.dataProperty().get();
        List<String> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column.name().equals(target.targetProperty().get())
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

    /** The model the user was given, once it has been tried on their data; null when we build one. */
    public ReadOnlyObjectProperty<WhatIfModel> givenModelProperty() {
        return givenModel.getReadOnlyProperty();
    }
}
