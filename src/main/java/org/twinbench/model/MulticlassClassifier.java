package org.twinbench.model;

import java.util.List;
import org.twinbench.data.Frame;

/** A model that gives every row of a batch a probability for each of three or more classes. */
public interface MulticlassClassifier extends TaskModel {

    /** The classes, in the order of {@link #probabilities}. */
    default List<String> classes() {
        return card().classes();
    }

    /** {@code p[i][c]}: the probability that row {@code i} is of class {@code classes().get(c)}. */
    double[][] probabilities(Frame batch);

    /** The most probable class of each row, as a code into {@link #classes()} (ties to the first). */
    static int[] mostProbable(double[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            double[] row = probabilities[i];
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                best = row[c] > row[best] ? c : best;
            }
            out[i] = best;
        }
        return out;
    }
}
