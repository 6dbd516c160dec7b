package org.twinbench.model;

import org.twinbench.data.Frame;

/** A model that scores a batch: the probability of the positive class for every row. */
public interface BinaryClassifier extends TaskModel {

    double[] scorePositive(Frame batch);

    /** What the model is: algorithm, target, features, positive class. */
    ModelCard card();
}
