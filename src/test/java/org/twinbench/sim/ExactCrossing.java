package org.twinbench.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.twinbench.data.Frame;
import org.twinbench.model.FeatureEncoder;
import org.twinbench.model.LogisticModel;

/**
 * The exact smallest upward shift of one feature of a logistic model that takes its accuracy on some rows below
 * their accuracy minus a drop: shifting feature j up by s sd (its sd on these rows) flips row i exactly at
 * s_i = −z_i / (w_j · sd), so the accuracy is a step function whose first step below the limit is found by walking
 * the sorted s_i. Independent of the grid-and-bisection search it checks.
 */
public final class ExactCrossing {

    private ExactCrossing() {
    }

    /** The exact shift (NaN when none up to {@code max}); {@code j} is the feature's position in the model. */
    public static double shiftUp(LogisticModel model, Frame rows, int[] labels, int j, double drop, double max) {
        double[] scores = model.scorePositive(rows);
        String feature = model.card().features().get(j);
        double sd = rows.numeric(feature).standardDeviation();
        double w = model.coefficients()[j] / ((FeatureEncoder.Numeric) model.encoder().features().get(j)).sd();
        List<double[]> crossings = new ArrayList<>();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            double z = Math.log(scores[i] / (1 - scores[i]));
            int predicted = z >= 0 ? 1 : 0;
            correct += predicted == labels[i] ? 1 : 0;
            double at = -z / (w * sd);
            if (at > 0) {
                crossings.add(new double[] {at, predicted == labels[i] ? -1 : 1});
            }
        }
        crossings.sort(Comparator.comparingDouble(c -> c[0]));
        double limit = (double) correct / labels.length - drop;
        int now = correct;
        for (double[] c : crossings) {
            now += (int) c[1];
            if ((double) now / labels.length < limit && c[0] <= max) {
                return c[0];
            }
        }
        return Double.NaN;
    }
}
