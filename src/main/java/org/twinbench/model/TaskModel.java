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

    /**
     * The output of a classifier that gives only its predicted class (scores 1 for it and 0 for the other
     * classes: an ONNX model exported without probabilities), whose scores nothing can rank or calibrate;
     * null for a model that gives probabilities or amounts.
     */
    default String labelsOnlyOutput() {
        return null;
    }
}
