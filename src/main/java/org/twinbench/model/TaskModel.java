package org.twinbench.model;

import org.twinbench.data.Task;

/**
 * Any model TwinBench can load or train. What it predicts is its {@link #task()}: a
 * {@link BinaryClassifier}, a {@link MulticlassClassifier} or a {@link Regressor}.
 */
public interface TaskModel {

    /** What the model is: algorithm, task, target, features, holdout figures. */
    ModelCard card();

    default Task task() {
        return card().task();
    }
}
