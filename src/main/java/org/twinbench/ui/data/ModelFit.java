package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.Dataset;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.TaskModel;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * Whether the open model fits the loaded dataset: one sentence, and a line per missing or mismatched column. The
 * check runs on a thread of its own; its answer is dropped when the model or the dataset changed meanwhile.
 */
final class ModelFit {

    /**
     * Checks of the model against the data run on a thread of their own: on the app executor a check
     * queued behind a run (which holds an executor thread until it ends) left "Checking the model …"
     * up for as long as the run lasted.
     */
    private static final java.util.concurrent.ExecutorService CHECKS = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "twinbench-model-check");
                thread.setDaemon(true);
                return thread;
            });
    private final BackgroundTask.Runner checks;
    private final ReadOnlyStringWrapper fit = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    /** The model open now and the dataset checked against now: an older check's answer is dropped. */
    private final Supplier<TaskModel> openModel;
    private Dataset checkedAgainst;

    ModelFit(Executor fxThread, Supplier<TaskModel> openModel) {
        this.checks = new BackgroundTask.Runner(CHECKS::submit, fxThread);
        this.openModel = openModel;
    }

    /** Checks {@code current} against {@code data} (null: no dataset yet; a null model: nothing to say). */
    void check(TaskModel current, Dataset data) {
        checkedAgainst = data;
        problems.clear();
        if (current == null) {
            fit.set("");
            return;
        }
        if (data == null) {
            fit.set("Open a dataset to check that the model can score it.");
            return;
        }
        fit.set("Checking the model against " + name(data) + " ...");
        // Converting a million cells to check them is work for the executor, not the FX thread.
        checks.task(context -> ModelInputs.problems(current, data.frame()))
                .onSuccess(found -> {
                    if (current == openModel.get() && data == checkedAgainst) {
                        showFit(current, data, found);
                    }
                })
                .onFailure(e -> {
                    if (current == openModel.get() && data == checkedAgainst) {
                        fit.set("Cannot check the model against " + name(data) + ": " + e.getMessage());
                    }
                })
                .start();
    }

    /** Nothing checked, nothing said. */
    void clear() {
        checkedAgainst = null;
        fit.set("");
        problems.clear();
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

    ReadOnlyStringProperty fitProperty() {
        return fit.getReadOnlyProperty();
    }

    ObservableList<String> problems() {
        return problemsView;
    }
}
