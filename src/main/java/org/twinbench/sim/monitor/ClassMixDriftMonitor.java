package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.sim.Alarm;
import org.twinbench.stats.CategoricalDrift;
import org.twinbench.stats.CategoricalReference;
import org.twinbench.stats.NullCalibration;

/**
 * Prediction drift of a multiclass model: each step's mix of predicted classes against the mix the model
 * predicted for the reference rows ({@link CategoricalReference}, one bin per class), recorded as
 * {@code <id>.score} like the drift of binary scores, with an alarm when the statistic ({@code psi},
 * {@code jensen-shannon} or {@code hellinger}) reaches the threshold (once per crossing): the node's
 * {@code threshold} when set, otherwise the threshold that holds the node's {@code false_alarm_rate} for the
 * step's number of rows, calibrated on the reference's predicted classes as the feature monitors calibrate
 * theirs ({@link AlarmThreshold}, {@link NullCalibration}).
 *
 * @param referenceCodes the class the model predicted for each reference row
 */
public record ClassMixDriftMonitor(String nodeId, int[] referenceCodes, List<String> classes,
                                   String statisticName, ToDoubleFunction<CategoricalDrift> statistic,
                                   AlarmThreshold threshold) implements Monitor {

    /** The column name under which the class mix's calibrated thresholds are kept. */
    private static final String COLUMN = "predicted class";

    public ClassMixDriftMonitor {
        classes = List.copyOf(classes);
    }

    /** The monitor of a prediction-drift node, from the classes the model predicted for the reference rows. */
    public static ClassMixDriftMonitor of(String nodeId, double[] referenceClasses, List<String> classes,
                                          String statisticName, AlarmThreshold threshold) {
        ToDoubleFunction<CategoricalDrift> statistic = switch (statisticName) {
            case "psi" -> CategoricalDrift::psi;
            case "jensen-shannon" -> CategoricalDrift::jensenShannon;
            case "hellinger" -> CategoricalDrift::hellinger;
            default -> throw new ScenarioException("node " + nodeId + ": statistic '" + statisticName + "' compares "
                    + "numbers, but a multiclass model predicts classes; use psi, jensen-shannon or hellinger");
        };
        return new ClassMixDriftMonitor(nodeId, codes(referenceClasses), classes, statisticName, statistic, threshold);
    }

    /** As {@link #of(String, double[], List, String, AlarmThreshold)} at a fixed threshold. */
    public static ClassMixDriftMonitor of(String nodeId, double[] referenceClasses, List<String> classes,
                                          String statisticName, double threshold) {
        return of(nodeId, referenceClasses, classes, statisticName, AlarmThreshold.fixed(threshold));
    }

    @Override
    public Watch start() {
        boolean[] above = new boolean[1];
        CategoricalReference reference = CategoricalReference.of(referenceCodes, classes);
        NullCalibration.PairStatistic calibration = (r, b) -> statistic.applyAsDouble(CategoricalReference.of(
                NullCalibration.pick(referenceCodes, r), classes).compare(NullCalibration.pick(referenceCodes, b),
                classes));
        return (arrived, current, out) -> {
            int[] predicted = codes(current.scores());
            double value = statistic.applyAsDouble(reference.compare(predicted, classes));
            out.measure(nodeId + ".score", value);
            double limit = threshold.threshold(COLUMN, predicted.length, referenceCodes.length, calibration);
            boolean drifted = !Double.isNaN(limit) && value >= limit;
            if (drifted && !above[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, "predicted classes drifted: %s %.3f %s",
                        statisticName, value, threshold.describe(limit, predicted.length)));
            }
            above[0] = drifted;
        };
    }

    @Override
    public AlarmRate alarmRate() {
        return threshold.isCalibrated() ? new AlarmRate(nodeId, 1, threshold.rate(), false) : AlarmRate.NONE;
    }

    private static int[] codes(double[] classes) {
        int[] out = new int[classes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) classes[i];
        }
        return out;
    }
}
