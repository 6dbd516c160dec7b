package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.sim.Alarm;
import org.twinbench.stats.CategoricalDrift;
import org.twinbench.stats.CategoricalReference;

/**
 * Prediction drift of a multiclass model: each step's mix of predicted classes against the mix the model
 * predicted for the reference rows ({@link CategoricalReference}, one bin per class), recorded as
 * {@code <id>.score} like the drift of binary scores, with an alarm when the statistic ({@code psi},
 * {@code jensen-shannon} or {@code hellinger}) reaches {@code threshold} (once per crossing).
 */
public record ClassMixDriftMonitor(String nodeId, CategoricalReference reference, List<String> classes,
                                   String statisticName, ToDoubleFunction<CategoricalDrift> statistic,
                                   double threshold) implements Monitor {

    public ClassMixDriftMonitor {
        classes = List.copyOf(classes);
    }

    /** The monitor of a prediction-drift node, from the classes the model predicted for the reference rows. */
    public static ClassMixDriftMonitor of(String nodeId, double[] referenceClasses, List<String> classes,
                                          String statisticName, double threshold) {
        ToDoubleFunction<CategoricalDrift> statistic = switch (statisticName) {
            case "psi" -> CategoricalDrift::psi;
            case "jensen-shannon" -> CategoricalDrift::jensenShannon;
            case "hellinger" -> CategoricalDrift::hellinger;
            default -> throw new ScenarioException("node " + nodeId + ": statistic '" + statisticName + "' compares "
                    + "numbers, but a multiclass model predicts classes; use psi, jensen-shannon or hellinger");
        };
        return new ClassMixDriftMonitor(nodeId, CategoricalReference.of(codes(referenceClasses), classes), classes,
                statisticName, statistic, threshold);
    }

    @Override
    public Watch start() {
        boolean[] above = new boolean[1];
        return (arrived, current, out) -> {
            double value = statistic.applyAsDouble(reference.compare(codes(current.scores()), classes));
            out.measure(nodeId + ".score", value);
            boolean drifted = value >= threshold;
            if (drifted && !above[0]) {
                out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT,
                        "predicted classes drifted: %s %.3f >= %.3f", statisticName, value, threshold));
            }
            above[0] = drifted;
        };
    }

    private static int[] codes(double[] classes) {
        int[] out = new int[classes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) classes[i];
        }
        return out;
    }
}
