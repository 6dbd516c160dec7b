package org.twinbench.ui.data;

import java.util.List;
import org.twinbench.data.Frame;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Task;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;

/**
 * What a training from the window does off the FX thread, as the {@code train} command does it: the target's values
 * decide the task (an amount trains a regression), and a column that gives the target away ({@link TrainingLeaks})
 * is left out unless the request keeps it.
 */
final class TrainingRun {

    private TrainingRun() {
    }

    /** The model trained and the columns left out because they give the target away. */
    record Trained(TaskModel model, List<String> leftOut) {
    }

    /** Trains {@code request} on {@code frame} (the rows chosen) from {@code features}, of data with {@code sha256}. */
    static Trained fit(TrainRequest request, Frame frame, List<String> features, String sha256,
                       TrainingProgress progress) {
        Task task = Task.of(frame.column(request.target())).orElseThrow(() -> new IllegalArgumentException(
                "'" + request.target() + "' cannot be predicted: it has a single value or too many different texts"));
        List<String> leaked = request.keepLeaky() ? List.of() : TrainingLeaks.columns(
                TrainingLeaks.forTask(frame, request.target(), features, task), features);
        List<String> used = features.stream().filter(f -> !leaked.contains(f)).toList();
        if (used.isEmpty()) {
            throw new IllegalArgumentException("no feature columns are left to train on");
        }
        TaskModel trained = TaskTrainer.train(frame, new TrainingOptions(request.algorithm(), request.target(), used,
                null, request.seed(), 0, sha256, request.holdoutShare()), task, progress).model();
        return new Trained(trained, leaked);
    }

    /**
     * The leakage findings of {@code features} for {@code target} on {@code frame} (the rows chosen), as
     * {@link #fit} judges them; none for a target no model can learn.
     */
    static List<QualityFinding> leaks(Frame frame, String target, List<String> features) {
        return Task.of(frame.column(target)).map(task -> TrainingLeaks.forTask(frame, target, features, task))
                .orElse(List.of());
    }

    /** What a training says of the columns it left out because they give the target away ("" for none). */
    static String leftOut(List<String> leaked) {
        return leaked.isEmpty() ? "" : "; left out " + leaked.stream().map(c -> "'" + c + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ": " + (leaked.size() == 1 ? "it gives" : "each gives")
                + " the target away (data quality: leakage)";
    }
}
