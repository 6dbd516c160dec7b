package org.twinbench.sim.whatif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;

/**
 * The model a guided-check test is given: the task's logistic (ridge for amounts) fitted on all of the first
 * {@code rows} of a frame (no holdout, seed 3), as the reference scripts fit scikit-learn on the same rows.
 */
public final class FirstRowsModel {

    private FirstRowsModel() {
    }

    /** Fits it and writes the bundle to {@code model}; returns {@code model}. */
    public static Path write(Frame frame, int rows, String target, List<String> features, Task task, Path model)
            throws IOException {
        Frame past = frame.select(IntStream.range(0, rows).toArray());
        ModelBundle.write(TaskTrainer.train(past, new TrainingOptions(Algorithm.LOGISTIC, target, features, null, 3, 0,
                "", 0), task, TrainingProgress.NONE).model(), model);
        return model;
    }
}
