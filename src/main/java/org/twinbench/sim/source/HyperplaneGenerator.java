package org.twinbench.sim.source;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.Seeds;

/**
 * The rotating hyperplane (Hulten, Spencer and Domingos, KDD 2001; MOA's {@code HyperplaneGenerator}):
 * x uniform on [0, 1]^d, class 1 when {@code Σ wᵢxᵢ ≥ ½ Σ wᵢ}, flipped with probability {@code noise}.
 * The first {@code driftAttributes} weights move by {@code magnitude} per row in a direction that
 * reverses with probability {@code reversal}. MOA moves the weights after every row; here they move
 * by {@code magnitude × rows} per drifting step and may reverse once per step, which lets the weights
 * of step t be computed from (seed, replicate, step) alone.
 */
public record HyperplaneGenerator(long seed, String nodeId, int attributes, int driftAttributes, double magnitude,
                                  double reversal, double noise, int batchSize,
                                  java.util.function.IntToDoubleFunction drifting)
        implements SyntheticSource.StreamGenerator {

    /** The starting weights, uniform on [0, 1], the same for every replicate. */
    double[] initialWeights() {
        SplittableRandom random = Seeds.random(seed, nodeId + "#weights", 0, 0);
        double[] w = new double[attributes];
        for (int i = 0; i < attributes; i++) {
            w[i] = random.nextDouble();
        }
        return w;
    }

    /** The weights in force at {@code step} of {@code replicate}. */
    double[] weights(int replicate, int step) {
        double[] w = initialWeights();
        int drifting = Math.min(driftAttributes, attributes);
        double[] direction = new double[drifting];
        java.util.Arrays.fill(direction, 1);
        for (int k = 0; k < step; k++) {
            if (drifting == 0 || drifting(k) == 0) {
                continue;
            }
            SplittableRandom random = Seeds.random(seed, nodeId + "#drift", replicate, k);
            for (int i = 0; i < drifting; i++) {
                w[i] += direction[i] * magnitude * batchSize;
                if (random.nextDouble() < reversal) {
                    direction[i] = -direction[i];
                }
            }
        }
        return w;
    }

    private double drifting(int step) {
        return drifting.applyAsDouble(step);
    }

    @Override
    public Frame generate(int rows, double newConcept, int replicate, int step, SplittableRandom random) {
        double[] w = step < 0 ? initialWeights() : weights(replicate, step);
        double half = 0;
        for (double weight : w) {
            half += weight / 2;
        }
        double[][] x = new double[attributes][rows];
        double[] label = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int i = 0; i < attributes; i++) {
                x[i][r] = random.nextDouble();
                sum += w[i] * x[i][r];
            }
            int y = sum >= half ? 1 : 0;
            label[r] = random.nextDouble() < noise ? 1 - y : y;
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < attributes; i++) {
            columns.add(new NumericColumn("x" + (i + 1), x[i]));
        }
        columns.add(new NumericColumn(LABEL, label));
        return new Frame(columns);
    }
}
