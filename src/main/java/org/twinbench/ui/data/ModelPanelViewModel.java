package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.twinbench.data.DataException;
import org.twinbench.data.Dataset;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.model.Algorithm;
import org.twinbench.model.TaskModel;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.TrainingOptions;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.fx.FxCoalescer;

/**
 * The model half of the data and model panel: the open model (a {@code .twinmodel} bundle or an ONNX
 * model with its sidecar), its card, the schema check against the loaded dataset, and training a new
 * model from the dataset in the window. Work runs on the app executor; properties change on the FX thread. The
 * form's answer is a {@link TrainRequest}; what a training does off the FX thread is {@link TrainingRun}'s, the check
 * against the dataset {@link ModelFit}'s, the card's words {@link ModelCardText}'s.
 */
public final class ModelPanelViewModel {

    /** The holdout share the training form starts with. */
    public static final double DEFAULT_HOLDOUT_SHARE = TrainingOptions.DEFAULT_HOLDOUT_SHARE;

    private final BackgroundTask.Runner background;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TaskModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper card = new ReadOnlyStringWrapper("");
    /** Whether the open model fits the dataset checked against. */
    private final ModelFit fitCheck;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** What the model tab says with no model open. */
    static final String NO_MODEL = "No model open: open a .twinmodel or .onnx file, or train one on the dataset.";
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NO_MODEL);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** The newest check of the train dialog for columns that give the target away. */
    private final BackgroundTask.Key leakChecks = new BackgroundTask.Key();
    /** The newest open or training; results of older ones are dropped. */
    private final BackgroundTask.Key work = new BackgroundTask.Key();
    /** Share of a forest's trees grown so far; -1 while a training's progress is unknown. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    /** Whether the training under way can be stopped (a forest: between its groups of trees). */
    private final ReadOnlyBooleanWrapper stoppable = new ReadOnlyBooleanWrapper();
    private volatile org.twinbench.data.Cancellation training = org.twinbench.data.Cancellation.NEVER;
    /**
     * Set once per training, by whichever comes first: its save beginning, or Stop. A Stop that came after the
     * last check of the cancel flag but before the save must not leave a model written that it said was not.
     */
    private volatile java.util.concurrent.atomic.AtomicBoolean trainingSettled =
            new java.util.concurrent.atomic.AtomicBoolean(true);
    private Dataset checkedAgainst;

    ModelPanelViewModel(AppExecutor executor, Executor fxThread) {
        this.background = new BackgroundTask.Runner(executor::submit, fxThread);
        this.fitCheck = new ModelFit(fxThread, model::get);
    }

    /** Reads a model file on the executor and shows its card; a bad file leaves the open model as it was. */
    public void open(Path path) {
        BackgroundTask.Ticket ticket = work.next();
        busy.set(true);
        error.set("");
        message.set("Reading the model " + path.getFileName() + " ...");
        background.task(context -> ModelFiles.loadAny(path)).whileCurrent(ticket)
                .onSuccess(read -> opened(path, read, "Opened " + path.getFileName()))
                .onFailure(e -> failed(e instanceof DataException ? e.getMessage()
                        : path + ": cannot read the model: " + e))
                .start();
    }

    /**
     * Trains on {@code data} (the {@code features}) on the executor and writes the bundle to the
     * request's file atomically (temporary file, then rename); the new model becomes the open one.
     */
    public void train(TrainRequest request, Dataset data, List<String> features) {
        BackgroundTask.Ticket ticket = work.next();
        busy.set(true);
        error.set("");
        org.twinbench.data.Frame frame = request.rows() == null ? data.frame() : request.rows().of(data.frame());
        int rows = frame.rowCount();
        message.set(String.format(Locale.ROOT, "Training %s on %,d rows (%.0f%% held out) ...",
                ModelCardText.words(request.algorithm()), rows - Math.round(rows * request.holdoutShare()), 100 * request.holdoutShare()));
        org.twinbench.data.Cancellation token = new org.twinbench.data.Cancellation();
        training = token;
        java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
        trainingSettled = settled;
        progress.set(-1);
        stoppable.set(request.algorithm() == org.twinbench.model.Algorithm.RANDOM_FOREST);
        String what = ModelCardText.words(request.algorithm());
        FxCoalescer<int[]> grown = new FxCoalescer<>(background.fxThread(), batch -> {
            int[] last = batch.get(batch.size() - 1);
            if (ticket.isCurrent() && busy.get()) {
                progress.set((double) last[0] / last[1]);
                message.set(String.format(Locale.ROOT, "Training %s: %d of %d trees ...", what, last[0], last[1]));
            }
        });
        java.util.concurrent.atomic.AtomicReference<List<String>> leftOut =
                new java.util.concurrent.atomic.AtomicReference<>(List.of());
        background.task(context -> {
            TrainingRun.Trained fitted = TrainingRun.fit(request, frame, features, data.provenance().sha256(),
                    (done, total) -> {
                        token.check("training " + what);
                        grown.offer(new int[] {done, total});
                    });
            leftOut.set(fitted.leftOut());
            TaskModel trained = fitted.model();
            token.check("training " + what);
            if (!settled.compareAndSet(false, true)) {
                throw new java.util.concurrent.CancellationException("training " + what + " was cancelled");
            }
            context.onFx(() -> {
                stoppable.set(false);
                message.set("Saving " + request.output().getFileName() + " ...");
            });
            String chosen = request.rows() == null ? null : request.rows().chosen();
            ModelBundle.write(trained, request.output(), chosen);
            // The card read back says which rows, as the saved file does.
            return chosen == null ? trained : ModelBundle.readModel(request.output());
        }).whileCurrent(ticket)
                .onSuccess(trained -> opened(request.output(), trained,
                        "Trained and saved " + request.output().getFileName() + TrainingRun.leftOut(leftOut.get())))
                // A training stopped by the user is stale by then: stopTraining() has already said so.
                .onFailure(e -> failed(e instanceof DataException || e instanceof IllegalArgumentException
                        ? "Cannot train: " + e.getMessage() : "Training failed: " + e))
                .start();
    }

    /**
     * The leakage findings of {@code features} for {@code target} of {@code data}'s {@code rows} (null: all) as
     * training on those rows will judge them ({@link TrainingLeaks}), found on the executor and handed to
     * {@code found} on the FX thread; dropped when another check began since. Nothing for a target no model can learn.
     */
    public void checkLeaks(Dataset data, String target, TrainingRows rows, List<String> features,
                           java.util.function.Consumer<List<QualityFinding>> found) {
        BackgroundTask.Ticket ticket = leakChecks.next();
        background.task(context -> {
            org.twinbench.data.Frame frame = rows == null ? data.frame() : rows.of(data.frame());
            return TrainingRun.leaks(frame, target, features);
        })
                .whileCurrent(ticket).onSuccess(found).onFailure(e -> found.accept(List.of())).start();
    }

    private void opened(Path path, TaskModel read, String done) {
        busy.set(false);
        stoppable.set(false);
        progress.set(-1);
        file.set(path);
        model.set(read);
        card.set(ModelCardText.describe(read.card(), checkedAgainst));
        message.set(done);
        check(checkedAgainst);
    }

    /**
     * Stops a forest's training between its groups of trees; nothing is written and the open model stays. Once the
     * trained model is being saved it is too late: the save goes on and the new model opens.
     */
    public void stopTraining() {
        if (!busy.get() || !stoppable.get() || !trainingSettled.compareAndSet(false, true)) {
            // Nothing to stop, or the trained model is being saved already: it is kept.
            return;
        }
        training.cancel();
        work.invalidate();
        busy.set(false);
        stoppable.set(false);
        progress.set(-1);
        message.set("Training was stopped; " + (model.get() == null ? "no model is open."
                : "still showing " + file.get().getFileName() + "."));
    }

    /** The panel starts over: no model, no card, no check; an open or training under way is dropped. */
    void forget() {
        if (training != org.twinbench.data.Cancellation.NEVER) {
            training.cancel();
        }
        work.invalidate();
        busy.set(false);
        stoppable.set(false);
        progress.set(-1);
        checkedAgainst = null;
        model.set(null);
        file.set(null);
        card.set("");
        fitCheck.clear();
        error.set("");
        message.set(NO_MODEL);
    }

    /** Share of a forest's trees grown so far, or -1 when unknown. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether the training under way can be stopped. */
    public ReadOnlyBooleanProperty stoppableProperty() {
        return stoppable.getReadOnlyProperty();
    }

    private void failed(String text) {
        busy.set(false);
        stoppable.set(false);
        progress.set(-1);
        error.set(text);
        message.set(model.get() == null ? "No model open." : "Still showing " + file.get().getFileName() + ".");
    }

    /** Checks the open model against {@code data} (null: no dataset yet): one line per missing or mismatched column. */
    void check(Dataset data) {
        checkedAgainst = data;
        TaskModel current = model.get();
        if (current != null) {
            card.set(ModelCardText.describe(current.card(), data));
        }
        fitCheck.check(current, data);
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The model card as text. */
    public ReadOnlyStringProperty cardProperty() {
        return card.getReadOnlyProperty();
    }

    /** Whether the model fits the loaded dataset, in one sentence; the problems follow in {@link #problems()}. */
    public ReadOnlyStringProperty fitProperty() {
        return fitCheck.fitProperty();
    }

    public ObservableList<String> problems() {
        return fitCheck.problems();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
