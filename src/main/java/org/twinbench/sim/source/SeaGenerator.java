package org.twinbench.sim.source;

import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * The SEA concepts (Street and Kim, KDD 2001; MOA's {@code SEAGenerator}): x1, x2, x3 uniform on
 * [0, 10]; class 0 when {@code x1 + x2 ≤ θ}, else 1, with θ = 8, 9, 7, 9.5 for functions 1-4 (x3 is
 * irrelevant); then the class is flipped with probability {@code noise}.
 */
public record SeaGenerator(int function, int driftTo, double noise) implements SyntheticSource.StreamGenerator {

    static final double[] THRESHOLDS = {8, 9, 7, 9.5};

    /** The class of a point under function 1-4, before noise. */
    public static int classOf(int function, double x1, double x2) {
        return x1 + x2 <= THRESHOLDS[function - 1] ? 0 : 1;
    }

    @Override
    public Frame generate(int rows, double newConcept, int replicate, int step, SplittableRandom random) {
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] x3 = new double[rows];
        double[] label = new double[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = 10 * random.nextDouble();
            x2[i] = 10 * random.nextDouble();
            x3[i] = 10 * random.nextDouble();
            int concept = random.nextDouble() < newConcept ? driftTo : function;
            int y = classOf(concept, x1[i], x2[i]);
            label[i] = random.nextDouble() < noise ? 1 - y : y;
        }
        return new Frame(java.util.List.of(new NumericColumn("x1", x1), new NumericColumn("x2", x2),
                new NumericColumn("x3", x3), new NumericColumn(LABEL, label)));
    }
}
