package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.DataException;
import org.twinbench.data.Dataset;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Task;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.model.Algorithm;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelCard;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.TrainingOptions;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.fx.FxCoalescer;

/**
 * The model half of the data and model panel: the open model (a {@code .twinmodel} bundle or an ONNX
 * model with its sidecar), its card, the schema check against the loaded dataset, and training a new
 * model from the dataset in the window. Work runs on the app executor; properties change on the FX thread.
 */
public final class ModelPanelViewModel {

    /**
     * What the training form asks.
     *
     * @param keepLeaky whether features that give the target away (the {@code leakage} check, as {@code train}
     *     finds them: {@link TrainingLeaks}) are kept; by default they are left out
     * @param rows      the rows trained on (null: all)
     */
    public record TrainRequest(Algorithm algorithm, String target, long seed, double holdoutShare, boolean keepLeaky,
                               TrainingRows rows, Path output) {
        /** The same request, saving to {@code file}. */
        public TrainRequest withOutput(Path file) {
            return new TrainRequest(algorithm, target, seed, holdoutShare, keepLeaky, rows, file);
        }

        /** The file name the model is offered under: the dataset's name and the algorithm's id. */
        public String fileName(String datasetStem) {
            return datasetStem + "-" + algorithm.id() + ".twinmodel";
        }
    }

    /** An algorithm as the training form offers it, in words. */
    public record AlgorithmChoice(Algorithm algorithm, String label) {
        /** The choice of {@code algorithm}. */
        public static AlgorithmChoice of(Algorithm algorithm) {
            return new AlgorithmChoice(algorithm, switch (algorithm) {
                case LOGISTIC -> "Logistic regression";
                case RANDOM_FOREST -> "Random forest (100 trees)";
                case GRADIENT_BOOSTING -> "Gradient boosting (300 trees)";
            });
        }

        /** Every algorithm, the first (logistic regression) the form's default. */
        public static List<AlgorithmChoice> all() {
            return java.util.Arrays.stream(Algorithm.values()).map(AlgorithmChoice::of).toList();
        }

        /**
         * Every algorithm as it is named for {@code task}, in the order of {@link #all()}: the linear model is a
         * logistic regression for two values, a multinomial one for several classes, a ridge regression for amounts.
         */
        public static List<AlgorithmChoice> all(org.twinbench.data.Task task) {
            return java.util.Arrays.stream(Algorithm.values()).map(a -> a != Algorithm.LOGISTIC ? of(a)
                    : new AlgorithmChoice(a, switch (task) {
                        case BINARY -> "Logistic regression";
                        case MULTICLASS -> "Multinomial logistic regression";
                        case REGRESSION -> "Linear (ridge) regression";
                    })).toList();
        }

        /** A request to train this algorithm, with no file yet. */
        public TrainRequest request(String target, long seed, double holdoutShare, boolean keepLeaky,
                                    TrainingRows rows) {
            return new TrainRequest(algorithm, target, seed, holdoutShare, keepLeaky, rows, null);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The holdout share the training form starts with. */
    public static final double DEFAULT_HOLDOUT_SHARE = TrainingOptions.DEFAULT_HOLDOUT_SHARE;

    private final BackgroundTask.Runner background;
    /**
     * Checks of the model against the data run on a thread of their own: on the app executor a check
     * queued behind a run (which holds an executor thread until it ends) left "Checking the model …"
     * up for as long as the run lasted.
     */
    private final BackgroundTask.Runner checks;
    private static final java.util.concurrent.ExecutorService CHECKS = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "twinbench-model-check");
                thread.setDaemon(true);
                return thread;
            });
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TaskModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper card = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fit = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
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
        this.checks = new BackgroundTask.Runner(CHECKS::submit, fxThread);
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
                words(request.algorithm()), rows - Math.round(rows * request.holdoutShare()), 100 * request.holdoutShare()));
        org.twinbench.data.Cancellation token = new org.twinbench.data.Cancellation();
        training = token;
        java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
        trainingSettled = settled;
        progress.set(-1);
        stoppable.set(request.algorithm() == org.twinbench.model.Algorithm.RANDOM_FOREST);
        String what = words(request.algorithm());
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
            // The target's values decide the task, as they do for the train command: an amount trains a regression.
            Task task = Task.of(frame.column(request.target())).orElseThrow(() -> new IllegalArgumentException(
                    "'" + request.target() + "' cannot be predicted: it has a single value or too many different texts"));
            // As the train command does: a column that gives the target away is left out unless kept.
            List<String> leaked = request.keepLeaky() ? List.of() : TrainingLeaks.columns(
                    TrainingLeaks.forTask(frame, request.target(), features, task), features);
            leftOut.set(leaked);
            List<String> used = features.stream().filter(f -> !leaked.contains(f)).toList();
            if (used.isEmpty()) {
                throw new IllegalArgumentException("no feature columns are left to train on");
            }
            TaskModel trained = TaskTrainer.train(frame, new TrainingOptions(request.algorithm(),
                    request.target(), used, null, request.seed(), 0, data.provenance().sha256(),
                    request.holdoutShare()), task, (done, total) -> {
                        token.check("training " + what);
                        grown.offer(new int[] {done, total});
                    }).model();
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
                        "Trained and saved " + request.output().getFileName() + leftOut(leftOut.get())))
                // A training stopped by the user is stale by then: stopTraining() has already said so.
                .onFailure(e -> failed(e instanceof DataException || e instanceof IllegalArgumentException
                        ? "Cannot train: " + e.getMessage() : "Training failed: " + e))
                .start();
    }

    /** What a training says of the columns it left out because they give the target away ("" for none). */
    static String leftOut(List<String> leaked) {
        return leaked.isEmpty() ? "" : "; left out " + leaked.stream().map(c -> "'" + c + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ": " + (leaked.size() == 1 ? "it gives" : "each gives")
                + " the target away (data quality: leakage)";
    }

    /**
     * The leakage findings of {@code features} for {@code target} of {@code data} as training will judge them
     * ({@link TrainingLeaks}), found on the executor and handed to {@code found} on the FX thread; dropped when
     * another check began since. Nothing for a target no model can learn.
     */
    public void checkLeaks(Dataset data, String target, List<String> features,
                           java.util.function.Consumer<List<QualityFinding>> found) {
        BackgroundTask.Ticket ticket = leakChecks.next();
        background.task(context -> Task.of(data.frame().column(target))
                .map(task -> TrainingLeaks.forTask(data.frame(), target, features, task)).orElse(List.of()))
                .whileCurrent(ticket).onSuccess(found).onFailure(e -> found.accept(List.of())).start();
    }

    private void opened(Path path, TaskModel read, String done) {
        busy.set(false);
        stoppable.set(false);
        progress.set(-1);
        file.set(path);
        model.set(read);
        card.set(describe(read.card(), checkedAgainst));
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
        fit.set("");
        problems.clear();
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
        if (current == null) {
            problems.clear();
            fit.set("");
            return;
        }
        card.set(describe(current.card(), data));
        problems.clear();
        if (data == null) {
            fit.set("Open a dataset to check that the model can score it.");
            return;
        }
        fit.set("Checking the model against " + name(data) + " ...");
        // Converting a million cells to check them is work for the executor, not the FX thread.
        checks.task(context -> ModelInputs.problems(current, data.frame()))
                .onSuccess(found -> {
                    if (current == model.get() && data == checkedAgainst) {
                        showFit(current, data, found);
                    }
                })
                .onFailure(e -> {
                    if (current == model.get() && data == checkedAgainst) {
                        fit.set("Cannot check the model against " + name(data) + ": " + e.getMessage());
                    }
                })
                .start();
    }

    private void showFit(TaskModel current, Dataset data, List<String> found) {
        problems.setAll(found);
        String target = current.card().target();
        String labels = target == null || target.isBlank() || data.frame().has(target) ? ""
                : " It has no '" + target + "' column, so the model's accuracy cannot be measured on it.";
        fit.set(found.isEmpty() ? "Fits " + name(data) + ": every column the model reads is there." + labels
                : "Does not fit " + name(data) + " (" + found.size() + (found.size() == 1 ? " column" : " columns")
                        + "):");
    }

    private static String name(Dataset data) {
        return Path.of(data.provenance().file()).getFileName().toString();
    }

    /** The card as lines: algorithm, target, features, holdout metrics, provenance. */
    static String describe(ModelCard card, Dataset data) {
        StringBuilder text = new StringBuilder();
        text.append("Algorithm: ").append(card.algorithm()).append('\n');
        text.append("Predicts: ").append(switch (card.task()) {
            case REGRESSION -> "the amount of " + card.target();
            case MULTICLASS -> card.target() + " (one of " + card.classes().size() + " classes)";
            default -> card.target() + " = " + card.positiveLabel();
        }).append('\n');
        text.append("Features (").append(card.features().size()).append("): ")
                .append(String.join(", ", card.features())).append('\n');
        if (card.holdoutMetrics().isEmpty()) {
            text.append("Holdout metrics: none recorded\n");
        } else {
            text.append("Holdout metrics").append(card.holdoutRows() > 0 ? " (" + card.holdoutRows() + " rows)" : "")
                    .append(":\n");
            Map<String, double[]> intervals = org.twinbench.model.HoldoutIntervals.of(card);
            for (Map.Entry<String, Double> metric : card.holdoutMetrics().entrySet()) {
                text.append(String.format(Locale.ROOT, "   %s  %.3f%s%n", metric.getKey(), metric.getValue(),
                        ModelSummary.interval(intervals.get(metric.getKey()))));
            }
        }
        text.append(String.format(Locale.ROOT, "Trained on %,d rows", card.trainingRows()));
        String sha = card.trainingDataSha256();
        if (sha != null && !sha.isBlank()) {
            text.append(" of data with SHA-256 ").append(sha, 0, Math.min(12, sha.length())).append('…');
            if (data != null && sha.equals(data.provenance().sha256())) {
                text.append(" (the dataset open here)");
            }
        }
        if (card.rowsChosen() != null) {
            text.append(", of its ").append(card.rowsChosen());
        }
        return text.toString();
    }

    private static String words(Algorithm algorithm) {
        return switch (algorithm) {
            case LOGISTIC -> "a logistic regression";
            case RANDOM_FOREST -> "a random forest";
            case GRADIENT_BOOSTING -> "gradient boosting";
        };
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
        return fit.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return problemsView;
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
