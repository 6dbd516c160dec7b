package org.twinbench.sim;

import org.twinbench.data.Frame;

/**
 * A scored step whose labels have arrived: the rows as the model saw them (with the label column),
 * the labels as {@link ModelTask#labels} reads them (-1 where missing) and what the model said at the time.
 *
 * @param scores binary: the positive-class scores; regression: the predicted amounts; multiclass: the
 *     predicted class codes (see {@link Predictions#values})
 * @param byChallenger which rows the challenger scored, or null when there is no challenger
 * @param amounts a regression's true amounts (NaN where missing); null for classifiers
 * @param proba a multiclass model's class probabilities; null for the other tasks
 */
public record LabelledBatch(int step, Frame rows, int[] labels, double[] scores, boolean[] byChallenger,
                            double[] amounts, double[][] proba) {

    public LabelledBatch(int step, Frame rows, int[] labels, double[] scores, boolean[] byChallenger) {
        this(step, rows, labels, scores, byChallenger, null, null);
    }

    public LabelledBatch(int step, Frame rows, int[] labels, double[] scores) {
        this(step, rows, labels, scores, null);
    }

    /**
     * Rows with a label whose prediction disagrees with it: a binary score on the wrong side of the
     * threshold, a multiclass model's wrong class. A regression has no wrong rows (0).
     */
    public int errors(double threshold) {
        if (amounts != null) {
            return 0;
        }
        int errors = 0;
        for (int i = 0; i < labels.length; i++) {
            int predicted = proba != null ? (int) scores[i] : scores[i] >= threshold ? 1 : 0;
            if (labels[i] >= 0 && predicted != labels[i]) {
                errors++;
            }
        }
        return errors;
    }

    public int labelled() {
        int n = 0;
        for (int label : labels) {
            n += label >= 0 ? 1 : 0;
        }
        return n;
    }
}
