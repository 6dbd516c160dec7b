package org.twinbench.sim.perturb;

import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.Schedule;

/**
 * Rows moved toward the model's decision boundary within stated bounds (docs/scenarios.md): each of the
 * {@code columns} of a row may move by at most {@code bounds[j]} times the intensity. The direction of column j
 * for a row is the sign of {@code score(x + b_j e_j) - score(x - b_j e_j)}, reversed for a row the model calls
 * positive, so every column pushes the score toward the threshold (for a linear model, the fast gradient sign
 * direction: the move of bounded size that changes the margin most). A row whose decision flips within the bounds
 * is moved to the first point along that direction where it flips, found by bisection (30 halvings); the others
 * move by the full bound. Attacks the model serving the step (the initial one until a policy retrains or promotes
 * another; {@code model} is the initial one), by querying it as a black box.
 */
public record BoundarySeeking(String nodeId, List<String> columns, double[] bounds, BinaryClassifier model,
                              double threshold, Schedule schedule) implements Perturbation {

    /** Halvings of the step to the boundary: the flip point is within 2^-30 of the step. */
    static final int HALVINGS = 30;

    public BoundarySeeking {
        columns = List.copyOf(columns);
        bounds = bounds.clone();
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random) {
        return attack(batch, step, model);
    }

    @Override
    public Frame apply(Frame batch, int step, SplittableRandom random, TaskModel serving) {
        return attack(batch, step, serving instanceof BinaryClassifier current ? current : model);
    }

    private Frame attack(Frame batch, int step, BinaryClassifier model) {
        double intensity = schedule.intensity(step);
        int n = batch.rowCount();
        if (intensity == 0 || n == 0) {
            return batch;
        }
        double[] scores = model.scorePositive(batch);
        double[][] original = new double[columns.size()][];
        double[][] move = new double[columns.size()][n];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn column = batch.numeric(columns.get(j));
            original[j] = column.values();
            double size = intensity * bounds[j];
            double[] up = model.scorePositive(batch.with(column.withValues(shifted(original[j], size))));
            double[] down = model.scorePositive(batch.with(column.withValues(shifted(original[j], -size))));
            for (int i = 0; i < n; i++) {
                double toward = scores[i] >= threshold ? -1 : 1;
                move[j][i] = Math.signum(up[i] - down[i]) * toward * size;
            }
        }
        double[] full = fill(n, 1);
        boolean[] flips = flipped(scores, model.scorePositive(moved(batch, original, move, full)));
        double[] low = new double[n];
        double[] high = full.clone();
        for (int h = 0; h < HALVINGS; h++) {
            double[] mid = new double[n];
            for (int i = 0; i < n; i++) {
                mid[i] = flips[i] ? (low[i] + high[i]) / 2 : 1;
            }
            boolean[] now = flipped(scores, model.scorePositive(moved(batch, original, move, mid)));
            for (int i = 0; i < n; i++) {
                if (flips[i]) {
                    if (now[i]) {
                        high[i] = mid[i];
                    } else {
                        low[i] = mid[i];
                    }
                }
            }
        }
        return moved(batch, original, move, high);
    }

    private boolean[] flipped(double[] before, double[] after) {
        boolean[] out = new boolean[before.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (before[i] >= threshold) != (after[i] >= threshold);
        }
        return out;
    }

    /** The batch with column j of row i at {@code original[j][i] + share[i] · move[j][i]}. */
    private Frame moved(Frame batch, double[][] original, double[][] move, double[] share) {
        Frame out = batch;
        for (int j = 0; j < columns.size(); j++) {
            double[] values = new double[share.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = original[j][i] + share[i] * move[j][i];
            }
            out = out.with(batch.numeric(columns.get(j)).withValues(values));
        }
        return out;
    }

    private static double[] shifted(double[] values, double by) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] + by;
        }
        return out;
    }

    private static double[] fill(int n, double value) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
