package org.twinbench.sim;

import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;

/**
 * What a model of any task said about the rows of a batch.
 *
 * @param values binary: the probability of the positive class; regression: the predicted amount;
 *     multiclass: the code of the most probable class (into the card's classes), as a double
 * @param proba multiclass: every row's probability of each class; null for the other tasks
 */
public record Predictions(Task task, double[] values, double[][] proba) {

    /** Scores {@code batch} with {@code model}, whatever its task. */
    public static Predictions of(TaskModel model, Frame batch) {
        return of(model, batch, model.card().classes());
    }

    /**
     * Scores {@code batch} with {@code model}, a multiclass model's probabilities put in the order of the
     * run's {@code classes} (a model refitted on rows that lacked a class gives it probability 0; a class
     * the run does not know is left out).
     */
    public static Predictions of(TaskModel model, Frame batch, java.util.List<String> classes) {
        if (model instanceof BinaryClassifier binary) {
            return new Predictions(Task.BINARY, binary.scorePositive(batch), null);
        }
        if (model instanceof Regressor regressor) {
            return new Predictions(Task.REGRESSION, regressor.predict(batch), null);
        }
        if (model instanceof MulticlassClassifier multiclass) {
            double[][] proba = inOrder(multiclass.probabilities(batch), multiclass.classes(), classes);
            int[] best = MulticlassClassifier.mostProbable(proba);
            double[] values = new double[best.length];
            for (int i = 0; i < best.length; i++) {
                values[i] = best[i];
            }
            return new Predictions(Task.MULTICLASS, values, proba);
        }
        throw new IllegalArgumentException("cannot score with a " + model.getClass().getSimpleName());
    }

    private static double[][] inOrder(double[][] proba, java.util.List<String> own, java.util.List<String> classes) {
        if (own.equals(classes)) {
            return proba;
        }
        double[][] out = new double[proba.length][classes.size()];
        for (int c = 0; c < own.size(); c++) {
            int to = classes.indexOf(own.get(c));
            for (int i = 0; to >= 0 && i < proba.length; i++) {
                out[i][to] = proba[i][c];
            }
        }
        return out;
    }

    /** The predicted class codes of a multiclass model. */
    public int[] classes() {
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    /** Gives the rows marked in {@code routed} the predictions of {@code other} (in place). */
    void take(boolean[] routed, Predictions other) {
        for (int i = 0; i < routed.length; i++) {
            if (routed[i]) {
                values[i] = other.values[i];
                if (proba != null) {
                    proba[i] = other.proba[i];
                }
            }
        }
    }
}
