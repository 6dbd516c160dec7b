package org.twinbench.sim;

import org.twinbench.data.Frame;

/**
 * A scored step whose labels have arrived: the rows as the model saw them (with the label column),
 * the labels as 0/1 (-1 where missing) and the scores the model gave at the time.
 *
 * @param byChallenger which rows the challenger scored, or null when there is no challenger
 */
public record LabelledBatch(int step, Frame rows, int[] labels, double[] scores, boolean[] byChallenger) {

    public LabelledBatch(int step, Frame rows, int[] labels, double[] scores) {
        this(step, rows, labels, scores, null);
    }

    /** Rows with a label whose prediction (score &ge; threshold) disagrees with it. */
    public int errors(double threshold) {
        int errors = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0 && (scores[i] >= threshold ? 1 : 0) != labels[i]) {
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
