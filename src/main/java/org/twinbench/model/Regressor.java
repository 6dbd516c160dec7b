package org.twinbench.model;

import org.twinbench.data.Frame;

/** A model that predicts an amount for every row of a batch. */
public interface Regressor extends TaskModel {

    double[] predict(Frame batch);
}
