package org.twinbench.sim.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;
import org.twinbench.sim.Alarm;

/**
 * Direct loss estimation (DLE, as NannyML's) for a regression, without labels: on the labelled reference
 * rows two gradient-boosted regressors learn the model's loss from its features and its prediction — one
 * the absolute error |y − ŷ|, one the squared error (y − ŷ)² — and on every step's rows the mean of the
 * predicted losses (negative predictions counted as 0) estimates the MAE, and the square root of the mean
 * predicted squared error the RMSE. Records {@code <id>.estimated_mae} and {@code <id>.estimated_rmse};
 * alarms when the estimated RMSE reaches {@code threshold} (once per crossing; never when it is NaN).
 *
 * @param features the model's features; the loss models also read the prediction
 */
public record DleMonitor(String nodeId, List<String> features, Regressor absoluteError, Regressor squaredError,
                         double threshold) implements Monitor {

    /** The name under which the loss models read the model's prediction. */
    static final String PREDICTION = "__prediction";
    private static final String LOSS = "__loss";

    /** Trees of each loss model: 0, the trainer's default for boosting. */
    static final int TREES = 0;

    public DleMonitor {
        features = List.copyOf(features);
    }

    /**
     * Fits the loss models on the reference rows with a true amount: {@code predictions} are the model's
     * predictions of {@code reference}, {@code amounts} the true amounts (NaN where missing).
     */
    public static DleMonitor fit(String nodeId, Frame reference, List<String> features, double[] predictions,
                                 double[] amounts, long seed, double threshold) {
        return fit(nodeId, reference, features, predictions, amounts, seed, threshold, Algorithm.GRADIENT_BOOSTING);
    }

    /**
     * As {@link #fit(String, Frame, List, double[], double[], long, double)}, with loss models of {@code algorithm}
     * (the node's are gradient boosting, as NannyML's are LightGBM; {@code LOGISTIC} gives ridge regressions).
     */
    public static DleMonitor fit(String nodeId, Frame reference, List<String> features, double[] predictions,
                                 double[] amounts, long seed, double threshold, Algorithm algorithm) {
        int n = 0;
        int[] rows = new int[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            if (!Double.isNaN(amounts[i]) && Double.isFinite(predictions[i])) {
                rows[n++] = i;
            }
        }
        rows = java.util.Arrays.copyOf(rows, n);
        double[] absolute = new double[n];
        double[] squared = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            double error = amounts[rows[i]] - predictions[rows[i]];
            absolute[i] = Math.abs(error);
            squared[i] = error * error;
            predicted[i] = predictions[rows[i]];
        }
        Frame labelled = reference.select(rows).with(new NumericColumn(PREDICTION, predicted));
        return new DleMonitor(nodeId, features, lossModel(labelled, absolute, features, seed, algorithm),
                lossModel(labelled, squared, features, seed + 1, algorithm), threshold);
    }

    private static Regressor lossModel(Frame rows, double[] loss, List<String> features, long seed,
                                       Algorithm algorithm) {
        List<String> inputs = new ArrayList<>(features);
        inputs.add(PREDICTION);
        TrainingOptions options = new TrainingOptions(algorithm, LOSS, inputs, null, seed, TREES,
                "direct loss estimation", 0);
        return (Regressor) TaskTrainer.train(rows.with(new NumericColumn(LOSS, loss)), options, Task.REGRESSION,
                TrainingProgress.NONE).model();
    }

    /** The estimated MAE and RMSE of rows with predictions {@code predictions}: NaN for no rows. */
    public double[] estimate(Frame rows, double[] predictions) {
        if (rows.rowCount() == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Frame input = rows.with(new NumericColumn(PREDICTION, predictions));
        return new double[] {meanOf(absoluteError.predict(input)), Math.sqrt(meanOf(squaredError.predict(input)))};
    }

    private static double meanOf(double[] losses) {
        double sum = 0;
        for (double loss : losses) {
            sum += Math.max(loss, 0);
        }
        return sum / losses.length;
    }

    @Override
    public Watch start() {
        boolean[] above = new boolean[1];
        return (arrived, current, out) -> {
            double[] estimate = estimate(current.rows(), current.scores());
            out.measure(nodeId + ".estimated_mae", estimate[0]);
            out.measure(nodeId + ".estimated_rmse", estimate[1]);
            boolean high = estimate[1] >= threshold;
            if (high && !above[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT,
                        "estimated RMSE %.4g >= %.4g (DLE, no labels)", estimate[1], threshold));
            }
            above[0] = high;
        };
    }
}
